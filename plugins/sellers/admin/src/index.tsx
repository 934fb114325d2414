import { Clock } from '@strapi/icons';
import { TrustCardPanel } from './components/TrustCardPanel';

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: 'plugins/sellers',
      icon: Clock,
      intlLabel: { id: 'sellers.expiring.menu', defaultMessage: 'Giấy phép sắp hết hạn' },
      permissions: [{ action: 'plugin::workflow.review', subject: null }],
      Component: () => import('./pages/ExpiringLicences'),
    });
    app.registerPlugin({ id: 'sellers', name: 'Chủ thể kinh doanh' });
  },
  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([TrustCardPanel]);
  },
};
