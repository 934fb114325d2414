/**
 * Shapes of the CMS's public REST API (Strapi 5 flat format). Each schema keeps only what the site
 * reads; zod drops the other keys. Optional text is `nullish` because Strapi answers `null` for an empty
 * field and may leave a field out when a sanitizer removes it.
 */
import { z } from 'zod/v4';
import { searchMetaSchema } from '@sgd/contracts';

const text = z.string().nullish();
/** Strapi big integers come back as strings, decimals as numbers or strings depending on the database. */
const numeric = z.union([z.string(), z.number()]).nullish();

const documentBase = {
  id: z.number(),
  documentId: z.string(),
};

const mediaFormat = z.object({
  url: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});

export const mediaSchema = z.object({
  id: z.number(),
  url: z.string(),
  alternativeText: text,
  width: z.number().nullish(),
  height: z.number().nullish(),
  formats: z
    .object({
      thumbnail: mediaFormat.optional(),
      small: mediaFormat.optional(),
      medium: mediaFormat.optional(),
      large: mediaFormat.optional(),
    })
    .nullish(),
});
export type Media = z.infer<typeof mediaSchema>;

export const fileSchema = z.object({
  url: z.string(),
  name: text,
  mime: text,
  size: z.number().nullish(),
});
export type CmsFile = z.infer<typeof fileSchema>;

const nameSlug = z.object({ name: z.string(), slug: z.string() });
const nameCode = z.object({ name: z.string(), code: z.string() });

