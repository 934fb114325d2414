import { CheckCircle } from '@strapi/icons';
import { LockPanel } from './components/LockPanel';
import { WorkflowPanel } from './components/WorkflowPanel';

const PLUGIN_ID = 'workflow';

interface AdminApp {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: unknown): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Hộp duyệt' },
      permissions: [{ action: 'plugin::workflow.review', subject: null }],
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Quy trình duyệt' });
  },
  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([WorkflowPanel, LockPanel]);
  },
};
