import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { grantStaffOnce, permissionFields } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION_NAME, DEPARTMENT_UID, PLUGIN_ID, UID } from './constants';
import { workflowService } from './utils/get-service';

interface PermissionService {
  conditionProvider: { register(condition: unknown): Promise<void> | void };
  actionProvider: { registerMany(actions: unknown[]): Promise<void> | void };
}

/**
 * Admin RBAC: the "belongs to my department" condition that scopes the content manager, and the
 * plugin's own actions (work the review inbox; edit workflows). Registered in `register` so the admin
 * keeps the permissions that use them when it cleans unknown actions at bootstrap.
 */
export function registerRbac(strapi: Core.Strapi): void {
  const permission = strapi.service('admin::permission') as unknown as PermissionService;
  const departmentsOf = async (user: { id: number }) => {
    const profile = (await strapi.db.query(UID.staff).findOne({
      where: { user: { id: user.id } },
      populate: { departments: { select: ['id'] } },
    })) as { departments?: { id: number }[] } | null;
    const ids = (profile?.departments ?? []).map((d) => d.id);
    return { 'department.id': { $in: ids.length > 0 ? ids : [-1] } };
  };
  // Strapi evaluates a condition once per permission, one after another, on every admin request (with
  // a fresh copy of the user each time): an officer's role holds dozens of department-scoped
  // permissions, so the departments are read once per request instead of once per permission — on
  // PostgreSQL the repeated reads cost ~200 ms per request, and an edit view makes dozens of them.
  const perRequest = new WeakMap<object, Map<number, ReturnType<typeof departmentsOf>>>();
  void permission.conditionProvider.register({
    displayName: 'Thuộc sở của tôi',
    name: DEPARTMENT_CONDITION_NAME,
    plugin: PLUGIN_ID,
    handler(user: { id: number }) {
      const request = strapi.requestContext.get() as object | undefined;
      if (!request) return departmentsOf(user);
      const known = perRequest.get(request) ?? new Map<number, ReturnType<typeof departmentsOf>>();
      perRequest.set(request, known);
      let answer = known.get(user.id);
      if (!answer) {
        answer = departmentsOf(user);
        known.set(user.id, answer);
        answer.catch(() => known.delete(user.id));
      }
      return answer;
    },
  });
  void permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xử lý hồ sơ trong Hộp duyệt', uid: 'review', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: 'Sửa quy trình duyệt', uid: 'settings', pluginName: PLUGIN_ID },
  ]);
}

/**
 * What every staff role needs for review work: the inbox, read access to its departments' items of
 * every content type under a workflow (`reviewed`), the reply templates, and the media library (to
 * see the pictures of what they review).
 */
export async function grantReviewWork(strapi: Core.Strapi, reviewed: string[]): Promise<void> {
  const explorer = (action: string, subject: string, conditions: string[] = []) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject,
    properties: { fields: permissionFields(strapi, subject) },
    conditions,
  });
  await grantStaffOnce(strapi, [
    ...reviewed.map((uid) => explorer('read', uid, [`plugin::${PLUGIN_ID}.${DEPARTMENT_CONDITION_NAME}`])),
    ...['read', 'create', 'update'].map((action) => explorer(action, UID.template)),
    { action: `plugin::${PLUGIN_ID}.review`, subject: null },
    { action: 'plugin::upload.read', subject: null },
  ]);
}

type RelationRef = number | string | { id?: number; documentId?: string };
interface RelationChanges {
  connect?: RelationRef[];
  disconnect?: RelationRef[];
  set?: RelationRef[];
}
type RelationInput = RelationRef | RelationChanges | null;
const isChanges = (input: RelationInput): input is RelationChanges =>
  typeof input === 'object' &&
  input !== null &&
  ('connect' in input || 'disconnect' in input || 'set' in input);

/**
 * Strapi checks a permission's condition on what exists, not on what a create or an update writes:
 * an officer could file content under another department. For content officers write in the admin
 * (types under review without a site-user owner, with a department), the department written must be
 * one of the officer's; a new item without one gets the officer's first department.
 */
export function registerDepartmentWrites(strapi: Core.Strapi): void {
  const departmentIdOf = async (ref: RelationRef): Promise<number | null> => {
    if (typeof ref === 'number') return ref;
    const documentId = typeof ref === 'string' ? ref : ref.documentId;
    if (typeof ref === 'object' && typeof ref.id === 'number') return ref.id;
    if (!documentId) return null;
    const row = (await strapi.db
      .query(DEPARTMENT_UID)
      .findOne({ where: { documentId }, select: ['id'] })) as {
      id: number;
    } | null;
    return row?.id ?? null;
  };
  /** The department a write sets: `undefined` when it leaves it as it is, `null` when it clears it. */
  const written = async (input: RelationInput | undefined): Promise<number | null | undefined> => {
    if (input === undefined) return undefined;
    if (input === null) return null;
    if (!isChanges(input)) return departmentIdOf(input);
    const refs = input.set ?? input.connect ?? [];
    if (refs.length > 0) return departmentIdOf(refs[refs.length - 1]);
    return input.disconnect && input.disconnect.length > 0 ? null : undefined;
  };

  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const targets = workflowService(strapi, 'targets');
    if (!targets.isReviewable(ctx.uid) || targets.ownedBySiteUsers(ctx.uid)) return next();
    const relation = strapi.contentType(ctx.uid as never).attributes.department as
      { type?: string; target?: string } | undefined;
    if (relation?.type !== 'relation' || relation.target !== DEPARTMENT_UID) return next();
    const request = strapi.requestContext.get() as
      { state?: { user?: { id: number }; auth?: { strategy?: { name?: string } } } } | undefined;
    if (request?.state?.auth?.strategy?.name !== 'admin' || !request.state.user) return next();
    const officer = await workflowService(strapi, 'staff').officer(request.state.user.id);
    if (officer.superAdmin) return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    const data = (params.data ??= {});
    const department = await written(data.department as RelationInput | undefined);
    if (department === undefined) {
      if (ctx.action === 'create' && officer.departmentIds.length > 0)
        data.department = officer.departmentIds[0];
      return next();
    }
    if (department === null || !officer.departmentIds.includes(department)) {
      throw new errors.PolicyError('Bạn chỉ viết được nội dung cho sở mình phụ trách.');
    }
    return next();
  });
}
