/**
 * Search engines and link previews: canonical URLs, structured data (schema.org JSON-LD) and the
 * sitemap. Pure functions of API data and the site's origin.
 */
import { EXCHANGE } from '@sgd/config';
import { mediaUrl, productHref, sellerHref } from './adapters';
import { escapeMarkup } from './format';
import type { ExchangeManager } from './cms';
import type { Product, Seller } from './schemas';

export const SITE_NAME = EXCHANGE.name;
/** URLs per sitemap file (the protocol allows 50,000; smaller files stay quick to build from the API). */
export const SITEMAP_URLS_PER_FILE = 1000;

export type JsonLd = Record<string, unknown>;

export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** A schema.org price: plain digits with a dot, as the API's decimal strings already are. */
function schemaPrice(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return /^\d+(\.\d+)?$/.test(text) ? text : null;
}

function postalAddress(address: string | null | undefined): JsonLd | undefined {
  return address
    ? {
        '@type': 'PostalAddress',
        streetAddress: address,
        addressRegion: EXCHANGE.region,
        addressCountry: 'VN',
      }
    : undefined;
}

function withoutEmpty(data: JsonLd): JsonLd {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
}

/** schema.org `Organization` of a seller (enterprise, cooperative, household business). */
export function sellerJsonLd(
  seller: Pick<Seller, 'name' | 'slug' | 'address' | 'enterpriseCode' | 'logo' | 'description'>,
  origin: string,
): JsonLd {
  return withoutEmpty({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: seller.name,
    url: absoluteUrl(origin, sellerHref(seller.slug)),
    description: seller.description,
    taxID: seller.enterpriseCode,
    address: postalAddress(seller.address),
    logo: seller.logo ? absoluteUrl(origin, mediaUrl(seller.logo.url)) : undefined,
  });
}

/**
 * schema.org `Product` with its offer: one price (`Offer`) or a range (`AggregateOffer`), in VND,
 * sold by the seller's `Organization`; `aggregateRating` of approved reviews, only when there are some.
 */
export function productJsonLd(product: Product, origin: string): JsonLd {
  const url = absoluteUrl(origin, productHref(product.slug));
  const seller = product.seller
    ? withoutEmpty({
        '@type': 'Organization',
        name: product.seller.name,
        url: absoluteUrl(origin, sellerHref(product.seller.slug)),
      })
    : undefined;
  const price = schemaPrice(product.price);
  const low = schemaPrice(product.priceMin);
  const high = schemaPrice(product.priceMax);
  const common = { priceCurrency: 'VND', availability: 'https://schema.org/InStock', url, seller };
  const offers = price
    ? withoutEmpty({ '@type': 'Offer', price, ...common })
    : low || high
      ? withoutEmpty({ '@type': 'AggregateOffer', lowPrice: low ?? high, highPrice: high ?? low, ...common })
      : undefined;
  return withoutEmpty({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    url,
    description: product.description,
    image: (product.images ?? []).map((image) => absoluteUrl(origin, mediaUrl(image.url))),
    category: product.category?.name,
    offers,
    aggregateRating:
      product.rating && product.rating.count > 0 && product.rating.average !== null
        ? {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
            bestRating: 5,
            worstRating: 1,
          }
        : undefined,
  });
}

/** schema.org `Organization` of the exchange, run by the department that manages it. */
export function exchangeJsonLd(origin: string, manager: ExchangeManager): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: SITE_NAME,
    url: absoluteUrl(origin, '/'),
    logo: absoluteUrl(origin, '/favicon.svg'),
    contactPoint: withoutEmpty({
      '@type': 'ContactPoint',
      contactType: 'customer support',
      telephone: manager.phone,
      email: manager.email,
      areaServed: 'VN',
      availableLanguage: 'vi',
    }),
    parentOrganization: withoutEmpty({
      '@type': 'GovernmentOrganization',
      name: `${manager.name} ${EXCHANGE.province}`,
      address: postalAddress(manager.address),
    }),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
}

export function urlSet(urls: SitemapUrl[]): string {
  const items = urls
    .map(
      (url) =>
        `<url><loc>${escapeMarkup(url.loc)}</loc>${url.lastmod ? `<lastmod>${escapeMarkup(url.lastmod)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</urlset>\n`;
}

export function sitemapIndex(locations: string[]): string {
  const items = locations.map((loc) => `<sitemap><loc>${escapeMarkup(loc)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}

/** The parts of the sitemap: fixed pages and documents, then products and sellers by files of 1000. */
export type SitemapPart = { kind: 'pages' } | { kind: 'products' | 'sellers'; page: number };

const PART_NAMES = { products: 'san-pham', sellers: 'doanh-nghiep' } as const;

export function sitemapPartPath(part: SitemapPart): string {
  return part.kind === 'pages' ? '/sitemap-trang.xml' : `/sitemap-${PART_NAMES[part.kind]}-${part.page}.xml`;
}

export function parseSitemapPart(name: string): SitemapPart | null {
  if (name === 'trang') return { kind: 'pages' };
  const match = /^(san-pham|doanh-nghiep)-([1-9]\d{0,5})$/.exec(name);
  if (!match) return null;
  return { kind: match[1] === 'san-pham' ? 'products' : 'sellers', page: Number(match[2]) };
}
