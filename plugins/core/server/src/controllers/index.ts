import { createPublicController } from '../lib/public-api';
import { administrativeUnitEndpoint, departmentEndpoint } from './endpoints';

export default {
  department: createPublicController(departmentEndpoint),
  'administrative-unit': createPublicController(administrativeUnitEndpoint),
};
