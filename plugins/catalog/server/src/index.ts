import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as CATALOG_UID } from './constants';

export default { register, bootstrap, contentTypes, controllers, routes, services };
