import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as WORKFLOW_UID, DEPARTMENT_CONDITION } from './constants';
export { isTrustedImport, trustedImport } from './publish-guard';
export { workflowApi, workflowService } from './utils/get-service';
export type { WorkflowServices } from './services';
export type { Officer } from './services/staff';
export type { UserScopeResolver } from './services/locking';
export type { ApprovedHook, DecidedHook, SubmitHook, WorkflowApi, WorkflowEngine } from './services/workflow';
export type { ActionInput, Doer, TaskRow } from './types';
export { transition, allowedActions, TRANSITIONS } from './engine/transitions';
export { checkDefinition } from './engine/definitions';
export { reviewOptionsSchema, type ReviewOptions } from './engine/options';

export default { register, bootstrap, contentTypes, controllers, routes, services };
