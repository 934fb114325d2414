/**
 * "Thông tin khác" (/thong-tin-khac): what the departments publish besides products (QC Điều 6.9:
 * investment projects, tourism, restaurants and hotels, technology, training and recruitment…).
 * Its state lives in the URL (`loai`, `page`), like the board's.
 */
import { DIRECTORY_KINDS } from '@sgd/config';
import type { DirectoryListing } from './schemas';
import { toImage, type ImageView } from './adapters';
import { formatDate } from './format';
import { listHref, pageParam } from './paging';

export const LISTINGS_PATH = '/thong-tin-khac';
export const LISTINGS_PAGE_SIZE = 20;
export const NEWS_PAGE_SIZE = 12;

/** The URL's word for each kind: its code with hyphens (`du_lich` style codes read badly in links). */
export const LISTING_KINDS = DIRECTORY_KINDS.map((kind) => ({
  code: kind.code as string,
  param: kind.code.replace(/_/g, '-'),
  label: kind.name as string,
}));

export interface ListingsQuery {
  kind: string | null;
  page: number;
}

export function parseListingsQuery(params: URLSearchParams): ListingsQuery {
  const kind = LISTING_KINDS.find((entry) => entry.param === params.get('loai'))?.code ?? null;
  return { kind, page: pageParam(params) };
}

export function listingsHref(kind: string | null, page = 1): string {
  const params = new URLSearchParams();
  const param = LISTING_KINDS.find((entry) => entry.code === kind)?.param;
  if (param) params.set('loai', param);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${LISTINGS_PATH}?${search}` : LISTINGS_PATH;
}

export const listingHref = (slug: string) => `${LISTINGS_PATH}/${encodeURIComponent(slug)}`;

export const newsListHref = listHref('/tin-tuc');

export interface ListingView {
  href: string;
  title: string;
  kindLabel: string;
  summary: string | null;
  address: string | null;
  contact: string | null;
  website: string | null;
  department: string | null;
  date: string | null;
  image: ImageView | null;
}

/** A link only when it is an http(s) address: the field is typed by people. */
function safeWebsite(value: string | null | undefined): string | null {
  if (!value) return null;
  const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function toListingView(listing: DirectoryListing): ListingView {
  const address = [listing.address, listing.commune?.name].filter(Boolean).join(', ');
  return {
    href: listingHref(listing.slug),
    title: listing.title,
    kindLabel: LISTING_KINDS.find((entry) => entry.code === listing.kind)?.label ?? listing.kind,
    summary: listing.summary ?? null,
    address: address || null,
    contact: listing.contact ?? null,
    website: safeWebsite(listing.website),
    department: listing.department?.name ?? null,
    date: formatDate(listing.publishedAt),
    image: listing.image ? toImage(listing.image, listing.title, 'medium') : null,
  };
}
