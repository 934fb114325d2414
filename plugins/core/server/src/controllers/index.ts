import { createPublicController } from '../lib/public-api';
import { administrativeUnitEndpoint, departmentEndpoint } from './endpoints';
import notifications from './notifications';

export default {
  department: createPublicController(departmentEndpoint),
  'administrative-unit': createPublicController(administrativeUnitEndpoint),
  notifications,
};
