import administrativeUnit from './administrative-unit/schema';
import department from './department/schema';

export default {
  department: { schema: department },
  'administrative-unit': { schema: administrativeUnit },
};
