export const PLUGIN_ID = 'workflow';

export const UID = {
  task: 'plugin::workflow.task',
  history: 'plugin::workflow.history-entry',
  staff: 'plugin::workflow.staff',
  template: 'plugin::workflow.reply-template',
  definition: 'plugin::workflow.workflow-definition',
} as const;

export const USER_UID = 'plugin::users-permissions.user';
export const DEPARTMENT_UID = 'plugin::core.department';

/** Admin RBAC condition: the entry's department is one of the officer's. */
export const DEPARTMENT_CONDITION_NAME = 'my-department';
export const DEPARTMENT_CONDITION = `plugin::${PLUGIN_ID}.${DEPARTMENT_CONDITION_NAME}`;

/** History actions that are an officer's decision, counted on time or late in the statistics. */
export const DECISION_ACTIONS = ['approve', 'reject', 'request_supplement', 'return'] as const;

/** Strapi's own roles carry English names; officers read them in Vietnamese. */
export const STRAPI_ROLE_NAMES: Record<string, string> = {
  'strapi-editor': 'Biên tập viên',
  'strapi-author': 'Tác giả',
};
