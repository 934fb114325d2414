import { ForwardPanel } from './components/ForwardPanel';

interface AdminApp {
  registerPlugin(plugin: unknown): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: 'complaints', name: 'Khiếu nại và phản ánh' });
  },
  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([ForwardPanel]);
  },
};
