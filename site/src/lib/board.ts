/**
 * The supply–demand board (/cung-cau): its state lives in the URL (`loai=mua|ban`, `page`), read back
 * here and turned into links, like the catalogue's.
 */
import type { PostKind, SupplyDemandPost } from './schemas';
import { formatDate, formatDecimal, formatVnd } from './format';
import { pageParam } from './paging';

export const BOARD_PATH = '/cung-cau';
export const BOARD_PAGE_SIZE = 20;

/** The URL's word for each kind of need, and how the board names it. */
export const POST_KINDS: readonly { kind: PostKind; param: string; label: string }[] = [
  { kind: 'buy', param: 'mua', label: 'Cần mua' },
  { kind: 'sell', param: 'ban', label: 'Cần bán' },
];

export interface BoardQuery {
  kind: PostKind | null;
  page: number;
}

export function parseBoardQuery(params: URLSearchParams): BoardQuery {
  const kind = POST_KINDS.find((entry) => entry.param === params.get('loai'))?.kind ?? null;
  return { kind, page: pageParam(params) };
}

export function boardHref(kind: PostKind | null, page = 1): string {
  const params = new URLSearchParams();
  const param = POST_KINDS.find((entry) => entry.kind === kind)?.param;
  if (param) params.set('loai', param);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${BOARD_PATH}?${search}` : BOARD_PATH;
}

export interface PostView {
  id: string;
  slug: string;
  kindLabel: string;
  kind: PostKind;
  title: string;
  description: string | null;
  category: string | null;
  quantity: string | null;
  price: string | null;
  region: string | null;
  validUntil: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export function toPostView(post: SupplyDemandPost): PostView {
  const quantity = formatDecimal(post.quantity);
  return {
    id: `tin-${post.slug}`,
    slug: post.slug,
    kind: post.kind,
    kindLabel: POST_KINDS.find((entry) => entry.kind === post.kind)?.label ?? post.kind,
    title: post.title,
    description: post.description ?? null,
    category: post.category?.name ?? null,
    quantity: quantity ? [quantity, post.unit].filter(Boolean).join(' ') : null,
    // The unit is the quantity's ("tấn"), not always the price's: the note says what the price is for.
    price: [formatVnd(post.price), post.priceNote].filter(Boolean).join(' – ') || null,
    region: post.region ?? null,
    validUntil: formatDate(post.validUntil),
    contactName: post.contactName ?? null,
    contactPhone: post.contactPhone ?? null,
    contactEmail: post.contactEmail ?? null,
  };
}
