import type { Core } from '@strapi/strapi';
import { databaseOutageGuard, type OutageCtx } from '../lib/database-outage';
import { inVietnamese } from '../lib/error-messages';

/**
 * `plugin::core.database-outage` (cms/config/middlewares.ts, right after `strapi::errors`): while
 * the database is unreachable, requests answer 503 with a Vietnamese message at once instead of
 * waiting on the pool, and go through again as soon as it answers.
 */
const databaseOutage = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const guard = databaseOutageGuard({
    ping: () => strapi.db.connection.raw('select 1'),
    onDown: (error) =>
      strapi.log.error(
        `Mất kết nối cơ sở dữ liệu: ${error instanceof Error ? error.message : String(error)}. Trả lời 503 cho đến khi kết nối lại.`,
      ),
    onUp: () => strapi.log.info('Đã kết nối lại cơ sở dữ liệu.'),
  });
  return (ctx: OutageCtx, next: () => Promise<unknown>) => guard.handle(ctx, next);
};

/**
 * `plugin::core.error-messages` (cms/config/middlewares.ts, right before `strapi::errors`, so it
 * reads the answer that middleware wrote): Strapi's English default messages in Vietnamese.
 */
const errorMessages = () => async (ctx: { body: unknown }, next: () => Promise<unknown>) => {
  await next();
  inVietnamese(ctx.body);
};

export default { 'database-outage': databaseOutage, 'error-messages': errorMessages };
