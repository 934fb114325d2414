export const PLUGIN_ID = 'accounts';
export const USER_UID = 'plugin::users-permissions.user';
export const UID = {
  code: 'plugin::accounts.code',
} as const;
export const SELLER_ROLE = 'seller';
