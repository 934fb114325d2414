import type { Core } from '@strapi/strapi';
import { registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID } from './constants';
import { migrations } from './migrations';

/** The plugin's admin action, registered early so that roles keep it when the admin cleans unknown actions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerMigrations(strapi, PLUGIN_ID, migrations);
  const permission = strapi.service('admin::permission') as unknown as {
    actionProvider: { registerMany(actions: unknown[]): Promise<void> | void };
  };
  void permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xem thống kê, xuất báo cáo', uid: 'read', pluginName: PLUGIN_ID },
  ]);
};
