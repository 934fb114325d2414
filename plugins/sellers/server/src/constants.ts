export const PLUGIN_ID = 'sellers';

export const UID = {
  seller: 'plugin::sellers.seller',
  licence: 'plugin::sellers.licence',
  productionArea: 'plugin::sellers.production-area',
} as const;

/** Verification of a seller or a licence by the responsible department. */
export const VERIFICATION_STATUSES = [
  'draft',
  'pending',
  'supplement_requested',
  'verified',
  'rejected',
  'locked',
] as const;

/** Moderation of anything a seller or a consumer posts. */
export const REVIEW_STATUSES = [
  'draft',
  'pending',
  'supplement_requested',
  'approved',
  'rejected',
  'locked',
] as const;
