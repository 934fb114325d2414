import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

export { parseIdentifier, normalisePhone, normaliseEmail, maskIdentifier } from './lib/identifier';
export { passwordProblem } from './lib/password';
export { MemoryStore, RedisStore, groupOf, rateGroupOf, type RateStore } from './lib/rate-limit';
export { httpSmsProvider, type SmsProvider } from './services/messenger';
export { accountsService, type AccountsServices } from './services';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
};
