import type { Core } from '@strapi/strapi';
import { grantStaffOnce, permissionFields } from '@sgd/plugin-core';
import { DEPARTMENT_CONDITION_NAME, PLUGIN_ID, UID } from './constants';

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
    name: DEPARTMENT_CONDITION_NAME,
    plugin: PLUGIN_ID,
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
