import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

export { UID as CATALOG_UID } from './constants';
export { productEndpoint } from './controllers/endpoints';
export { TABLES as READ_MODEL_TABLES } from './read-model/tables';
export type { ReadModel, RebuildProgress } from './services/read-model';
export { catalogService, type CatalogServices } from './services';

export default { register, bootstrap, destroy, contentTypes, controllers, routes, services };
