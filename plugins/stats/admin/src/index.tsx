import { ChartPie, Graph } from '@strapi/icons';

const PLUGIN_ID = 'stats';
const READ = [{ action: 'plugin::stats.read', subject: null }];

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
  widgets: { register(widgets: unknown[]): void };
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Thống kê' },
      permissions: READ,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Thống kê' });
    // Homepage widgets (Strapi 5 `app.widgets.register`), shown to whoever may read the statistics.
    app.widgets.register([
      {
        id: 'workload',
        pluginId: PLUGIN_ID,
        icon: ChartPie,
        title: { id: `${PLUGIN_ID}.widget.workload`, defaultMessage: 'Việc cần xử lý' },
        link: {
          label: { id: `${PLUGIN_ID}.widget.open`, defaultMessage: 'Xem thống kê' },
          href: `/plugins/${PLUGIN_ID}`,
        },
        component: async () => (await import('./components/Widgets')).WorkloadWidget,
        permissions: READ,
      },
      {
        id: 'orders',
        pluginId: PLUGIN_ID,
        icon: Graph,
        title: { id: `${PLUGIN_ID}.widget.orders`, defaultMessage: 'Đơn hàng theo tháng' },
        link: {
          label: { id: `${PLUGIN_ID}.widget.open`, defaultMessage: 'Xem thống kê' },
          href: `/plugins/${PLUGIN_ID}`,
        },
        component: async () => (await import('./components/Widgets')).OrdersWidget,
        permissions: READ,
      },
    ]);
  },
};
