export const PLUGIN_ID = 'accounts';
export const USER_UID = 'plugin::users-permissions.user';
export const UID = {
  code: 'plugin::accounts.code',
  privateFile: 'plugin::accounts.private-file',
} as const;
export const SELLER_UID = 'plugin::sellers.seller';
export const LICENCE_UID = 'plugin::sellers.licence';
/** Largest scan accepted (licence, citizen ID). */
export const PRIVATE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const SELLER_ROLE = 'seller';
