import { MODERATION_STATES, VERIFICATION_STATES } from '@sgd/config';

export const PLUGIN_ID = 'stats';

/** Admin action: see the statistics of one's departments and export them. */
export const READ_ACTION = 'plugin::stats.read';

export const UID = {
  department: 'plugin::core.department',
  unit: 'plugin::core.administrative-unit',
  seller: 'plugin::sellers.seller',
  licence: 'plugin::sellers.licence',
  category: 'plugin::catalog.category',
  product: 'plugin::catalog.product',
  order: 'plugin::orders.order',
  complaint: 'plugin::complaints.complaint',
  review: 'plugin::reviews.review',
  task: 'plugin::workflow.task',
  history: 'plugin::workflow.history-entry',
} as const;

/** History actions that are an officer's decision (as the workflow's overdue statistics count them). */
export const DECISION_ACTIONS = ['approve', 'reject', 'request_supplement', 'return'] as const;

/** Licences expiring within these numbers of days are counted on the dashboard. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;

/** How long a computed dashboard is served again to the same scope and filters (unless data changes). */
export const DASHBOARD_CACHE_MS = 60_000;

/** Computed dashboards kept at most (one per scope and filters). */
export const DASHBOARD_CACHE_ENTRIES = 100;

/** The longest period a dashboard or an export may cover. */
export const MAX_PERIOD_DAYS = 3 * 366;

const namesOf = (list: readonly { code: string; name: string }[]): Record<string, string> =>
  Object.fromEntries(list.map((item) => [item.code, item.name]));

export const VERIFICATION_STATUS_NAMES = namesOf(VERIFICATION_STATES);

export const MODERATION_STATUS_NAMES = namesOf(MODERATION_STATES);

export const MESSAGES = {
  noDepartment:
    'Tài khoản của bạn chưa được gắn với sở nào nên chưa xem được thống kê. Hãy đề nghị quản trị viên gắn sở phụ trách.',
  outOfScope: 'Bạn chỉ xem được thống kê của sở mình phụ trách.',
  unknownTable: 'Không có bảng thống kê này.',
  unknownCommune: 'Không có xã, phường với mã này.',
  unknownDepartment: 'Không có sở này.',
} as const;
