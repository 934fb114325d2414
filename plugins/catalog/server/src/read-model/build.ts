import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { collationKey, CORE_UID, coreService, markedWords, searchWords, type Rating } from '@sgd/plugin-core';
import {
  presentLicence,
  publicContact,
  SELLERS_UID,
  todayInVietnam,
  validityHoldsUntil,
} from '@sgd/plugin-sellers';
import { UID } from '../constants';

type Data = Record<string, unknown>;

/** Attribute types that are not a plain value of the item itself. */
const NOT_SCALAR = new Set(['relation', 'media', 'component', 'dynamiczone', 'password']);

/**
 * The attributes of a content type the public API shows: every plain value that is not private
 * (Strapi's own rule: `private: true`, or listed in the API's private attributes), in schema order,
 * after `id` and `documentId`. A field made private later leaves the read model at the next reindex.
 */
export function publicScalars(strapi: Core.Strapi, uid: string): string[] {
  const model = strapi.getModel(uid as StrapiUID.Schema);
  return [
    'id',
    'documentId',
    ...Object.entries(model.attributes)
      .filter(([name, attribute]) => {
        const type = (attribute as { type: string }).type;
        return !NOT_SCALAR.has(type) && !contentTypes.isPrivateAttribute(model, name);
      })
      .map(([name]) => name),
  ];
}

const pick = (row: Data, fields: string[]): Data =>
  Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
/** The fields of `item` that it has (a field made private is not in a public item at all). */
const present = (item: Data, fields: string[]): Data =>
  Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]]));
const iso = (value: unknown) => new Date(value as string).toISOString();
const relationIds = ['id', 'documentId'];
const IMAGE = [...relationIds, 'url', 'alternativeText', 'width', 'height', 'formats'];
const NAME_CODE = [...relationIds, 'name', 'code'];
const LICENCE = [...relationIds, 'type', 'number', 'issuer', 'issuedOn', 'expiresOn', 'ocopStars'];
const AREA = [...relationIds, 'name', 'slug', 'code', 'latitude', 'longitude', 'areaHa', 'crops'];
/** What the product's seller card shows (`SELLER_CARD` of the sellers plugin, with the contact). */
const CARD = [...relationIds, 'name', 'slug', 'legalForm', 'address', 'isOcopProducer', 'verifiedAt'];
/**
 * A product as a card of a list shows it (`view=card` of the search): its own fields below (those of
 * them that are public), its first picture (`cardImage`), and its licences' type, stars and validity;
 * with its seller's `label` (name and commune) added on reading.
 */
const PRODUCT_CARD = [...relationIds, 'name', 'slug', 'unit', 'price', 'priceMin', 'priceMax'];
const CARD_LICENCE = ['type', 'ocopStars', 'expiresOn', 'validity'];
/** What a product card shows of its seller. */
const LABEL = [...relationIds, 'name', 'slug'];

/** A picture on a card: its sizes' address and dimensions (what an `<img srcset>` needs). */
function cardImage(image: Data): Data {
  const formats = image.formats as Record<string, Data> | null;
  return {
    ...pick(image, [...relationIds, 'url', 'alternativeText', 'width', 'height']),
    formats: formats
      ? Object.fromEntries(
          Object.entries(formats).map(([size, format]) => [size, pick(format, ['url', 'width', 'height'])]),
        )
      : null,
  };
}

/** A licence as the read model keeps it for the licence-type and OCOP filters. */
export interface LicenceFacts {
  licence_id: string;
  type: string;
  stars: number | null;
  expires_on: string | null;
}

/** Words and two-word runs of a public name, with how they are written, for spelling help. */
export interface Term {
  term: string;
  joined: string;
  display: string;
}

/** The words of a name, each with how it is written (lower case, tones kept) and how it is searched. */
function nameWords(name: string): { folded: string; display: string }[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((token) => {
      const folded = searchWords(token);
      return folded.length === 1
        ? [{ folded: folded[0], display: token }]
        : folded.map((word) => ({ folded: word, display: word }));
    });
}

/** Spelling terms of a name: its words of two letters or more, and each pair of such words in a row. */
export function termsOf(name: string): Term[] {
  const words = nameWords(name).map((w) => (/^[a-z]{2,}$/.test(w.folded) ? w : null));
  const terms = new Map<string, Term>();
  words.forEach((word, i) => {
    if (!word) return;
    terms.set(word.folded, { term: word.folded, joined: word.folded, display: word.display });
    const next = words[i + 1];
    if (next) {
      const term = `${word.folded} ${next.folded}`;
      terms.set(term, {
        term,
        joined: word.folded + next.folded,
        display: `${word.display} ${next.display}`,
      });
    }
  });
  return [...terms.values()];
}

/** The spelling terms of folded name words (what a row stored), to take back when the name changes. */
export function termKeysOf(foldedNameWords: string): string[] {
  return termsOf(foldedNameWords).map((t) => t.term);
}

