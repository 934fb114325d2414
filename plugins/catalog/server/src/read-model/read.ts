import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import {
  paginationMeta,
  parsePage,
  PUBLIC_MESSAGES,
  type Page,
  type PublicQuery,
  type PublicReader,
} from '@sgd/plugin-core';
import { todayInVietnam, validityOf } from '@sgd/plugin-sellers';
import type { Alternative, Slot } from './spelling';
import { TABLES as T, type Dialect } from './tables';

type Row = Record<string, unknown>;

/** A product as a list's card shows it (`card`), or whole, with its category and department. */
export type ProductView = 'full' | 'card';

/**
 * The columns a page of products reads: its answer in parts, the category, department and seller
 * read by subqueries of the selected columns, which PostgreSQL runs for the page's rows only (after
 * its order and limit), where joins were planned (three more tables: ~0.7 ms a statement) and run for
 * every item found before the sort. A card: the product's `card` and its seller's `label`.
 */
export function selectProducts(qb: Knex.QueryBuilder, view: ProductView = 'full'): Knex.QueryBuilder {
  const one = (table: string, column: string, key: string, as: string) =>
    qb.client.raw(`(SELECT x.${column} FROM ${table} x WHERE x.document_id = p.${key}) AS ${as}`);
  if (view === 'card')
    return qb.select('p.card as body', 'p.fresh_until', one(T.sellers, 'label', 'seller_id', 'seller'));
  return qb.select(
    'p.body',
    'p.fresh_until',
    one(T.categories, 'body', 'category_id', 'category'),
    one(T.departments, 'body', 'department_id', 'department'),
    one(T.sellers, 'card', 'seller_id', 'seller'),
  );
}

/** Licence validities move with the date: an item built before such a day is shown as of today. */
function current(body: string, freshUntil: unknown, today: string): string {
  if (typeof freshUntil !== 'string' || freshUntil >= today) return body;
  const item = JSON.parse(body) as { licences?: { validity: string; expiresOn: string | null }[] };
  item.licences = item.licences?.map((licence) =>
    licence.validity === 'expired' ? licence : { ...licence, validity: validityOf(licence.expiresOn, today) },
  );
  return JSON.stringify(item);
}

/**
 * A product's answer (`selectProducts`): its own fields, with its category, department and seller card
 * added; a card, with its seller's label.
 */
export function productJson(row: Row, today = todayInVietnam(), view: ProductView = 'full'): string {
  const body = current(String(row.body), row.fresh_until, today);
  const parts =
    view === 'card'
      ? `"seller":${row.seller ?? 'null'}`
      : `"category":${row.category ?? 'null'},"department":${row.department ?? 'null'},"seller":${row.seller ?? 'null'}`;
  return `${body.slice(0, -1)},${parts}}`;
}

export function sellerJson(row: Row, column: 'body' | 'summary', today = todayInVietnam()): string {
  return current(String(row[column]), row.fresh_until, today);
}

/** The JSON text of a list answer. */
export function listJson(items: string[], page: Page, total: number, meta: Row = {}): string {
  const { pagination } = paginationMeta(page, total);
  return `{"data":[${items.join(',')}],"meta":${JSON.stringify({ pagination, ...meta })}}`;
}

/** Parts of a full-text query joined by `op`, in parentheses when more than one. */
export const joinedQuery = (parts: string[], op: string): string =>
  parts.length === 1 ? parts[0] : `(${parts.join(op)})`;

/**
 * Full-text conditions over the read model's words, from a search plan: PostgreSQL's `tsquery`
 * against the GIN-indexed `tsvector` columns, SQLite's FTS5 query against its table. The two say
 * the same thing (words typed match word beginnings, added words whole words), over the same words.
 */
