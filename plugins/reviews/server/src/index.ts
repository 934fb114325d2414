import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as REVIEWS_UID } from './constants';
export { reviewsService, type ReviewsServices } from './services';

export default { register, bootstrap, contentTypes, controllers, routes, services };
