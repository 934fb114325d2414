/** Plugin configuration, overridable in cms/config/plugins.ts. */
export default {
  default: ({ env }: { env: (name: string, fallback?: string) => string }) => ({
    sms: {
      // `http` (SMS_GATEWAY_URL), `log` (writes messages to the log: development) or `none`.
      provider: env('SMS_PROVIDER', process.env.NODE_ENV === 'production' ? 'none' : 'log'),
      url: env('SMS_GATEWAY_URL', ''),
      token: env('SMS_GATEWAY_TOKEN', ''),
      sender: env('SMS_SENDER', 'SANGIAODICH'),
    },
    // Development without a mail server: a message that cannot be sent is written to the log.
    emailLogFallback: (process.env.NODE_ENV ?? 'development') === 'development',
    // Shared counters for several CMS instances; empty: counted in this process.
    rateLimitRedisUrl: env('RATE_LIMIT_REDIS_URL', ''),
    // Scans (licences, citizen IDs) are kept here, outside the public folder; empty: cms/data/private.
    privateFilesDir: env('PRIVATE_FILES_DIR', ''),
    // A citizen-ID scan is erased this many days after its seller is verified.
    citizenIdScanRetentionDays: Number(env('CITIZEN_ID_SCAN_RETENTION_DAYS', '30')),
  }),
  validator(config: { citizenIdScanRetentionDays?: unknown }) {
    const days = config.citizenIdScanRetentionDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
      throw new Error('CITIZEN_ID_SCAN_RETENTION_DAYS phải là số ngày nguyên, không âm.');
    }
  },
};
