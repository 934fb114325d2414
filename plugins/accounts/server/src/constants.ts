export const PLUGIN_ID = 'accounts';
export const USER_UID = 'plugin::users-permissions.user';
export const UID = {
  code: 'plugin::accounts.code',
  privateFile: 'plugin::accounts.private-file',
  dataRequest: 'plugin::accounts.data-request',
} as const;
export const SELLER_UID = 'plugin::sellers.seller';
export const LICENCE_UID = 'plugin::sellers.licence';
/** Largest scan accepted (licence, citizen ID). */
export const PRIVATE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const SELLER_ROLE = 'seller';

/** The media library folder of the pictures sellers upload for their products. */
export const SELLER_IMAGES_FOLDER = 'Ảnh do người bán tải lên';
/** A seller's picture no record shows any more is deleted after this long (its upload may be in progress). */
export const ORPHAN_IMAGE_GRACE_MS = 24 * 60 * 60 * 1000;
