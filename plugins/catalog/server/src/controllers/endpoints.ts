import { coreService, type PublicEndpoint } from '@sgd/plugin-core';
import {
  attachContacts,
  presentLicences,
  SELLER_CARD,
  SELLERS_UID,
  todayInVietnam,
  VISIBLE_SELLER,
} from '@sgd/plugin-sellers';
import { UID } from '../constants';

type Data = Record<string, unknown>;

const IMAGE = { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] };
const COMMUNE = { fields: ['name', 'code'] };
const DEPARTMENT = { fields: ['name', 'code'] };

export const VISIBLE_PRODUCT = { reviewStatus: 'approved', seller: VISIBLE_SELLER } as const;

export const PRODUCT_POPULATE = {
  category: { fields: ['name', 'slug'] },
  seller: SELLER_CARD,
  images: IMAGE,
  licences: {
    // `expiredAt` (the expiry job's mark) only feeds `validity`.
    fields: ['type', 'number', 'issuer', 'issuedOn', 'expiresOn', 'ocopStars', 'expiredAt'],
    filters: { verificationStatus: 'verified' },
  },
  productionArea: {
    fields: ['name', 'slug', 'code', 'latitude', 'longitude', 'areaHa', 'crops', 'seasons'],
    filters: { reviewStatus: 'approved' },
  },
  department: DEPARTMENT,
};

/** Licence validity badges on a product. */
export function presentProduct(clean: Data): Data {
  return { ...clean, licences: presentLicences(clean.licences) };
}

export const categoryEndpoint: PublicEndpoint = {
  uid: UID.category,
  visible: {},
  lookup: 'slug',
  defaultSort: ['sortOrder:asc', 'name:asc'],
  populate: { parent: { fields: ['name', 'slug'] }, department: DEPARTMENT },
};

export const productEndpoint: PublicEndpoint = {
  uid: UID.product,
  visible: VISIBLE_PRODUCT,
  lookup: 'slug',
  defaultSort: ['name:asc'],
  populate: PRODUCT_POPULATE,
  present: presentProduct,
  attach: async (strapi, items) => {
    await attachContacts((product) => product.seller as Data | null)(strapi, items);
    // `rating: { average, count }` of approved reviews (stored, updated on approval), of the product
    // and of its seller (on the seller card).
    const ratings = coreService(strapi, 'ratings');
    await ratings.attach(UID.product, items);
    await ratings.attach(SELLERS_UID.seller, items, (product) => product.seller as Data | null);
  },
};

export const marketEndpoint: PublicEndpoint = {
  uid: UID.market,
  visible: {},
  lookup: 'slug',
  defaultSort: ['name:asc'],
  populate: { commune: COMMUNE },
};

/** Buy and sell needs are shown while they are still valid. */
export const supplyDemandPostEndpoint: PublicEndpoint = {
  uid: UID.supplyDemandPost,
  visible: () => ({ reviewStatus: 'approved', validUntil: { $gte: todayInVietnam() } }),
  lookup: 'slug',
  defaultSort: ['publishedAt:desc'],
  populate: {
    category: { fields: ['name', 'slug'] },
    product: { fields: ['name', 'slug'], filters: VISIBLE_PRODUCT },
  },
};

export const directoryListingEndpoint: PublicEndpoint = {
  uid: UID.directoryListing,
  visible: { reviewStatus: 'approved' },
  lookup: 'slug',
  defaultSort: ['title:asc'],
  populate: { image: IMAGE, commune: COMMUNE, department: DEPARTMENT },
};
