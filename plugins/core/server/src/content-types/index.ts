import administrativeUnit from './administrative-unit/schema';
import auditEntry from './audit-entry/schema';
import department from './department/schema';

export default {
  department: { schema: department },
  'administrative-unit': { schema: administrativeUnit },
  'audit-entry': { schema: auditEntry },
};
