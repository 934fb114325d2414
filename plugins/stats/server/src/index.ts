import bootstrap from './bootstrap';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { READ_ACTION as STATS_READ_ACTION } from './constants';

export default { register, bootstrap, controllers, routes, services };
