import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { presentLicence, type Validity } from '../presenters';

type Row = Record<string, unknown>;

/** A seller verified once stays on its card; locked, the card says so (QC Điều 9). */
const CARD_SELLER = { verificationStatus: { $in: ['verified', 'locked'] }, verifiedAt: { $notNull: true } };
const PUBLISHED = { publishedAt: { $notNull: true } };
const LICENCE_FIELDS = [
  'documentId',
  'type',
  'number',
  'issuer',
  'issuedOn',
  'expiresOn',
  'ocopStars',
  'expiredAt',
];
const SELLER_FIELDS = [
  'documentId',
  'name',
  'slug',
  'legalForm',
  'isOcopProducer',
  'verifiedAt',
  'verificationStatus',
];

export type CardState = 'verified' | 'locked';

export interface CardLicence {
  documentId: string;
  type: string;
  number: string;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  ocopStars: number | null;
  validity: Validity;
}

export interface SellerTrustCard {
  name: string;
  slug: string;
  legalForm: string;
  isOcopProducer: boolean;
  verifiedAt: string | null;
  /**
   * The seller's department (its "Sở quản lý"), to which its verification is routed (the seller's
   * workflow routing); null when it has none.
   */
  department: string | null;
  state: CardState;
  /** Verified licences, each with its validity today; none shown while the seller is locked. */
  licences: CardLicence[];
}

export interface LicenceTrustCard extends CardLicence {
  /** What the card says first: the licence's validity, or that its holder is locked. */
  state: Validity | 'locked';
  seller: { name: string; slug: string; state: CardState };
}

const cardLicence = (row: Row): CardLicence => {
  const presented = presentLicence(row);
  return {
    documentId: String(row.documentId),
    type: String(row.type),
    number: String(row.number),
    issuer: (row.issuer as string | null) ?? null,
    issuedOn: (row.issuedOn as string | null) ?? null,
    expiresOn: (row.expiresOn as string | null) ?? null,
    ocopStars: (row.ocopStars as number | null) ?? null,
    validity: presented.validity as Validity,
  };
};

const stateOf = (row: Row): CardState => (row.verificationStatus === 'locked' ? 'locked' : 'verified');

/**
 * Trust cards (issue 21.1): what a printed card and the page its QR code opens show, live. Unlike the
 * public reads, a seller locked after its verification is found, so that its card says it is locked
 * instead of vanishing; a seller never verified, or a licence not verified, has no card.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seller(slug: string): Promise<SellerTrustCard | null> {
    const row = (await strapi.db.query(UID.seller).findOne({
      where: { slug, ...PUBLISHED, ...CARD_SELLER },
      select: SELLER_FIELDS,
      populate: {
        department: { select: ['name'] },
        licences: {
          select: LICENCE_FIELDS,
          where: { verificationStatus: 'verified', ...PUBLISHED },
          orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
        },
      },
    })) as Row | null;
    if (!row) return null;
    const state = stateOf(row);
    return {
      name: String(row.name),
      slug: String(row.slug),
      legalForm: String(row.legalForm),
      isOcopProducer: row.isOcopProducer === true,
      verifiedAt: (row.verifiedAt as string | null) ?? null,
      department: (row.department as { name?: string } | null)?.name ?? null,
      state,
      licences: state === 'locked' ? [] : ((row.licences as Row[] | null) ?? []).map(cardLicence),
    };
  },

  async licence(documentId: string): Promise<LicenceTrustCard | null> {
    const row = (await strapi.db.query(UID.licence).findOne({
      where: { documentId, verificationStatus: 'verified', ...PUBLISHED, seller: CARD_SELLER },
      select: LICENCE_FIELDS,
      populate: { seller: { select: SELLER_FIELDS } },
    })) as Row | null;
    const seller = row?.seller as Row | null | undefined;
    if (!row || !seller) return null;
    const licence = cardLicence(row);
    const sellerState = stateOf(seller);
    return {
      ...licence,
      state: sellerState === 'locked' ? 'locked' : licence.validity,
      seller: { name: String(seller.name), slug: String(seller.slug), state: sellerState },
    };
  },
});
