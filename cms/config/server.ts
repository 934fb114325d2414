import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/utils/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  assertProductionSecrets(process.env);
  const publicDir = env('PUBLIC_DIR');
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: { koa: env.bool('TRUST_PROXY', false) },
    app: { keys: env.array('APP_KEYS', []) },
    // Scheduled jobs (email outbox, overdue marks, reminders); each claims its rows, so several instances are safe.
    cron: { enabled: env.bool('CRON_ENABLED', true) },
    logger: { updates: { enabled: false }, config: { level: env('LOG_LEVEL', 'http') } },
    ...(publicDir ? { dirs: { public: path.resolve(publicDir) } } : {}),
  };
};
