import accounts from './accounts';
import business from './business';
import messenger from './messenger';
import mine from './mine';
import personalData from './personal-data';
import privateFiles from './private-files';
import rateLimit from './rate-limit';
import staffUsers from './staff-users';

const services = {
  accounts,
  business,
  messenger,
  mine,
  'personal-data': personalData,
  'private-files': privateFiles,
  'rate-limit': rateLimit,
  'staff-users': staffUsers,
};
export default services;

export type AccountsServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export { accountsService } from '../utils/get-service';
