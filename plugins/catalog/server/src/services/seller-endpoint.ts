import type { PublicEndpoint } from '@sgd/plugin-core';
import { attachContacts, SELLERS_UID, VISIBLE_SELLER } from '@sgd/plugin-sellers';

/** Sellers in search results: the card, without their licence list. */
export const sellerSearchEndpoint: PublicEndpoint = {
  uid: SELLERS_UID.seller,
  visible: VISIBLE_SELLER,
  populate: {
    logo: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
    commune: { fields: ['name', 'code'] },
  },
  attach: attachContacts((seller) => seller),
};
