import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import codes from './services/codes';
import notifier from './services/notifier';
import orders from './services/orders';

export { ORDER_CODE } from './utils/order-code';

export default {
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services: { orders, notifier, codes },
};
