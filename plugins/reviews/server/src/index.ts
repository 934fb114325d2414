import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as REVIEWS_UID } from './constants';
export { attachRatings, ratingsOf, NO_RATING, type Rating } from './services/ratings';

export default { register, bootstrap, contentTypes, controllers, routes, services };
