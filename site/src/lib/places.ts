/**
 * Production areas and markets for the map pages: a list every visitor gets in the HTML, and map
 * points the Leaflet script reads (progressive enhancement).
 */
import { MARKET_KINDS, type MarketKindCode } from '@sgd/config';
import { formatDecimal } from './format';
import type { Market, ProductionAreaEntry } from './schemas';
import { sellerHref, telHref } from './adapters';

export const AREAS_PATH = '/vung-san-xuat';
export const MARKETS_PATH = '/cho-va-diem-ban';
/** Tiles the map draws; another tile server (or a local mirror) through MAP_TILE_URL. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function marketKindLabel(kind: string): string {
  return MARKET_KINDS.find((entry) => entry.code === kind)?.name ?? kind;
}

/** Kinds of markets in the URL (`?loai=cho`), in the order the page lists them. */
export const MARKET_KIND_PARAMS: readonly { kind: MarketKindCode; param: string; label: string }[] = (
  [
    ['traditional_market', 'cho'],
    ['supermarket', 'sieu-thi'],
    ['shopping_mall', 'trung-tam-thuong-mai'],
    ['convenience_store', 'cua-hang-tien-ich'],
  ] as const
).map(([kind, param]) => ({ kind, param, label: marketKindLabel(kind) }));

export interface MapPoint {
  /** The id of the place's entry in the list, so a marker's popup can link to it. */
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** One line under the name in the popup. */
  detail: string | null;
  /** Index of the group (kind) the point belongs to, for its colour. */
  group: number;
}

export interface Fact {
  term: string;
  value: string;
  href?: string;
}

export interface PlaceView {
  id: string;
  name: string;
  facts: Fact[];
  description: string | null;
  osmHref: string | null;
  point: MapPoint | null;
}

function coordinate(value: string | number | null | undefined, limit: number): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && Math.abs(parsed) <= limit ? parsed : null;
}

function located(
  id: string,
  name: string,
  lat: number | null,
  lon: number | null,
  detail: string | null,
  group = 0,
) {
  if (lat === null || lon === null) return { osmHref: null, point: null };
  return {
    osmHref: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`,
    point: { id, name, lat, lon, detail, group },
  };
}

const facts = (rows: (Fact | null)[]): Fact[] =>
  rows.filter((row): row is Fact => row !== null && row.value !== '');
const fact = (term: string, value: string | null | undefined, href?: string): Fact | null =>
  value ? { term, value, ...(href ? { href } : {}) } : null;

export function toAreaPlace(area: ProductionAreaEntry): PlaceView {
  const id = `vung-${area.slug ?? area.documentId}`;
  const areaHa = formatDecimal(area.areaHa);
  return {
    id,
    name: area.name,
    facts: facts([
      fact('Mã số vùng trồng', area.code),
      fact('Cây trồng, vật nuôi', area.crops),
      fact('Mùa vụ', area.seasons),
      fact('Diện tích', areaHa ? `${areaHa} ha` : null),
      fact('Xã, phường', area.commune?.name),
      fact('Cơ sở sản xuất', area.seller?.name, area.seller ? sellerHref(area.seller.slug) : undefined),
    ]),
    description: area.description ?? null,
    ...located(
      id,
      area.name,
      coordinate(area.latitude, 90),
      coordinate(area.longitude, 180),
      area.crops ?? null,
    ),
  };
}

export function toMarketPlace(market: Market): PlaceView {
  const id = `diem-${market.slug}`;
  const index = MARKET_KIND_PARAMS.findIndex((entry) => entry.kind === market.kind);
  const group = index === -1 ? MARKET_KIND_PARAMS.length : index;
  return {
    id,
    name: market.name,
    facts: facts([
      fact('Loại', marketKindLabel(market.kind)),
      fact('Địa chỉ', market.address),
      fact('Xã, phường', market.commune?.name),
      fact('Giờ mở cửa', market.openingHours),
      fact('Đơn vị quản lý', market.operator),
      fact('Điện thoại', market.phone, market.phone ? telHref(market.phone) : undefined),
    ]),
    description: market.description ?? null,
    ...located(
      id,
      market.name,
      coordinate(market.latitude, 90),
      coordinate(market.longitude, 180),
      market.address ?? marketKindLabel(market.kind),
      group,
    ),
  };
}

export function parseMarketKind(params: URLSearchParams): MarketKindCode | null {
  return MARKET_KIND_PARAMS.find((entry) => entry.param === params.get('loai'))?.kind ?? null;
}

export function marketsHref(kind: MarketKindCode | null): string {
  const param = MARKET_KIND_PARAMS.find((entry) => entry.kind === kind)?.param;
  return param ? `${MARKETS_PATH}?loai=${param}` : MARKETS_PATH;
}

/**
 * Places grouped by kind, in the page's order; kinds with no place are left out. A kind the site
 * does not know yet (added to the CMS first) is listed under "Khác" rather than dropped.
 */
export function groupByKind(markets: Market[]): { id: string; label: string; places: PlaceView[] }[] {
  const known = new Set<string>(MARKET_KIND_PARAMS.map((entry) => entry.kind));
  return [
    ...MARKET_KIND_PARAMS.map((entry) => ({
      id: `nhom-${entry.param}`,
      label: entry.label,
      places: markets.filter((market) => market.kind === entry.kind).map(toMarketPlace),
    })),
    {
      id: 'nhom-khac',
      label: 'Khác',
      places: markets.filter((market) => !known.has(market.kind)).map(toMarketPlace),
    },
  ].filter((group) => group.places.length > 0);
}

export function mapPoints(places: PlaceView[]): MapPoint[] {
  return places.flatMap((place) => (place.point ? [place.point] : []));
}
