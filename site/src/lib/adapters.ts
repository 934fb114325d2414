/**
 * Turn the CMS's shapes into what a page shows: labels in Vietnamese, formatted prices and dates,
 * image URLs on the site's own origin. Pages and components receive these view types, never raw API data.
 */
import { escapeMarkup, formatDate, formatDecimal, formatPrice, todayInVietnam } from './format';
import {
  VALIDITY_LABELS,
  deliveryMethodName,
  legalDocumentKindName,
  legalDocumentKindOrder,
  legalFormName,
  licenceTypeName,
  licenceTypeShortName,
  paymentMethodName,
  registrationNumberLabel,
} from './labels';
import type {
  AdministrativeUnit,
  Category,
  Contact,
  LegalDocument,
  Licence,
  Media,
  NewsArticle,
  Product,
  ProductCardData,
  ProductionArea,
  Rating,
  Seller,
  SellerCard,
  Validity,
} from './schemas';

export interface ImageView {
  src: string;
  srcset: string | null;
  width: number | null;
  height: number | null;
  alt: string;
}

export interface LicenceView {
  typeName: string;
  shortName: string;
  number: string;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  ocopStars: number | null;
  validity: Validity;
  validityLabel: string;
}

/** Stars given by buyers after delivery, as a page shows them; null while none is approved. */
export interface RatingView {
  /** One decimal, Vietnamese style ("4,5"). */
  average: string;
  count: number;
}

export function toRating(rating: Rating | null | undefined): RatingView | null {
  if (!rating || rating.count <= 0 || rating.average === null) return null;
  return {
    average: rating.average.toLocaleString('vi-VN', { maximumFractionDigits: 1 }),
    count: rating.count,
  };
}

/** Always leads to the privacy policy in force (`pages/chinh-sach-bao-ve-du-lieu.ts`). */
export const PRIVACY_POLICY_PATH = '/chinh-sach-bao-ve-du-lieu';

export interface ProductCardView {
  href: string;
  name: string;
  price: string;
  image: ImageView | null;
  sellerName: string | null;
  commune: string | null;
  ocopStars: number | null;
}

export interface SellerCardView {
  href: string;
  name: string;
  legalForm: string;
  address: string | null;
  commune: string | null;
  verifiedOn: string | null;
  isOcopProducer: boolean;
  logo: ImageView | null;
  contact: Contact;
  rating: RatingView | null;
}

export interface ProductionAreaView {
  name: string;
  code: string | null;
  areaHa: string | null;
  crops: string | null;
  seasons: string | null;
  mapHref: string | null;
}

export interface ProductView {
  name: string;
  price: string;
  promotion: string | null;
  category: { name: string; href: string } | null;
  description: string | null;
  ingredients: string | null;
  uses: string | null;
  specification: string | null;
  images: ImageView[];
  seller: SellerCardView | null;
  licences: LicenceView[];
  ocopStars: number | null;
  productionArea: ProductionAreaView | null;
  paymentMethods: string[];
  deliveryMethods: string[];
  department: string | null;
}

export interface SellerView {
  name: string;
  legalForm: string;
  registrationNumberLabel: string;
  enterpriseCode: string | null;
  registrationDate: string | null;
  registrationIssuer: string | null;
  representative: string | null;
  address: string | null;
  commune: string | null;
  description: string | null;
  verifiedOn: string | null;
  vneidVerified: boolean;
  isOcopProducer: boolean;
  department: string | null;
  logo: ImageView | null;
  licences: LicenceView[];
  productionAreas: ProductionAreaView[];
  contact: Contact;
  rating: RatingView | null;
}

export interface SellerResultView {
  href: string;
  name: string;
  legalForm: string;
  address: string | null;
  commune: string | null;
  verifiedOn: string | null;
  isOcopProducer: boolean;
  logo: ImageView | null;
}

export interface CategoryNode {
  name: string;
  slug: string;
  href: string;
  children: CategoryNode[];
}

export interface Option {
  value: string;
  label: string;
}

export interface NewsCardView {
  href: string;
  title: string;
  summary: string | null;
  date: string | null;
  cover: ImageView | null;
}

export type VersionStatus = 'current' | 'upcoming' | 'superseded';

export interface DocumentVersionView {
  href: string;
  title: string;
  version: string | null;
  effectiveFrom: string | null;
  status: VersionStatus;
  statusLabel: string;
  isCurrentPage: boolean;
  /** What the version changes, as its summary says. */
  summary: string | null;
}

