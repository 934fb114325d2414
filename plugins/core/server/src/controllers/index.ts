import { createPublicController } from '../lib/public-api';
import { administrativeUnitEndpoint, departmentEndpoint } from './endpoints';
import audit from './audit';
import labels from './labels';
import notifications from './notifications';

export default {
  department: createPublicController(departmentEndpoint),
  'administrative-unit': createPublicController(administrativeUnitEndpoint),
  labels,
  audit,
  notifications,
};