export function textCondition(
  dialect: Dialect,
  slots: Slot[],
  scope: 'name' | 'text',
  alias: string,
  ftsTable: string,
): { sql: string; bindings: string[] } {
  const group = joinedQuery;
  if (dialect === 'postgres') {
    const alt = (a: Alternative) =>
      group(
        a.map((w) => `${w.word}${w.prefix ? ':*' : ''}`),
        ' & ',
      );
    const query = slots.map((slot) => group(slot.alternatives.map(alt), ' | ')).join(' & ');
    return { sql: `${alias}.${scope}_tsv @@ to_tsquery('simple', ?)`, bindings: [query] };
  }
  const alt = (a: Alternative) =>
    group(
      a.map((w) => `${w.word}${w.prefix ? '*' : ''}`),
      ' AND ',
    );
  const query = slots.map((slot) => group(slot.alternatives.map(alt), ' OR ')).join(' AND ');
  const column = scope === 'name' ? 'name_words' : 'words';
  return {
    sql: `${alias}.id IN (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH ?)`,
    bindings: [`{${column}} : (${query})`],
  };
}

/** Sort keys a public list takes (`sort=name:asc`), and the read model's columns for each. */
const SORTS: Record<string, string[]> = {
  name: ['name_key', 'slug'],
  id: ['id'],
  publishedAt: ['published_at', 'id'],
  updatedAt: ['updated_at', 'id'],
};

type Filter = { column: string; value: string; via?: 'seller' | 'category' };

/** Equality on one field (`filters[slug][$eq]=…` or `filters[slug]=…`), or nothing. */
function equality(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === '$eq' && typeof entries[0][1] === 'string')
      return entries[0][1];
  }
  return null;
}

/**
 * The filters a read model list serves (the site's and the usual clients'): by slug or documentId, of
 * the item, of a product's seller or category. Anything else is left to the generic path.
 */
function readFilters(filters: unknown, relations: ('seller' | 'category')[]): Filter[] | null {
  if (filters === undefined || filters === '') return [];
  if (!filters || typeof filters !== 'object' || Array.isArray(filters)) return null;
  const found: Filter[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'slug' || key === 'documentId') {
      const v = equality(value);
      if (v === null) return null;
      found.push({ column: key === 'slug' ? 'slug' : 'document_id', value: v });
    } else if ((relations as string[]).includes(key) && value && typeof value === 'object') {
      const inner = Object.entries(value);
      if (inner.length !== 1 || !['slug', 'documentId'].includes(inner[0][0])) return null;
      const v = equality(inner[0][1]);
      if (v === null) return null;
      found.push({
        column: inner[0][0] === 'slug' ? 'slug' : 'document_id',
        value: v,
        via: key as 'seller' | 'category',
      });
    } else {
      return null;
    }
  }
  return found;
}

function readSort(sort: unknown): string[][] | null {
  const list =
    sort === undefined ? [] : Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : null;
  if (!list || list.some((s) => typeof s !== 'string')) return null;
  const order: string[][] = [];
  for (const entry of list as string[]) {
    const [field, direction = 'asc'] = entry.trim().split(':');
    const columns = SORTS[field];
    const dir = direction.toLowerCase();
    if (!columns || (dir !== 'asc' && dir !== 'desc')) return null;
    order.push(...columns.map((column) => [column, dir]));
  }
  return order;
}

const ONLY = (query: PublicQuery, keys: string[]) => Object.keys(query).every((key) => keys.includes(key));
const publishedOnly = (query: PublicQuery) => query.status === undefined || query.status === 'published';

export interface ListRequest {
  filters: Filter[];
  order: string[][];
  page: Page;
}

/** A list request the read model serves, or null (left to the generic path, errors included). */
export function readListRequest(
  query: PublicQuery,
  relations: ('seller' | 'category')[],
  defaultOrder: string[][],
): ListRequest | null {
  if (!ONLY(query, ['filters', 'sort', 'pagination', 'status']) || !publishedOnly(query)) return null;
  const pagination = (query.pagination ?? {}) as Row;
  if (typeof pagination !== 'object' || !ONLY(pagination, ['page', 'pageSize'])) return null;
  const filters = readFilters(query.filters, relations);
  const order = readSort(query.sort);
  if (!filters || !order) return null;
  return { filters, order: order.length ? order : defaultOrder, page: parsePage(query) };
}

