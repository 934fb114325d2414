import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as CORE_UID, SUPER_ADMIN_ROLE } from './constants';
export { coreService, type CoreServices } from './services';
export type { Outbox, Notice, Recipient, OutgoingEmail } from './services/outbox';
export { NO_RATING, type Rating, type RatingsListener, type RatingsProvider } from './services/ratings';
export type { PersonalDataContributor } from './services/personal-data';
export * from './calendar';
export * from './lib/fold';
export * from './lib/public-api';
export * from './lib/document-rules';
export * from './lib/admin-views';
export * from './lib/enumeration';
export * from './lib/input';
export * from './lib/client-address';
export * from './lib/permissions';
export * from './lib/names';
export { registerMigrations, type Migration, type MigrationContext, type IndexSpec } from './lib/migrations';
export { sharedCache, type SharedCache } from './lib/shared-cache';
export * from './lib/csv';
export { recordAudit, type AuditEntry } from './lib/audit';
export { createCountCache, onWrites, publicCounts, type CountCache } from './lib/count-cache';
export { collationKey } from './lib/collation';
export { createAnswerCache, type AnswerCache } from './lib/answer-cache';
export { checkPostgresSettings } from './lib/postgres-settings';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
