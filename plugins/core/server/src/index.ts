import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';

export { UID as CORE_UID } from './constants';
export * from './lib/fold';
export * from './lib/validators';
export * from './lib/public-api';
export * from './lib/document-rules';
export * from './lib/admin-labels';
export * from './lib/input';
export * from './lib/client-address';
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
  routes,
};