/**
 * What the full-text index reads: the folded words of the name, its marked words (Telex spelling, for
 * words the search adds with their tones), and the folded and marked words of all the searched text.
 */
function words(name: string, text: string) {
  return {
    name_words: searchWords(name).join(' '),
    name_marks: markedWords(name).join(' '),
    words: [...searchWords(text), ...markedWords(text)].join(' '),
  };
}

/** Licences with `validity`, and the last day on which those validities still hold (null: forever). */
function presentLicences(rows: Data[], today: string, extra: string[] = []) {
  let freshUntil: string | null = null;
  const licences = rows.map((row) => {
    if (!row.expiredAt) {
      const until = validityHoldsUntil(row.expiresOn, today);
      if (until && (freshUntil === null || until < freshUntil)) freshUntil = until;
    }
    return presentLicence(pick(row, [...LICENCE, ...extra, 'expiredAt']));
  });
  return { licences, freshUntil };
}

/** Valid-for-filters facts of verified licences that the expiry job has not marked. */
function licenceFacts(rows: Data[]): LicenceFacts[] {
  return rows
    .filter((row) => !row.expiredAt)
    .map((row) => ({
      licence_id: String(row.documentId),
      type: String(row.type),
      stars: row.ocopStars === null || row.ocopStars === undefined ? null : Number(row.ocopStars),
      expires_on: (row.expiresOn as string | null) ?? null,
    }));
}

export interface ProductRecord {
  row: {
    document_id: string;
    id: number;
    slug: string;
    name_key: string;
    seller_id: string | null;
    category_id: string | null;
    department_id: string | null;
    price_low: number | null;
    price_high: number | null;
    published_at: string;
    updated_at: string;
    name_words: string;
    name_marks: string;
    words: string;
    fresh_until: string | null;
    card: string;
    body: string;
  };
  licences: LicenceFacts[];
  terms: Term[];
}

export interface SellerRecord {
  row: {
    document_id: string;
    id: number;
    slug: string;
    name_key: string;
    commune: string | null;
    published_at: string;
    updated_at: string;
    name_words: string;
    name_marks: string;
    words: string;
    fresh_until: string | null;
    card: string;
    label: string;
    summary: string;
    body: string;
  };
  licences: LicenceFacts[];
  terms: Term[];
}

export interface RefRecord {
  document_id: string;
  body: string;
}

export interface CategoryRecord {
  document_id: string;
  slug: string;
  parent_id: string | null;
  body: string;
}

const firstNumber = (...values: unknown[]) => {
  const found = values.find((v) => v !== null && v !== undefined && v !== '');
  return found === undefined ? null : Number(found);
};

/**
 * Builds the read model's rows from the live tables through the Query Engine (the Document Service's
 * own layer, so values come out exactly as the REST API writes them), for a batch of documents.
 * Only public items come back: a document missing from the answer is not public (any more).
 */
