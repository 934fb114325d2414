export const PLUGIN_ID = 'core';

export const UID = {
  department: 'plugin::core.department',
  administrativeUnit: 'plugin::core.administrative-unit',
  auditEntry: 'plugin::core.audit-entry',
} as const;
