import administrativeUnit from './administrative-unit/schema';
import auditEntry from './audit-entry/schema';
import calendarYear from './calendar-year/schema';
import department from './department/schema';
import notification from './notification/schema';
import outboxMessage from './outbox-message/schema';

export default {
  department: { schema: department },
  'administrative-unit': { schema: administrativeUnit },
  'audit-entry': { schema: auditEntry },
  'calendar-year': { schema: calendarYear },
  'outbox-message': { schema: outboxMessage },
  notification: { schema: notification },
};