export function createBuilder(strapi: Core.Strapi) {
  const query = (uid: string) => strapi.db.query(uid as StrapiUID.Schema);

  /** `{ rating }` of each row as the public endpoints attach it (none when no plugin provides ratings). */
  async function ratingsOf(uid: string, rows: Data[]) {
    const targets = rows.map((row) => ({ documentId: row.documentId }) as Data);
    await coreService(strapi, 'ratings').attach(uid, targets);
    const byId = new Map(targets.map((t) => [String(t.documentId), t.rating as Rating | undefined]));
    return (row: Data): { rating?: Rating } => {
      const rating = byId.get(String(row.documentId));
      return rating ? { rating } : {};
    };
  }

  async function products(documentIds: string[], today = todayInVietnam()): Promise<ProductRecord[]> {
    if (documentIds.length === 0) return [];
    const scalars = publicScalars(strapi, UID.product);
    const rows = (await query(UID.product).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true }, reviewStatus: 'approved' },
      select: scalars,
      populate: {
        seller: { select: ['documentId'] },
        category: { select: ['documentId'] },
        images: { select: IMAGE },
        licences: { select: [...LICENCE, 'expiredAt'], where: { verificationStatus: 'verified' } },
        productionArea: { select: [...AREA, 'seasons'], where: { reviewStatus: 'approved' } },
        department: { select: ['documentId'] },
      },
    })) as Data[];
    const ratings = await ratingsOf(UID.product, rows);
    return rows.map((row) => {
      const licenceRows = (row.licences as Data[] | null) ?? [];
      const { licences, freshUntil } = presentLicences(licenceRows, today);
      const area = row.productionArea as Data | null;
      const name = String(row.name);
      const body = {
        ...pick(row, scalars),
        images: ((row.images as Data[] | null) ?? []).map((image) => pick(image, IMAGE)),
        licences,
        productionArea: area ? pick(area, [...AREA, 'seasons']) : null,
        ...ratings(row),
      };
      return {
        row: {
          document_id: String(row.documentId),
          id: Number(row.id),
          slug: String(row.slug),
          name_key: collationKey(name),
          seller_id: ((row.seller as Data | null)?.documentId as string | undefined) ?? null,
          category_id: ((row.category as Data | null)?.documentId as string | undefined) ?? null,
          department_id: ((row.department as Data | null)?.documentId as string | undefined) ?? null,
          price_low: firstNumber(row.price, row.priceMin, row.priceMax),
          price_high: firstNumber(row.price, row.priceMax, row.priceMin),
          published_at: iso(row.publishedAt),
          updated_at: iso(row.updatedAt),
          ...words(name, `${name} ${row.description ?? ''}`),
          fresh_until: freshUntil,
          card: JSON.stringify({
            ...present(body, PRODUCT_CARD),
            images: body.images.slice(0, 1).map(cardImage),
            licences: licences.map((licence) => present(licence, CARD_LICENCE)),
          }),
          body: JSON.stringify(body),
        },
        licences: licenceFacts(licenceRows),
        terms: termsOf(name),
      };
    });
  }

  async function sellers(documentIds: string[], today = todayInVietnam()): Promise<SellerRecord[]> {
    if (documentIds.length === 0) return [];
    const scalars = publicScalars(strapi, SELLERS_UID.seller);
    const rows = (await query(SELLERS_UID.seller).findMany({
      where: {
        documentId: { $in: documentIds },
        publishedAt: { $notNull: true },
        verificationStatus: 'verified',
      },
      // Phone and email are private: read only to copy them into `contact` when the seller chose to.
      select: [...scalars, 'phone', 'email'],
      populate: {
        logo: { select: IMAGE },
        commune: { select: NAME_CODE },
        department: { select: NAME_CODE },
        licences: {
          select: [...LICENCE, 'verifiedAt', 'expiredAt'],
          where: { verificationStatus: 'verified' },
        },
        productionAreas: { select: AREA, where: { reviewStatus: 'approved' } },
      },
    })) as Data[];
    const ratings = await ratingsOf(SELLERS_UID.seller, rows);
    return rows.map((row) => {
      const licenceRows = (row.licences as Data[] | null) ?? [];
      const { licences, freshUntil } = presentLicences(licenceRows, today, ['verifiedAt']);
      const logo = row.logo ? pick(row.logo as Data, IMAGE) : null;
      const commune = row.commune ? pick(row.commune as Data, NAME_CODE) : null;
      const contact = publicContact(row);
      const rating = ratings(row);
      const own = pick(row, scalars);
      const name = String(row.name);
      return {
        row: {
          document_id: String(row.documentId),
          id: Number(row.id),
          slug: String(row.slug),
          name_key: collationKey(name),
          commune: (commune?.code as string | undefined) ?? null,
          published_at: iso(row.publishedAt),
          updated_at: iso(row.updatedAt),
          ...words(name, `${name} ${row.address ?? ''} ${row.description ?? ''}`),
          fresh_until: freshUntil,
          card: JSON.stringify({ ...pick(row, CARD), logo, commune, contact, ...rating }),
          label: JSON.stringify({ ...pick(row, LABEL), commune }),
          summary: JSON.stringify({ ...own, logo, commune, contact, ...rating }),
          body: JSON.stringify({
            ...own,
            logo,
            commune,
            department: row.department ? pick(row.department as Data, NAME_CODE) : null,
            licences,
            productionAreas: ((row.productionAreas as Data[] | null) ?? []).map((area) => pick(area, AREA)),
            contact,
            ...rating,
          }),
        },
        licences: licenceFacts(licenceRows),
        terms: termsOf(name),
      };
    });
  }

  async function categories(documentIds: string[]): Promise<CategoryRecord[]> {
    if (documentIds.length === 0) return [];
    const rows = (await query(UID.category).findMany({
      where: { documentId: { $in: documentIds } },
      select: [...relationIds, 'name', 'slug'],
      populate: { parent: { select: ['documentId'] } },
    })) as Data[];
    return rows.map((row) => ({
      document_id: String(row.documentId),
      slug: String(row.slug),
      parent_id: ((row.parent as Data | null)?.documentId as string | undefined) ?? null,
      body: JSON.stringify(pick(row, [...relationIds, 'name', 'slug'])),
    }));
  }

  /** Departments as a product shows them (joined to the product when read, so a rename is one row). */
  async function departments(documentIds: string[]): Promise<RefRecord[]> {
    if (documentIds.length === 0) return [];
    const rows = (await query(CORE_UID.department).findMany({
      where: { documentId: { $in: documentIds } },
      select: NAME_CODE,
    })) as Data[];
    return rows.map((row) => ({
      document_id: String(row.documentId),
      body: JSON.stringify(pick(row, NAME_CODE)),
    }));
  }

  return { products, sellers, categories, departments };
}

export type Builder = ReturnType<typeof createBuilder>;
