import { UPLOAD_RULES } from '@sgd/config';

const positive = (value: string, fallback: number) => {
  const number = Number(value);
  return value.trim() && Number.isFinite(number) && number > 0 ? number : fallback;
};

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
    // Files sent to the public API (product images, scans): see UPLOAD_RULES.
    uploads: {
      maxBytes: Math.round(
        positive(env('UPLOAD_MAX_MB', ''), UPLOAD_RULES.maxBytes / 1024 / 1024) * 1024 * 1024,
      ),
      maxPixels: Math.round(
        positive(env('UPLOAD_MAX_MEGAPIXELS', ''), UPLOAD_RULES.maxPixels / 1_000_000) * 1_000_000,
      ),
      maxSide: Math.round(positive(env('UPLOAD_MAX_SIDE', ''), UPLOAD_RULES.maxSide)),
      maxFiles: UPLOAD_RULES.maxFiles,
    },
  }),
  validator(config: { citizenIdScanRetentionDays?: unknown }) {
    const days = config.citizenIdScanRetentionDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
      throw new Error('CITIZEN_ID_SCAN_RETENTION_DAYS phải là số ngày nguyên, không âm.');
    }
  },
};
