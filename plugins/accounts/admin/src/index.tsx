import { User } from '@strapi/icons';
import { PrivateFilesPanel } from './components/PrivateFilesPanel';
import { UserLockPanel } from './components/UserLockPanel';

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
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
  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([PrivateFilesPanel, UserLockPanel]);
  },
};
