import { coreService, type PublicEndpoint } from '@sgd/plugin-core';
import { UID } from '../constants';
import { attachContacts } from '../contacts';
import { presentLicence, presentSeller } from '../presenters';

/** Public sellers are verified (and so neither locked nor in review). */
export const VISIBLE_SELLER = { verificationStatus: 'verified' } as const;
export const VISIBLE_LICENCE = { verificationStatus: 'verified', seller: VISIBLE_SELLER } as const;
export const VISIBLE_AREA = { reviewStatus: 'approved', seller: VISIBLE_SELLER } as const;

const COMMUNE = { fields: ['name', 'code'] };
const IMAGE = { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] };
const LICENCE_FIELDS = [
  'type',
  'number',
  'issuer',
  'issuedOn',
  'expiresOn',
  'ocopStars',
  'verifiedAt',
  'expiredAt',
];
export const SELLER_CARD = {
  fields: ['name', 'slug', 'legalForm', 'address', 'isOcopProducer', 'verifiedAt'],
  populate: { logo: IMAGE, commune: COMMUNE },
};

export const sellerEndpoint: PublicEndpoint = {
  uid: UID.seller,
  visible: VISIBLE_SELLER,
  lookup: 'slug',
  defaultSort: ['name:asc'],
  populate: {
    logo: IMAGE,
    commune: COMMUNE,
    department: { fields: ['name', 'code'] },
    licences: { fields: LICENCE_FIELDS, filters: { verificationStatus: 'verified' } },
    productionAreas: {
      fields: ['name', 'slug', 'code', 'latitude', 'longitude', 'areaHa', 'crops'],
      filters: { reviewStatus: 'approved' },
    },
  },
  present: presentSeller,
  attach: async (strapi, items) => {
    await attachContacts((seller) => seller)(strapi, items);
    // `rating: { average, count }` of approved reviews (stored, updated on approval).
    await coreService(strapi, 'ratings').attach(UID.seller, items);
  },
};

export const licenceEndpoint: PublicEndpoint = {
  uid: UID.licence,
  visible: VISIBLE_LICENCE,
  defaultSort: ['issuedOn:desc'],
  populate: {
    seller: { fields: ['name', 'slug', 'legalForm', 'enterpriseCode', 'verifiedAt'] },
  },
  present: presentLicence,
};

export const productionAreaEndpoint: PublicEndpoint = {
  uid: UID.productionArea,
  visible: VISIBLE_AREA,
  lookup: 'slug',
  defaultSort: ['name:asc'],
  populate: {
    seller: { fields: ['name', 'slug'] },
    commune: COMMUNE,
  },
};
