import { User } from '@strapi/icons';

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: 'plugins/accounts',
      icon: User,
      intlLabel: { id: 'accounts.menu', defaultMessage: 'Người dùng' },
      permissions: [{ action: 'plugin::workflow.review', subject: null }],
      Component: () => import('./pages/Users'),
    });
    app.registerPlugin({ id: 'accounts', name: 'Tài khoản' });
  },
};
