import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import accounts from './services/accounts';
import business from './services/business';
import media from './services/media';
import messenger from './services/messenger';
import mine from './services/mine';
import personalData from './services/personal-data';
import privateFiles from './services/private-files';
import rateLimit from './services/rate-limit';
import sessions from './services/sessions';
import staffUsers from './services/staff-users';

export { parseIdentifier, normalisePhone, normaliseEmail, maskIdentifier } from './lib/identifier';
export { passwordProblem } from './lib/password';
export { createLimiter, groupOf, rateGroupOf } from './lib/rate-limit';
export type { RateLimits } from './services/rate-limit';
export { httpSmsProvider, type SmsProvider } from './services/messenger';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services: {
    accounts,
    business,
    media,
    messenger,
    mine,
    'personal-data': personalData,
    'private-files': privateFiles,
    'rate-limit': rateLimit,
    sessions,
    'staff-users': staffUsers,
  },
};
