import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MESSAGES, UID } from '../constants';

/** Every write the Document Service knows (content manager, REST, code). */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
/** The content manager's permissions that would draw create, edit and delete buttons. */
const WRITE_PERMISSIONS = ['create', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`,
);

interface ActionProvider {
  get(uid: string): { subjects?: string[] } | undefined;
}

/**
 * The audit log is read by people and written only by `recordAudit` (the Query Engine): any write
 * through the Document Service answers 403 with a Vietnamese message, whoever asks (the super admin
 * included), instead of a forged entry or a 500. Registered in `register`.
 */
export function refuseAuditWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID.auditEntry || !WRITES.has(ctx.action)) return next();
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(MESSAGES.auditReadOnly);
  });
}

interface Route {
  method: string;
  path: string;
  config?: { policies?: unknown[] };
}

/**
 * The content manager's write routes of collection types (create, edit, delete, publish, bulk actions)
 * check `plugin::core.audit-read-only` right after the sign-in check. Registered in `register`, before
 * Strapi mounts the routes.
 */
export function guardAuditRoutes(strapi: Core.Strapi): void {
  const routes = (strapi.plugin('content-manager').routes as unknown as Record<string, { routes: Route[] }>)
    .admin.routes;
  for (const route of routes) {
    if (route.method === 'GET' || !route.path.startsWith('/collection-types/:model')) continue;
    const policies = route.config?.policies ?? [];
    const signedIn = policies.indexOf('admin::isAuthenticatedAdmin');
    policies.splice(signedIn + 1, 0, 'plugin::core.audit-read-only');
    route.config = { ...route.config, policies };
  }
}

/**
 * No role holds the content manager's write permissions on the audit log, so the admin draws no
 * create, edit or delete button for it: the actions no longer offer it as a subject (the super admin's
 * permissions are synced from them) and permissions given before are removed. Runs at bootstrap.
 */
export async function withdrawAuditWritePermissions(strapi: Core.Strapi): Promise<void> {
  const provider = (strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider })
    .actionProvider;
  for (const uid of WRITE_PERMISSIONS) {
    const action = provider.get(uid);
    if (action?.subjects) action.subjects = action.subjects.filter((subject) => subject !== UID.auditEntry);
  }
  await strapi.db
    .query('admin::permission')
    .deleteMany({ where: { action: { $in: WRITE_PERMISSIONS }, subject: UID.auditEntry } });
}