export const paginationSchema = z.object({
  page: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
  total: z.number(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const validitySchema = z.enum(['valid', 'expiring', 'expired']);
export type Validity = z.infer<typeof validitySchema>;

export const licenceSchema = z.object({
  type: z.string(),
  number: z.string(),
  issuer: text,
  issuedOn: text,
  expiresOn: text,
  ocopStars: z.number().nullish(),
  validity: validitySchema,
});
export type Licence = z.infer<typeof licenceSchema>;

export const contactSchema = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const productionAreaSchema = z.object({
  name: z.string(),
  slug: text,
  code: text,
  latitude: numeric,
  longitude: numeric,
  areaHa: numeric,
  crops: text,
  seasons: text,
});
export type ProductionArea = z.infer<typeof productionAreaSchema>;

/** Stars of approved reviews (of a product, or of a seller); `average` is null while there are none. */
export const ratingSchema = z.object({ average: z.number().nullable(), count: z.number() });
export type Rating = z.infer<typeof ratingSchema>;

export const sellerCardSchema = z.object({
  name: z.string(),
  slug: z.string(),
  legalForm: z.string(),
  address: text,
  isOcopProducer: z.boolean().nullish(),
  verifiedAt: text,
  logo: mediaSchema.nullish(),
  commune: nameCode.nullish(),
  contact: contactSchema.nullish(),
  rating: ratingSchema.nullish(),
});
export type SellerCard = z.infer<typeof sellerCardSchema>;

export const productSchema = z.object({
  ...documentBase,
  name: z.string(),
  slug: z.string(),
  description: text,
  ingredients: text,
  uses: text,
  specification: text,
  unit: text,
  price: numeric,
  priceMin: numeric,
  priceMax: numeric,
  promotion: text,
  paymentMethods: z.array(z.string()).nullish(),
  deliveryMethods: z.array(z.string()).nullish(),
  category: nameSlug.nullish(),
  seller: sellerCardSchema.nullish(),
  images: z.array(mediaSchema).nullish(),
  licences: z.array(licenceSchema).nullish(),
  productionArea: productionAreaSchema.nullish(),
  department: nameCode.nullish(),
  rating: ratingSchema.nullish(),
});
export type Product = z.infer<typeof productSchema>;

/**
 * A product as its card shows it (the catalogue's results, the home page's): read for 24 cards a
 * page, the rest of each answer (the seller's logo and contacts, the description…) is left unread.
 */
export const productCardSchema = productSchema
  .pick({
    id: true,
    documentId: true,
    name: true,
    slug: true,
    unit: true,
    price: true,
    priceMin: true,
    priceMax: true,
    images: true,
  })
  .extend({
    licences: z.array(licenceSchema.pick({ type: true, ocopStars: true, validity: true })).nullish(),
    seller: z.object({ name: z.string(), commune: z.object({ name: z.string() }).nullish() }).nullish(),
  });
export type ProductCardData = z.infer<typeof productCardSchema>;

/** An approved review as `/api/products/:slug/reviews` answers it, with the seller's approved answer. */
export const productReviewSchema = z.object({
  documentId: z.string(),
  authorName: z.string(),
  productStars: z.number(),
  text: z.string(),
  publishedAt: z.string(),
  answer: z.object({ authorName: text, text: z.string(), publishedAt: text }).nullish(),
});
export type ProductReview = z.infer<typeof productReviewSchema>;

/** An approved comment as `/api/products/:slug/comments` answers it, with the seller's approved answer. */
export const productCommentSchema = z.object({
  documentId: z.string(),
  authorName: z.string(),
  text: z.string(),
  publishedAt: z.string(),
  answer: z.object({ authorName: text, text: z.string(), publishedAt: text }).nullish(),
});
export type ProductComment = z.infer<typeof productCommentSchema>;

export const sellerSchema = z.object({
  ...documentBase,
  name: z.string(),
  slug: z.string(),
  legalForm: z.string(),
  enterpriseCode: text,
  registrationDate: text,
  registrationIssuer: text,
  representative: text,
  address: text,
  description: text,
  isOcopProducer: z.boolean().nullish(),
  vneidVerified: z.boolean().nullish(),
  verifiedAt: text,
  logo: mediaSchema.nullish(),
  commune: nameCode.nullish(),
  department: nameCode.nullish(),
  licences: z.array(licenceSchema).nullish(),
  productionAreas: z.array(productionAreaSchema).nullish(),
  contact: contactSchema.nullish(),
  rating: ratingSchema.nullish(),
});
export type Seller = z.infer<typeof sellerSchema>;

/** A licence as `GET /api/licences` answers it: who holds it, and whether it is still valid. */
export const licenceRecordSchema = licenceSchema.extend({
  ...documentBase,
  verifiedAt: text,
  seller: z.object({ name: z.string(), slug: z.string() }).nullish(),
});
export type LicenceRecord = z.infer<typeof licenceRecordSchema>;

/** A licence on a trust card (`GET /api/sellers/:slug/trust-card`, `/api/licences/:id/trust-card`). */
export const cardLicenceSchema = licenceSchema.extend({ documentId: z.string() });
export const cardStateSchema = z.enum(['verified', 'locked']);

/** A seller's trust card: verified, or locked since (then without licences). */
export const sellerTrustCardSchema = z.object({
  name: z.string(),
  slug: z.string(),
  legalForm: z.string(),
  isOcopProducer: z.boolean(),
  verifiedAt: text,
  /** The seller's department, to which its verification is routed. */
  department: text,
  state: cardStateSchema,
  licences: z.array(cardLicenceSchema),
});
export type SellerTrustCard = z.infer<typeof sellerTrustCardSchema>;

/** A licence's trust card: its validity today, or that its holder is locked. */
export const licenceTrustCardSchema = cardLicenceSchema.extend({
  state: z.enum(['valid', 'expiring', 'expired', 'locked']),
  seller: z.object({ name: z.string(), slug: z.string(), state: cardStateSchema }),
});
export type LicenceTrustCard = z.infer<typeof licenceTrustCardSchema>;

export const postKindSchema = z.enum(['buy', 'sell']);
export type PostKind = z.infer<typeof postKindSchema>;

/** A buy or sell need (`GET /api/supply-demand-posts`): only approved posts still valid are public. */
export const supplyDemandPostSchema = z.object({
  ...documentBase,
  kind: postKindSchema,
  title: z.string(),
  slug: z.string(),
  description: text,
  quantity: numeric,
  unit: text,
  price: numeric,
  priceNote: text,
  region: text,
  validUntil: z.string(),
  contactName: text,
  contactPhone: text,
  contactEmail: text,
  publishedAt: text,
  category: nameSlug.nullish(),
  product: nameSlug.nullish(),
});
export type SupplyDemandPost = z.infer<typeof supplyDemandPostSchema>;

export const categorySchema = z.object({
  ...documentBase,
  name: z.string(),
  slug: z.string(),
  description: text,
  sortOrder: z.number().nullish(),
  parent: nameSlug.nullish(),
});
export type Category = z.infer<typeof categorySchema>;

export const administrativeUnitSchema = z.object({
  ...documentBase,
  name: z.string(),
  code: z.string(),
  level: z.string(),
});
export type AdministrativeUnit = z.infer<typeof administrativeUnitSchema>;

export const newsArticleSchema = z.object({
  ...documentBase,
  title: z.string(),
  slug: z.string(),
  summary: text,
  body: text,
  publishedOn: text,
  publishedAt: text,
  cover: mediaSchema.nullish(),
});
export type NewsArticle = z.infer<typeof newsArticleSchema>;

export const outlineEntrySchema = z.object({
  level: z.union([z.literal(1), z.literal(2)]),
  title: z.string(),
  anchor: z.string(),
});
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;

export const legalDocumentSchema = z.object({
  ...documentBase,
  title: z.string(),
  slug: z.string(),
  kind: z.string(),
  series: z.string(),
  version: text,
  number: text,
  issuer: text,
  issuedOn: text,
  effectiveFrom: z.string(),
  summary: text,
  body: text,
  outline: z.array(outlineEntrySchema).nullish(),
  attachment: fileSchema.nullish(),
});
export type LegalDocument = z.infer<typeof legalDocumentSchema>;

/**
 * The schema `build` makes of `item`, made once per item schema: answers are checked on every
 * request, and building a zod schema each time cost more than some checks it made.
 */
function perItem<R>(build: (item: z.ZodTypeAny) => R) {
  const built = new WeakMap<z.ZodTypeAny, R>();
  return (item: z.ZodTypeAny): R => {
    let schema = built.get(item);
    if (schema === undefined) built.set(item, (schema = build(item)));
    return schema;
  };
}

const listSchemas = perItem((item) =>
  z.object({ data: z.array(item), meta: z.object({ pagination: paginationSchema }) }),
);
export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  listSchemas(item) as z.ZodObject<{
    data: z.ZodArray<T>;
    meta: z.ZodObject<{ pagination: typeof paginationSchema }>;
  }>;

const oneSchemas = perItem((item) => z.object({ data: item }));
export const oneOf = <T extends z.ZodTypeAny>(item: T) =>
  oneSchemas(item) as z.ZodType<{ data: z.output<T> }>;

const searchSchemas = perItem((item) =>
  z.object({ data: z.array(item), meta: searchMetaSchema.extend({ pagination: paginationSchema }) }),
);
/** A page of search results, with what the search corrected or suggests (`@sgd/contracts`). */
export const searchPageOf = <T extends z.ZodTypeAny>(item: T) =>
  searchSchemas(item) as z.ZodObject<{
    data: z.ZodArray<T>;
    meta: ReturnType<typeof searchMetaSchema.extend<{ pagination: typeof paginationSchema }>>;
  }>;

export interface Page<T> {
  items: T[];
  pagination: Pagination;
}

export interface SearchPage<T> extends Page<T> {
  /** The words as typed found little: results were added for this corrected query. */
  corrected: string | null;
  /** Nothing was found: a query that finds something ("Có phải bạn muốn tìm …"). */
  suggestion: string | null;
  /** More items match than `pagination.total` counts ("hơn 1.000"). */
  capped: boolean;
}

/** What the sitemap needs of a product, seller or article. */
export const sitemapEntrySchema = z.object({
  slug: z.string(),
  updatedAt: text,
});
export type SitemapEntry = z.infer<typeof sitemapEntrySchema>;

/** A production area as its own public endpoint lists it, with its seller and commune. */
export const productionAreaEntrySchema = productionAreaSchema.extend({
  ...documentBase,
  description: text,
  seller: nameSlug.nullish(),
  commune: nameCode.nullish(),
});
export type ProductionAreaEntry = z.infer<typeof productionAreaEntrySchema>;

/** A market, supermarket, mall or convenience store. */
export const marketSchema = z.object({
  ...documentBase,
  name: z.string(),
  slug: z.string(),
  kind: z.string(),
  address: text,
  commune: nameCode.nullish(),
  latitude: numeric,
  longitude: numeric,
  openingHours: text,
  operator: text,
  phone: text,
  description: text,
});
export type Market = z.infer<typeof marketSchema>;

export const departmentSchema = z.object({
  ...documentBase,
  name: z.string(),
  code: z.string(),
  email: text,
  phone: text,
  address: text,
});
export type Department = z.infer<typeof departmentSchema>;

/** Other information the departments publish (QC Điều 6.9): investment projects, tourism, hotels… */
export const directoryListingSchema = z.object({
  ...documentBase,
  kind: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: text,
  body: text,
  image: mediaSchema.nullish(),
  address: text,
  commune: nameCode.nullish(),
  contact: text,
  website: text,
  department: z.object({ name: z.string() }).nullish(),
  publishedAt: text,
});
export type DirectoryListing = z.infer<typeof directoryListingSchema>;
const slugName = z.object({ name: z.string(), slug: z.string() });

/** `GET /api/statistics`: counts of what the public API shows. */
export const statisticsSchema = z.object({
  data: z.object({
    date: z.string(),
    sellers: z.object({ verified: z.number() }),
    products: z.object({
      total: z.number(),
      byCategory: z.array(
        z.object({ category: slugName.nullable(), parent: slugName.nullable(), count: z.number() }),
      ),
    }),
    ocopProducts: z.object({
      total: z.number(),
      byStars: z.array(z.object({ stars: z.number(), count: z.number() })),
    }),
    markets: z.object({
      total: z.number(),
      byKind: z.array(z.object({ kind: z.string(), name: z.string(), count: z.number() })),
    }),
  }),
});
export type Statistics = z.infer<typeof statisticsSchema>['data'];

const openDataLicenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  attribution: z.string(),
});

/** `GET /api/open-data`: the datasets, their columns and files, and the reuse licence. */
export const openDataCatalogueSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: z.string(),
      description: z.string(),
      fields: z.array(z.object({ name: z.string(), description: z.string() })),
      downloads: z.array(z.object({ format: z.string(), file: z.string() })),
    }),
  ),
  meta: z.object({ publisher: z.string(), license: openDataLicenceSchema }),
});
export type OpenDataCatalogue = z.infer<typeof openDataCatalogueSchema>;
