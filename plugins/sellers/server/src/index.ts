import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as SELLERS_UID } from './constants';
export { VISIBLE_SELLER, VISIBLE_LICENCE, VISIBLE_AREA, SELLER_CARD } from './controllers/endpoints';
export { attachContacts, contactsOf } from './contacts';
export {
  presentLicence,
  presentLicences,
  presentSeller,
  publicContact,
  validityOf,
  todayInVietnam,
} from './presenters';

export default { register, bootstrap, contentTypes, controllers, routes, services };
