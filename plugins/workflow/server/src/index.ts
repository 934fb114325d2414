import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as WORKFLOW_UID, DEPARTMENT_CONDITION } from './constants';
export { isTrustedImport, trustedImport } from './publish-guard';
export type { Notice, Recipient, WorkflowOutbox } from './services/outbox';
export {
  ensureStaffRoles,
  ensureUserRoles,
  grantStaffOnce,
  grantUserActions,
  type StaffPermission,
} from './rbac';
export { transition, allowedActions, TRANSITIONS } from './engine/transitions';
export { checkDefinitions } from './engine/definitions';
export * from './calendar';

export default { register, bootstrap, contentTypes, controllers, routes, services };
