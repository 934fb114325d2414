import { z } from 'zod';
import { TASK_STATE_CODES } from './workflow';

/**
 * What a signed-in user writes through `/api/accounts/mine/:type` (the site's forms post it): whether
 * an item belongs to the user's seller (`seller`) or to the user (`owner`), the fields they may
 * write, relations they may set by code (`commune`: administrative-unit code, `category`:
 * category slug), and links to other items of the same seller by document id (`links`: a product's
 * licences and production area; only the seller's own, once verified or approved). Status, owner,
 * seller, department and staff fields are never writable. Which CMS content type a key stands for is
 * said by the content type itself (`pluginOptions.accounts.owned`).
 */
/** A link from an item to other items of the same seller: their type, and whether there are several. */
export interface OwnedLink {
  to: 'licence' | 'production-area';
  many: boolean;
}

export const OWNED_CONTENT = {
  product: {
    through: 'seller',
    fields: [
      'name',
      'description',
      'ingredients',
      'uses',
      'specification',
      'unit',
      'price',
      'priceMin',
      'priceMax',
      'promotion',
      'paymentMethods',
      'deliveryMethods',
    ],
    relations: { category: 'category' },
    links: {
      licences: { to: 'licence', many: true },
      productionArea: { to: 'production-area', many: false },
    },
  },
  licence: {
    through: 'seller',
    fields: ['type', 'number', 'issuer', 'issuedOn', 'expiresOn', 'ocopStars'],
    relations: {},
    links: {},
  },
  'production-area': {
    through: 'seller',
    fields: ['name', 'code', 'latitude', 'longitude', 'areaHa', 'crops', 'seasons', 'description'],
    relations: { commune: 'commune' },
    links: {},
  },
  'supply-demand-post': {
    through: 'owner',
    fields: [
      'kind',
      'title',
      'description',
      'quantity',
      'unit',
      'price',
      'priceNote',
      'region',
      'validUntil',
      'contactName',
      'contactPhone',
      'contactEmail',
    ],
    relations: { category: 'category' },
    links: {},
  },
  'directory-listing': {
    through: 'owner',
    fields: ['kind', 'title', 'summary', 'body', 'address', 'contact', 'website'],
    relations: { commune: 'commune' },
    links: {},
  },
} as const satisfies Record<
  string,
  {
    through: 'seller' | 'owner';
    fields: readonly string[];
    relations: Record<string, 'category' | 'commune'>;
    links: Record<string, OwnedLink>;
  }
>;
export type OwnedContentType = keyof typeof OWNED_CONTENT;

/**
 * Ảnh người bán tự tải lên cho nội dung của mình (trường media, số ảnh tối đa). Ảnh được kiểm tra
 * định dạng thật, xóa EXIF/GPS như mọi tệp tải lên, và chỉ hiện công khai sau khi nội dung được duyệt.
 */
export const OWNED_IMAGES: Partial<Record<OwnedContentType, { field: string; max: number }>> = {
  product: { field: 'images', max: 8 },
};

/** Where the review of one of my items stands: the state, and what staff told me (no internal notes). */
export const ownedReviewSchema = z.object({
  state: z.enum(TASK_STATE_CODES),
  submittedAt: z.string(),
  history: z.array(
    z.object({
      action: z.string(),
      /** The state the action left the submission in. */
      toState: z.string().nullable(),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type OwnedReview = z.infer<typeof ownedReviewSchema>;
