import { createPublicController } from '../lib/public-api';
import { administrativeUnitEndpoint, departmentEndpoint } from './endpoints';
import audit from './audit';
import labels from './labels';

export default {
  department: createPublicController(departmentEndpoint),
  'administrative-unit': createPublicController(administrativeUnitEndpoint),
  labels,
  audit,
};
