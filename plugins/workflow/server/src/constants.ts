export const PLUGIN_ID = 'workflow';

export const UID = {
  task: 'plugin::workflow.task',
  history: 'plugin::workflow.history-entry',
  staff: 'plugin::workflow.staff',
  template: 'plugin::workflow.reply-template',
  notification: 'plugin::workflow.notification',
  outbox: 'plugin::workflow.outbox-message',
  definition: 'plugin::workflow.workflow-definition',
  calendarYear: 'plugin::workflow.calendar-year',
} as const;

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';
/** Admin RBAC condition: the entry's department is one of the officer's. */
export const DEPARTMENT_CONDITION = 'plugin::workflow.my-department';

/** History actions that are an officer's decision, counted on time or late in the statistics. */
export const DECISION_ACTIONS = ['approve', 'reject', 'request_supplement', 'return'] as const;
