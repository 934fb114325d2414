export const PLUGIN_ID = 'core';

export const UID = {
  department: 'plugin::core.department',
  administrativeUnit: 'plugin::core.administrative-unit',
  auditEntry: 'plugin::core.audit-entry',
  calendarYear: 'plugin::core.calendar-year',
  outbox: 'plugin::core.outbox-message',
  notification: 'plugin::core.notification',
} as const;

export const USER_UID = 'plugin::users-permissions.user';
export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/** Content-API actions of a signed-in site user on their own notices (granted to the Authenticated role). */
export const USER_ACTIONS = ['plugin::core.notifications.find', 'plugin::core.notifications.markRead'];
