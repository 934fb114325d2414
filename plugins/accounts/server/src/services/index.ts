import accounts from './accounts';
import business from './business';
import media from './media';
import messenger from './messenger';
import mine from './mine';
import personalData from './personal-data';
import privateFiles from './private-files';
import rateLimit from './rate-limit';
import sessions from './sessions';
import staffUsers from './staff-users';

const services = {
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
};
export default services;

export type AccountsServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export { accountsService } from '../utils/get-service';