export interface DocumentGroupView {
  kind: string;
  kindName: string;
  documents: { href: string; title: string; number: string | null; effectiveFrom: string | null }[];
}

/**
 * A media URL from the CMS ("/uploads/x.jpg"): by default left on the site's own origin, which
 * passes uploads through from the CMS (`pages/uploads/[...path].ts`), so visitors never need the
 * CMS's address; with a base URL made absolute. Absolute URLs pass through.
 */
export function mediaUrl(url: string, baseUrl = ''): string {
  return /^https?:\/\//i.test(url) ? url : `${baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

const FORMAT_ORDER = ['thumbnail', 'small', 'medium', 'large'] as const;

/**
 * An image with a srcset built from the formats Strapi generated. `preferred` picks the default `src`
 * (a card uses "small"); the original is used when that format does not exist (SVG has no formats).
 */
export function toImage(
  media: Media,
  fallbackAlt: string,
  preferred: 'small' | 'medium' | 'original' = 'original',
  baseUrl = '',
): ImageView {
  const formats = media.formats ?? {};
  const candidates = FORMAT_ORDER.flatMap((key) => {
    const format = formats[key];
    return format?.width ? [{ url: format.url, width: format.width }] : [];
  });
  if (media.width) candidates.push({ url: media.url, width: media.width });
  const chosen = preferred === 'original' ? undefined : formats[preferred];
  const main = chosen ?? { url: media.url, width: media.width, height: media.height };
  return {
    src: mediaUrl(main.url, baseUrl),
    srcset:
      candidates.length > 1
        ? candidates.map((candidate) => `${mediaUrl(candidate.url, baseUrl)} ${candidate.width}w`).join(', ')
        : null,
    width: main.width ?? null,
    height: main.height ?? null,
    alt: media.alternativeText?.trim() || fallbackAlt,
  };
}

export function toLicence(licence: Licence): LicenceView {
  return {
    typeName: licenceTypeName(licence.type),
    shortName: licenceTypeShortName(licence.type),
    number: licence.number,
    issuer: licence.issuer ?? null,
    issuedOn: formatDate(licence.issuedOn),
    expiresOn: formatDate(licence.expiresOn),
    ocopStars: licence.ocopStars ?? null,
    validity: licence.validity,
    validityLabel: VALIDITY_LABELS[licence.validity],
  };
}

/** The highest OCOP rating among licences still in force. */
export function ocopStarsOf(
  licences: Pick<Licence, 'type' | 'ocopStars' | 'validity'>[] | null | undefined,
): number | null {
  const stars = (licences ?? [])
    .filter((licence) => licence.type === 'ocop' && licence.validity !== 'expired' && licence.ocopStars)
    .map((licence) => licence.ocopStars as number);
  return stars.length > 0 ? Math.max(...stars) : null;
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

export function toProductionArea(area: ProductionArea): ProductionAreaView {
  const lat = toNumber(area.latitude);
  const lon = toNumber(area.longitude);
  return {
    name: area.name,
    code: area.code ?? null,
    areaHa: formatDecimal(area.areaHa),
    crops: area.crops ?? null,
    seasons: area.seasons ?? null,
    mapHref:
      lat !== null && lon !== null
        ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=14/${lat}/${lon}`
        : null,
  };
}

export const productHref = (slug: string) => `/san-pham/${encodeURIComponent(slug)}`;
export const sellerHref = (slug: string) => `/doanh-nghiep/${encodeURIComponent(slug)}`;
export const documentHref = (slug: string) => `/van-ban/${encodeURIComponent(slug)}`;
export const newsHref = (slug: string) => `/tin-tuc/${encodeURIComponent(slug)}`;
export const categoryHref = (slug: string) => `/san-pham?category=${encodeURIComponent(slug)}`;

const noContact: Contact = { phone: null, email: null };

export function toSellerCard(seller: SellerCard, baseUrl?: string): SellerCardView {
  return {
    href: sellerHref(seller.slug),
    name: seller.name,
    legalForm: legalFormName(seller.legalForm),
    address: seller.address ?? null,
    commune: seller.commune?.name ?? null,
    verifiedOn: formatDate(seller.verifiedAt),
    isOcopProducer: seller.isOcopProducer === true,
    logo: seller.logo ? toImage(seller.logo, `Biểu trưng của ${seller.name}`, 'original', baseUrl) : null,
    contact: seller.contact ?? noContact,
    rating: toRating(seller.rating),
  };
}

/**
 * A seller's address with its commune after it, unless the address already names the commune
 * (an address ending "…, phường X, tỉnh Y" and the commune "Phường X": written once, whatever the
 * case).
 */
export function addressLine(address: string, commune: string | null): string {
  if (!commune || address.toLocaleLowerCase('vi').includes(commune.toLocaleLowerCase('vi'))) return address;
  return `${address}, ${commune}`;
}

/** A `tel:` link of a phone number as written ("0273 387 3269" → tel:02733873269). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function toProductCard(product: ProductCardData, baseUrl?: string): ProductCardView {
  const first = product.images?.[0];
  return {
    href: productHref(product.slug),
    name: product.name,
    price: formatPrice(product),
    image: first ? toImage(first, product.name, 'small', baseUrl) : null,
    sellerName: product.seller?.name ?? null,
    commune: product.seller?.commune?.name ?? null,
    ocopStars: ocopStarsOf(product.licences),
  };
}

export function toProductView(product: Product, baseUrl?: string): ProductView {
  return {
    name: product.name,
    price: formatPrice(product),
    promotion: product.promotion ?? null,
    category: product.category
      ? { name: product.category.name, href: categoryHref(product.category.slug) }
      : null,
    description: product.description ?? null,
    ingredients: product.ingredients ?? null,
    uses: product.uses ?? null,
    specification: product.specification ?? null,
    images: (product.images ?? []).map((image, index) =>
      toImage(image, `${product.name} – ảnh ${index + 1}`, 'original', baseUrl),
    ),
    seller: product.seller ? toSellerCard(product.seller, baseUrl) : null,
    licences: (product.licences ?? []).map(toLicence),
    ocopStars: ocopStarsOf(product.licences),
    productionArea: product.productionArea ? toProductionArea(product.productionArea) : null,
    paymentMethods: (product.paymentMethods ?? []).map(paymentMethodName),
    deliveryMethods: (product.deliveryMethods ?? []).map(deliveryMethodName),
    department: product.department?.name ?? null,
  };
}

export function toSellerView(seller: Seller, baseUrl?: string): SellerView {
  return {
    name: seller.name,
    legalForm: legalFormName(seller.legalForm),
    registrationNumberLabel: registrationNumberLabel(seller.legalForm),
    enterpriseCode: seller.enterpriseCode ?? null,
    registrationDate: formatDate(seller.registrationDate),
    registrationIssuer: seller.registrationIssuer ?? null,
    representative: seller.representative ?? null,
    address: seller.address ?? null,
    commune: seller.commune?.name ?? null,
    description: seller.description ?? null,
    verifiedOn: formatDate(seller.verifiedAt),
    vneidVerified: seller.vneidVerified === true,
    isOcopProducer: seller.isOcopProducer === true,
    department: seller.department?.name ?? null,
    logo: seller.logo ? toImage(seller.logo, `Biểu trưng của ${seller.name}`, 'original', baseUrl) : null,
    licences: (seller.licences ?? []).map(toLicence),
    productionAreas: (seller.productionAreas ?? []).map(toProductionArea),
    contact: seller.contact ?? noContact,
    rating: toRating(seller.rating),
  };
}

export function toSellerResult(seller: Seller, baseUrl?: string): SellerResultView {
  return {
    href: sellerHref(seller.slug),
    name: seller.name,
    legalForm: legalFormName(seller.legalForm),
    address: seller.address ?? null,
    commune: seller.commune?.name ?? null,
    verifiedOn: formatDate(seller.verifiedAt),
    isOcopProducer: seller.isOcopProducer === true,
    logo: seller.logo ? toImage(seller.logo, `Biểu trưng của ${seller.name}`, 'small', baseUrl) : null,
  };
}

/**
 * Vietnamese order, one collator for every comparison (`localeCompare(…, 'vi')` sets one up each
 * time: three times the cost, on every catalogue page for its ~100 communes).
 */
const vietnamese = new Intl.Collator('vi');

const bySortOrder = (a: Category, b: Category) =>
  (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || vietnamese.compare(a.name, b.name);

/**
 * What a list derives for a page, computed once per list: the CMS client gives the same array while
 * its answers are the same (a catalogue page sorted the 102 communes in Vietnamese order each time).
 */
function derivedOnce<T extends object, R>(derive: (list: T) => R): (list: T) => R {
  const derived = new WeakMap<T, R>();
  return (list) => {
    if (!derived.has(list)) derived.set(list, derive(list));
    return derived.get(list) as R;
  };
}

/** The two-level category tree, built from each category's parent. */
export const categoryTree = derivedOnce(buildCategoryTree);

function buildCategoryTree(categories: Category[]): CategoryNode[] {
  const node = (category: Category): CategoryNode => ({
    name: category.name,
    slug: category.slug,
    href: categoryHref(category.slug),
    children: [],
  });
  const sorted = [...categories].sort(bySortOrder);
  const roots = new Map(
    sorted.filter((category) => !category.parent).map((category) => [category.slug, node(category)]),
  );
  for (const category of sorted) {
    if (category.parent) roots.get(category.parent.slug)?.children.push(node(category));
  }
  return [...roots.values()];
}

/** Options of the category select: parents, then their children indented. */
export const categoryOptions = derivedOnce((tree: CategoryNode[]): Option[] =>
  tree.flatMap((root) => [
    { value: root.slug, label: root.name },
    ...root.children.map((child) => ({ value: child.slug, label: `— ${child.name}` })),
  ]),
);

export const communeOptions = derivedOnce((units: AdministrativeUnit[]): Option[] =>
  units
    .map((unit) => ({ value: unit.code, label: unit.name }))
    .sort((a, b) => vietnamese.compare(a.label, b.label)),
);

/** Each option's `<option>` tag, once per list of options. */
const optionTags = derivedOnce((options: Option[]) =>
  options.map((option) => ({
    value: option.value,
    tag: `<option value="${escapeMarkup(option.value)}">${escapeMarkup(option.label)}</option>`,
  })),
);

/**
 * The `<option>` tags of a select (after its own first option), `selected` the one whose value it is:
 * written once per list and joined for each page, where a page rendered each of the catalogue's
 * ~140 category and commune options as a template (a tenth of the site's CPU for a catalogue page).
 */
export function optionsHtml(options: Option[], selected: string): string {
  return optionTags(options)
    .map(({ value, tag }) => (value === selected ? tag.replace('">', '" selected>') : tag))
    .join('');
}

export function toNewsCard(article: NewsArticle, baseUrl?: string): NewsCardView {
  return {
    href: newsHref(article.slug),
    title: article.title,
    summary: article.summary ?? null,
    date: formatDate(article.publishedOn ?? article.publishedAt),
    cover: article.cover ? toImage(article.cover, article.title, 'small', baseUrl) : null,
  };
}

const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  current: 'Đang có hiệu lực',
  upcoming: 'Sắp có hiệu lực',
  superseded: 'Đã được thay thế',
};

/**
 * Versions of one document series, newest first. The version in force is the latest whose effective
 * date has come; later ones are upcoming, earlier ones superseded.
 */
export function toVersions(
  documents: LegalDocument[],
  currentSlug: string,
  today: string = todayInVietnam(),
): DocumentVersionView[] {
  const sorted = [...documents].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const inForce = sorted.find((doc) => doc.effectiveFrom <= today);
  return sorted.map((doc) => {
    const status: VersionStatus =
      doc === inForce ? 'current' : doc.effectiveFrom > today ? 'upcoming' : 'superseded';
    return {
      href: documentHref(doc.slug),
      title: doc.title,
      version: doc.version ?? null,
      effectiveFrom: formatDate(doc.effectiveFrom),
      status,
      statusLabel: VERSION_STATUS_LABELS[status],
      isCurrentPage: doc.slug === currentSlug,
      summary: doc.summary ?? null,
    };
  });
}

/**
 * The version announced but not yet in force that takes effect first (a new regulation is published
 * at least 5 days before it applies): shown beside the version in force until its date comes.
 */
export function comingVersion(versions: DocumentVersionView[]): DocumentVersionView | null {
  return versions.filter((version) => version.status === 'upcoming').at(-1) ?? null;
}

/** Legal documents grouped by kind, in the order of the kinds in @sgd/config. */
export function groupDocumentsByKind(documents: LegalDocument[]): DocumentGroupView[] {
  const groups = new Map<string, DocumentGroupView>();
  for (const doc of documents) {
    const group = groups.get(doc.kind) ?? {
      kind: doc.kind,
      kindName: legalDocumentKindName(doc.kind),
      documents: [],
    };
    group.documents.push({
      href: documentHref(doc.slug),
      title: doc.title,
      number: doc.number ?? null,
      effectiveFrom: formatDate(doc.effectiveFrom),
    });
    groups.set(doc.kind, group);
  }
  const rank = (kind: string) => {
    const index = legalDocumentKindOrder.indexOf(kind);
    return index === -1 ? legalDocumentKindOrder.length : index;
  };
  return [...groups.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
}
