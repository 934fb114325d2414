import type { Core } from '@strapi/strapi';
import { STAFF_LEVELS, type StaffLevelCode } from '@sgd/config';

interface RoleService {
  create(data: Record<string, unknown>): Promise<{ id: number }>;
  createRolesIfNoneExist(): Promise<void>;
}

interface PermissionService {
  createMany(permissions: object[]): Promise<unknown>;
}

/**
 * Creates the staff roles (Chuyên viên, Lãnh đạo phòng, Lãnh đạo đơn vị) the first time; each plugin
 * then grants them what it needs (`grantStaffOnce`). Later edits by the super admin stay.
 */
export async function ensureStaffRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role') as unknown as RoleService;
  // The admin creates its default roles (Super Admin, Editor, Author) only when no role exists; our
  // bootstrap may run first on a new database, so let it create them before ours.
  await roleService.createRolesIfNoneExist();
  for (const level of STAFF_LEVELS) {
    const exists = await strapi.db.query('admin::role').findOne({ where: { code: level.role } });
    if (exists) continue;
    await roleService.create({
      name: level.name,
      code: level.role,
      description: `Cán bộ kiểm duyệt cấp ${level.name.toLowerCase()}: chỉ thấy hồ sơ của sở mình.`,
    });
  }
}

export interface StaffPermission {
  action: string;
  subject: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

/**
 * Gives the staff roles (created first if missing; all levels, or `levels`) each permission they do
 * not hold yet, matched by action and subject: staff roles that predate a plugin get that plugin's
 * permissions, and the super admin's later edits of a permission (narrower fields, conditions) stay.
 * A permission the super admin deletes comes back at the next start. Answers the ids of the roles.
 */
export async function grantStaffOnce(
  strapi: Core.Strapi,
  wanted: StaffPermission[],
  options: { levels?: StaffLevelCode[] } = {},
): Promise<number[]> {
  await ensureStaffRoles(strapi);
  const permissions = strapi.service('admin::permission') as unknown as PermissionService;
  const roleIds: number[] = [];
  for (const level of STAFF_LEVELS) {
    if (options.levels && !options.levels.includes(level.code)) continue;
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

const SYSTEM_FIELDS = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** The fields of a content type a permission lists (all but Strapi's system fields). */
export const permissionFields = (strapi: Core.Strapi, uid: string): string[] =>
  Object.keys(strapi.contentType(uid as never).attributes).filter((name) => !SYSTEM_FIELDS.has(name));
