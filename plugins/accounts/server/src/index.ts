import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

export { parseIdentifier, normalisePhone, normaliseEmail, maskIdentifier } from '@sgd/contracts';
export { passwordProblem } from './lib/password';
export { createLimiter, groupOf, rateGroupOf } from './lib/rate-limit';
export type { RateLimits } from './services/rate-limit';
export { httpSmsProvider, type SmsProvider } from './services/messenger';
export { accountsService, type AccountsServices } from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
};
