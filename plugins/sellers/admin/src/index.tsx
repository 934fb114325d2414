import { Clock } from '@strapi/icons';

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
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
};
