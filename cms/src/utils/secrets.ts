/**
 * Secrets the app needs, and the values that must never reach production
 * (the samples from `.env.example` and Strapi's own templates).
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  // Shared with the site: signs its webhook and the visitor address it sends (per-visitor limits).
  'SITE_WEBHOOK_SECRET',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

const SAMPLE_VALUES = new Set([
  'tobemodified',
  'tobemodified1',
  'tobemodified2',
  'changeme',
  'change-me',
  'secret',
  'example',
  'replace-me',
]);

function isSample(value: string): boolean {
  return value
    .split(',')
    .some((part) => SAMPLE_VALUES.has(part.trim().toLowerCase()) || part.trim().length < 16);
}

/** Names of the secrets that are missing or still hold a sample value. */
export function findUnsafeSecrets(env: NodeJS.ProcessEnv): SecretName[] {
  return REQUIRED_SECRETS.filter((name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' || isSample(value);
  });
}

/**
 * In production, refuse to start with missing or sample secrets: a forged
 * admin JWT or API token would give full control of the exchange.
 */
export function assertProductionSecrets(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecrets(env);
  if (unsafe.length > 0) {
    throw new Error(
      `Không khởi động ở chế độ production: thiếu hoặc đang dùng giá trị mẫu cho ${unsafe.join(', ')}. ` +
        'Đặt các biến môi trường này bằng giá trị ngẫu nhiên (ví dụ: openssl rand -base64 32).',
    );
  }
}
