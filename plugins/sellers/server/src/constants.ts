export const PLUGIN_ID = 'sellers';

export const UID = {
  seller: 'plugin::sellers.seller',
  licence: 'plugin::sellers.licence',
  productionArea: 'plugin::sellers.production-area',
} as const;

/**
 * Days before a licence's expiry date when its seller is emailed, each once per expiry date, with
 * the licence field that records it (largest first).
 */
export const EXPIRY_NOTICES = [
  { days: 60, field: 'expiryNotice60For' },
  { days: 30, field: 'expiryNotice30For' },
] as const;

/** Largest window of the staff list of expiring licences, in days. */
export const EXPIRING_LIST_MAX_DAYS = 365;

/** Longest licence number (the schema's `number`), also of the public check. */
export const LICENCE_NUMBER_MAX_LENGTH = 100;
/** Most licences the public check answers for one number. */
export const LICENCE_CHECK_MAX_RESULTS = 10;
