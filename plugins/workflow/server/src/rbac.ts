import type { Core } from '@strapi/strapi';
import { STAFF_LEVELS, WORKFLOW_BINDINGS } from '@sgd/config';
import { DEPARTMENT_CONDITION, UID } from './constants';

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
  void permission.conditionProvider.register({
    displayName: 'Thuộc sở của tôi',
    name: 'my-department',
    plugin: 'workflow',
    async handler(user: { id: number }) {
      const profile = (await strapi.db.query(UID.staff).findOne({
        where: { user: { id: user.id } },
        populate: { departments: { select: ['id'] } },
      })) as { departments?: { id: number }[] } | null;
      const ids = (profile?.departments ?? []).map((d) => d.id);
      return { 'department.id': { $in: ids.length > 0 ? ids : [-1] } };
    },
  });
  void permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xử lý hồ sơ trong Hộp duyệt', uid: 'review', pluginName: 'workflow' },
    { section: 'plugins', displayName: 'Sửa quy trình duyệt', uid: 'settings', pluginName: 'workflow' },
  ]);
}

const SYSTEM_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const fieldsOf = (strapi: Core.Strapi, uid: string) =>
  Object.keys(strapi.contentType(uid as never).attributes).filter((name) => !SYSTEM_FIELDS.has(name));

/**
 * Creates the staff roles (Chuyên viên, Lãnh đạo phòng, Lãnh đạo đơn vị) the first time, with read
 * access to their department's items in the content manager. Later edits by the super admin stay.
 */
export async function ensureStaffRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role') as unknown as {
    create(data: Record<string, unknown>): Promise<{ id: number }>;
    assignPermissions(roleId: number, permissions: unknown[]): Promise<unknown>;
    createRolesIfNoneExist(): Promise<void>;
  };
  // The admin creates its default roles (Super Admin, Editor, Author) only when no role exists; our
  // bootstrap may run first on a new database, so let it create them before ours.
  await roleService.createRolesIfNoneExist();
  const bound = Object.keys(WORKFLOW_BINDINGS).filter((uid) => strapi.contentType(uid as never));
  for (const level of STAFF_LEVELS) {
    const exists = await strapi.db.query('admin::role').findOne({ where: { code: level.role } });
    if (exists) continue;
    const role = await roleService.create({
      name: level.name,
      code: level.role,
      description: `Cán bộ kiểm duyệt cấp ${level.name.toLowerCase()}: chỉ thấy hồ sơ của sở mình.`,
    });
    const scoped = bound.map((uid) => ({
      action: 'plugin::content-manager.explorer.read',
      subject: uid,
      properties: { fields: fieldsOf(strapi, uid) },
      conditions: [DEPARTMENT_CONDITION],
    }));
    const templates = ['read', 'create', 'update'].map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: UID.template,
      properties: { fields: fieldsOf(strapi, UID.template) },
      conditions: [],
    }));
    const calendar = (level.code === 'head_of_unit' ? ['read', 'update'] : ['read']).map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: UID.calendarYear,
      properties: { fields: fieldsOf(strapi, UID.calendarYear) },
      conditions: [],
    }));
    await roleService.assignPermissions(role.id, [
      ...scoped,
      ...templates,
      ...calendar,
      { action: 'plugin::workflow.review', subject: null, properties: {}, conditions: [] },
      { action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] },
    ]);
  }
}

export interface StaffPermission {
  action: string;
  subject: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

/**
 * Gives every staff role (created first if missing) each permission it does not hold yet, matched by
 * action and subject: staff roles that predate a plugin get that plugin's permissions, and the super
 * admin's later edits of a permission (narrower fields, conditions) stay. A permission the super
 * admin deletes comes back at the next start. Answers the ids of the staff roles.
 */
export async function grantStaffOnce(strapi: Core.Strapi, wanted: StaffPermission[]): Promise<number[]> {
  await ensureStaffRoles(strapi);
  const permissions = strapi.service('admin::permission') as unknown as {
    createMany(p: object[]): Promise<unknown>;
  };
  const roleIds: number[] = [];
  for (const level of STAFF_LEVELS) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: level.role } })) as {
      id: number;
    } | null;
    if (!role) continue;
    roleIds.push(role.id);
    for (const permission of wanted) {
      const granted = await strapi.db
        .query('admin::permission')
        .count({ where: { action: permission.action, subject: permission.subject, role: { id: role.id } } });
      if (granted > 0) continue;
      await permissions.createMany([{ properties: {}, conditions: [], ...permission, role: role.id }]);
    }
  }
  return roleIds;
}

/**
 * Plugins may bootstrap before Users & Permissions: let it create its default roles first (it does
 * so only while there is no role at all), or a fresh database would get no grants or extra roles.
 */
export async function ensureUserRoles(strapi: Core.Strapi): Promise<void> {
  await (
    strapi.plugin('users-permissions').service('users-permissions') as { initialize(): Promise<unknown> }
  ).initialize();
}

/** Grants content-API actions to site roles (by type; `authenticated` by default), once. */
export async function grantUserActions(
  strapi: Core.Strapi,
  actions: string[],
  roleTypes: string[] = ['authenticated'],
): Promise<void> {
  await ensureUserRoles(strapi);
  for (const type of roleTypes) {
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })) as {
      id: number;
    } | null;
    if (!role) continue;
    for (const action of actions) {
      const exists = await strapi.db
        .query('plugin::users-permissions.permission')
        .findOne({ where: { action, role: { id: role.id } } });
      if (!exists)
        await strapi.db
          .query('plugin::users-permissions.permission')
          .create({ data: { action, role: role.id } });
    }
  }
}