/** A single item request the read model serves (no `fields`, no `populate`), or null. */
export const readsOne = (query: PublicQuery) => ONLY(query, ['status']) && publishedOnly(query);

export interface ListSource {
  table: string;
  alias: string;
  /** Conditions every row must meet (products: listed). */
  base: (qb: Knex.QueryBuilder) => void;
  select: (qb: Knex.QueryBuilder) => Knex.QueryBuilder;
  json: (row: Row) => string;
}

/** Conditions of a list request on its source, filters through the seller and category included. */
function applyFilters(qb: Knex.QueryBuilder, alias: string, filters: Filter[]) {
  for (const filter of filters) {
    if (!filter.via) qb.where(`${alias}.${filter.column}`, filter.value);
    else {
      const [table, column] =
        filter.via === 'seller' ? [T.sellers, 'seller_id'] : [T.categories, 'category_id'];
      qb.whereIn(`${alias}.${column}`, (sub) =>
        sub.from(table).select('document_id').where(filter.column, filter.value),
      );
    }
  }
}

/**
 * One page of a list (the page's rows, with their parts joined, in one statement) and its total (one
 * count, which the indexes serve); both through the read model, never the live tables.
 */
export async function readList(knex: Knex, source: ListSource, request: ListRequest): Promise<string> {
  const { alias, table } = source;
  const where = (qb: Knex.QueryBuilder) => {
    source.base(qb);
    applyFilters(qb, alias, request.filters);
    return qb;
  };
  const pageQuery = where(source.select(knex(`${table} as ${alias}`)));
  for (const [column, direction] of request.order) pageQuery.orderBy(`${alias}.${column}`, direction);
  pageQuery.limit(request.page.pageSize).offset((request.page.page - 1) * request.page.pageSize);
  const [rows, counted] = await Promise.all([
    pageQuery as Promise<Row[]>,
    where(knex(`${table} as ${alias}`))
      .count({ total: '*' })
      .first() as Promise<{ total: number | string }>,
  ]);
  return listJson(
    rows.map((row) => source.json(row)),
    request.page,
    Number(counted?.total ?? 0),
  );
}

/** One item by documentId or slug, or 404. */
export async function readOne(knex: Knex, source: ListSource, id: string): Promise<string> {
  const { alias, table } = source;
  const qb = source.select(knex(`${table} as ${alias}`));
  source.base(qb);
  const row = (await qb
    .where((w) => w.where(`${alias}.document_id`, id).orWhere(`${alias}.slug`, id))
    .orderBy(`${alias}.document_id`)
    .first()) as Row | undefined;
  if (!row) throw new errors.NotFoundError(PUBLIC_MESSAGES.notFound);
  return `{"data":${source.json(row)},"meta":{}}`;
}

/** A public reader answering from the read model, through the answer cache. */
export function createReader(options: {
  knex: () => Knex;
  source: ListSource;
  name: string;
  relations: ('seller' | 'category')[];
  defaultOrder: string[][];
  cached: (key: string, compute: () => Promise<string>) => Promise<string>;
}): PublicReader {
  return {
    async find(query) {
      const request = readListRequest(query, options.relations, options.defaultOrder);
      if (!request) return undefined;
      return options.cached(JSON.stringify([options.name, 'list', request]), () =>
        readList(options.knex(), options.source, request),
      );
    },
    async findOne(id, query) {
      if (!readsOne(query)) return undefined;
      return options.cached(JSON.stringify([options.name, 'one', id]), () =>
        readOne(options.knex(), options.source, id),
      );
    },
  };
}
