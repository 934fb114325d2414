import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicCounts } from './count-cache';

type Data = Record<string, unknown>;
export type PublicQuery = Record<string, unknown>;
type Query = PublicQuery;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 24;

export const PUBLIC_MESSAGES = {
  populateRefused: 'Không hỗ trợ tham số populate: dữ liệu liên quan của mỗi endpoint đã được cố định.',
  statusRefused: 'Chỉ xem được nội dung đã được phê duyệt và công bố.',
  badPage: 'Tham số phân trang không hợp lệ: page và pageSize phải là số nguyên dương.',
  notFound: 'Không tìm thấy nội dung yêu cầu, hoặc nội dung chưa được công bố.',
  badQuery: (detail: string) => `Tham số truy vấn không hợp lệ: ${detail}`,
} as const;

/** How one content type is exposed to the public. */
export interface PublicEndpoint {
  uid: UID.ContentType;
  /** Conditions every public read adds: approved, verified, not expired… */
  visible: Data | (() => Data);
  /** The endpoint's fixed populate tree (clients cannot send their own). */
  populate: Data;
  /** Field matched by `/:id` besides the documentId (usually the slug). */
  lookup?: string;
  defaultSort?: string[];
  /** Reshapes a sanitized item (derived fields such as licence validity). */
  present?: (clean: Data) => Data;
  /**
   * Adds, in one batch, what the fixed populate cannot carry because it is
   * private by default (a seller's contact, published only by choice).
   */
  attach?: (strapi: Core.Strapi, items: Data[]) => Promise<void>;
}

export interface Page {
  page: number;
  pageSize: number;
}

export function parsePage(query: Query): Page {
  const raw = (query.pagination ?? {}) as Record<string, unknown>;
  const page = raw.page === undefined ? 1 : Number(raw.page);
  const size = raw.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(raw.pageSize);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) {
    throw new errors.ValidationError(PUBLIC_MESSAGES.badPage);
  }
  return { page, pageSize: Math.min(size, MAX_PAGE_SIZE) };
}

export function paginationMeta(page: Page, total: number) {
  return {
    pagination: {
      page: page.page,
      pageSize: page.pageSize,
      pageCount: Math.ceil(total / page.pageSize),
      total,
    },
  };
}

/** Strapi says "Invalid key citizenId at seller.citizenId": say it in Vietnamese. */
function describeInvalidKey(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^Invalid key (\S+)(?: at (\S+))?/.exec(message);
  if (!match) return message;
  return `trường "${match[2] ?? match[1]}" không tồn tại hoặc không được phép truy vấn.`;
}

const ALLOWED_KEYS = new Set(['filters', 'sort', 'fields', 'pagination', 'status']);

/** Filters deeper or larger than any page of the site builds are refused (cost and abuse). */
export const MAX_FILTER_DEPTH = 8;
export const MAX_FILTER_CONDITIONS = 100;
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$not']);

/**
 * The shape of `filters`: a comparison operator takes one plain value (a list for `$in`, `$notIn`,
 * `$between`), never an object, which the database driver cannot bind (`filters[name][$eq][$ne]=1`
 * would otherwise reach SQL and fail there); nesting and size are bounded.
 */
export function checkFilterShape(filters: unknown): void {
  let conditions = 0;
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object') return;
    if (depth > MAX_FILTER_DEPTH)
      throw new errors.ValidationError(PUBLIC_MESSAGES.badQuery('bộ lọc lồng quá sâu.'));
    for (const [key, inner] of Object.entries(value)) {
      conditions += 1;
      if (conditions > MAX_FILTER_CONDITIONS) {
        throw new errors.ValidationError(
          PUBLIC_MESSAGES.badQuery(`tối đa ${MAX_FILTER_CONDITIONS} điều kiện lọc.`),
        );
      }
      if (key.startsWith('$') && !LOGICAL_OPERATORS.has(key)) {
        const values =
          LIST_OPERATORS.has(key) && inner !== null && typeof inner === 'object'
            ? Object.values(inner)
            : [inner];
        if (values.some((v) => v !== null && typeof v === 'object')) {
          throw new errors.ValidationError(
            PUBLIC_MESSAGES.badQuery(`giá trị của ${key} phải là một giá trị đơn.`),
          );
        }
        continue;
      }
      visit(inner, depth + 1);
    }
  };
  visit(filters, 0);
}

/**
 * Names every plain object inherits (`constructor`, `__proto__`, `toString`…). No attribute has one;
 * looked up in a schema's attributes (a plain object) they find the inherited function, and Strapi's
 * query validation let them through to SQL as columns (a 500).
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a name is one every plain object inherits (`constructor`, `__proto__`, `toString`…). */
export const isInheritedName = (name: string): boolean => INHERITED_NAMES.has(name);

const unknownField = (name: string) =>
  new errors.ValidationError(
    PUBLIC_MESSAGES.badQuery(`trường "${name}" không tồn tại hoặc không được phép truy vấn.`),
  );

/** The field names of a `fields` value: `a,b`, `['a', 'b']`, or qs's `{ 0: 'a' }` for long lists. */
function fieldNames(fields: unknown): unknown[] {
  if (typeof fields === 'string') return fields.split(',').map((name) => name.trim());
  if (Array.isArray(fields)) return fields;
  if (fields !== null && typeof fields === 'object') return Object.values(fields);
  return fields === undefined ? [] : [fields];
}

/** The attribute paths of a `sort` value: `a:asc,b.c:desc`, a list of those, or `{ a: 'asc' }`. */
function sortPaths(sort: unknown): string[] {
  if (typeof sort === 'string') return sort.split(',').map((part) => part.split(':')[0].trim());
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (sort !== null && typeof sort === 'object') return Object.keys(sort);
  return [];
}

/**
 * `fields` and `sort` anywhere in a query (populate included) name no inherited property of plain
 * objects: a 400 in Vietnamese for every route, Strapi's own and those added later, before any
 * of them looks the name up in a schema.
 */
export function checkFieldNames(query: unknown, depth = 0): void {
  if (query === null || typeof query !== 'object' || depth > MAX_FILTER_DEPTH * 2) return;
  for (const [key, value] of Object.entries(query)) {
    const names =
      key === 'fields'
        ? fieldNames(value)
        : key === 'sort'
          ? sortPaths(value).flatMap((path) => path.split('.'))
          : [];
    const inherited = names.find((name) => typeof name === 'string' && INHERITED_NAMES.has(name));
    if (inherited !== undefined) throw unknownField(String(inherited));
    checkFieldNames(value, depth + 1);
  }
}

/**
 * `fields` of a public read: names of the schema's own public scalar attributes only (not private,
 * not a relation, media or component, which the fixed populate serves), checked by `Object.hasOwn`.
 */
export function checkPublicFields(schema: { attributes: Record<string, unknown> }, fields: unknown): void {
  for (const name of fieldNames(fields)) {
    if (typeof name !== 'string' || !Object.hasOwn(schema.attributes, name)) throw unknownField(String(name));
    const attribute = schema.attributes[name] as { type?: string; private?: boolean };
    if (
      attribute.private ||
      ['relation', 'media', 'component', 'dynamiczone', 'password'].includes(String(attribute.type))
    )
      throw unknownField(name);
  }
}

/** Strapi's own query validation (private fields, unknown keys), in Vietnamese. */
async function checkQuery(strapi: Core.Strapi, uid: UID.ContentType, query: Query): Promise<Query> {
  if (query.populate !== undefined) throw new errors.ValidationError(PUBLIC_MESSAGES.populateRefused);
  if (query.status !== undefined && query.status !== 'published') {
    throw new errors.ValidationError(PUBLIC_MESSAGES.statusRefused);
  }
  const unknown = Object.keys(query).filter((key) => !ALLOWED_KEYS.has(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(PUBLIC_MESSAGES.badQuery(`không hỗ trợ tham số ${unknown.join(', ')}`));
  }
  const schema = strapi.getModel(uid);
  const { filters, sort, fields } = query;
  checkFilterShape(filters);
  checkFieldNames({ sort, fields });
  checkPublicFields(schema, fields);
  const checked = { filters, sort, fields };
  try {
    await strapi.contentAPI.validate.query(checked, schema, {});
  } catch (error) {
    throw new errors.ValidationError(PUBLIC_MESSAGES.badQuery(describeInvalidKey(error)));
  }
  return (await strapi.contentAPI.sanitize.query(checked, schema, {})) as Query;
}

/** Sanitizes (private fields removed, recursively), then presents and completes items. */
export async function presentPublic(
  strapi: Core.Strapi,
  endpoint: PublicEndpoint,
  items: unknown,
): Promise<unknown> {
  const clean = (await strapi.contentAPI.sanitize.output(
    items as Data,
    strapi.getModel(endpoint.uid),
    {},
  )) as Data | Data[];
  const list = (Array.isArray(clean) ? clean : [clean]).map((item) => endpoint.present?.(item) ?? item);
  await endpoint.attach?.(strapi, list);
  return Array.isArray(clean) ? list : list[0];
}

export function visibleOf(endpoint: PublicEndpoint): Data {
  return typeof endpoint.visible === 'function' ? endpoint.visible() : endpoint.visible;
}

function hasDraftAndPublish(strapi: Core.Strapi, uid: UID.ContentType): boolean {
  return strapi.getModel(uid).options?.draftAndPublish === true;
}

export function publicParams(strapi: Core.Strapi, endpoint: PublicEndpoint) {
  return hasDraftAndPublish(strapi, endpoint.uid) ? { status: 'published' as const } : {};
}

/**
 * The ids of one page, in order, through the Query Engine: the Document Service would select every
 * column under `SELECT DISTINCT` (the joins of the visibility rule make Strapi deduplicate), which
 * PostgreSQL can only do by reading and sorting the whole list; on the id and the sort columns alone
 * an index (`cat_products_public_name`…) serves the page in order and stops after it.
 */
async function pageIds(
  strapi: Core.Strapi,
  endpoint: PublicEndpoint,
  filters: Data,
  sort: unknown,
  page: Page,
): Promise<number[]> {
  const transform = (
    strapi.get('query-params') as {
      transform(uid: string, params: Data): { where?: Data; orderBy?: unknown };
    }
  ).transform;
  const { where = {}, orderBy } = transform(endpoint.uid, { filters, sort });
  const published = hasDraftAndPublish(strapi, endpoint.uid)
    ? { $and: [where, { publishedAt: { $notNull: true } }] }
    : where;
  const rows = (await strapi.db.query(endpoint.uid).findMany({
    where: published,
    orderBy,
    select: ['id'],
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  } as never)) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/**
 * Reads one page of public items of an endpoint, with extra conditions: the page's ids first, then
 * those items with their fixed populate; the total comes from the short-lived count cache.
 */
export async function findPublic(
  strapi: Core.Strapi,
  endpoint: PublicEndpoint,
  query: Query,
): Promise<{ data: unknown; meta: ReturnType<typeof paginationMeta> }> {
  const page = parsePage(query);
  const checked = await checkQuery(strapi, endpoint.uid, query);
  const visible = visibleOf(endpoint);
  const filters = checked.filters ? { $and: [checked.filters, visible] } : visible;
  const documents = strapi.documents(endpoint.uid);
  const base = { filters, ...publicParams(strapi, endpoint) };
  const [ids, total] = await Promise.all([
    pageIds(strapi, endpoint, filters, checked.sort ?? endpoint.defaultSort, page),
    publicCounts.get(JSON.stringify([endpoint.uid, base]), () => documents.count(base as never)),
  ]);
  const items = await findInOrder(strapi, endpoint, ids, checked.fields);
  return { data: await presentPublic(strapi, endpoint, items), meta: paginationMeta(page, total) };
}

const addedPopulate = new Map<string, Data>();

/**
 * A plugin above adds a branch to the fixed populate of a lower plugin's endpoint: a relation it
 * added to that content type (the products a licence covers, added by the catalog).
 */
export function extendPublicPopulate(uid: UID.ContentType, branch: Data): void {
  addedPopulate.set(uid, { ...addedPopulate.get(uid), ...branch });
}

/** An endpoint's fixed populate with the branches plugins above added to it. */
export const populateOf = (endpoint: PublicEndpoint): Data => ({
  ...endpoint.populate,
  ...addedPopulate.get(endpoint.uid),
});

/** The public items with these ids (a page found by SQL), with the endpoint's populate, in that order. */
export async function findInOrder(
  strapi: Core.Strapi,
  endpoint: PublicEndpoint,
  ids: number[],
  fields?: unknown,
): Promise<Data[]> {
  if (ids.length === 0) return [];
  const found = (await strapi.documents(endpoint.uid).findMany({
    filters: { id: { $in: ids } },
    ...publicParams(strapi, endpoint),
    fields: fields as never,
    populate: populateOf(endpoint) as never,
  } as never)) as unknown as Data[];
  const byId = new Map(found.map((item) => [Number(item.id), item]));
  return ids.map((id) => byId.get(id)).filter((item) => item !== undefined);
}

export async function findOnePublic(
  strapi: Core.Strapi,
  endpoint: PublicEndpoint,
  id: string,
  query: Query,
): Promise<{ data: unknown; meta: Record<string, never> }> {
  await checkQuery(strapi, endpoint.uid, { ...query, filters: undefined, sort: undefined });
  const match = endpoint.lookup
    ? { $or: [{ documentId: id }, { [endpoint.lookup]: id }] }
    : { documentId: id };
  const item = await strapi.documents(endpoint.uid).findFirst({
    filters: { $and: [match, visibleOf(endpoint)] },
    populate: populateOf(endpoint),
    ...publicParams(strapi, endpoint),
  } as never);
  if (!item) throw new errors.NotFoundError(PUBLIC_MESSAGES.notFound);
  return { data: await presentPublic(strapi, endpoint, item), meta: {} };
}

/**
 * A faster way to answer a public endpoint's reads (a read model kept by a plugin above): the answer
 * as JSON text, or `undefined` for a request it does not serve (unusual filters, `fields`), which the
 * generic path (Document Service, sanitizing) then answers, validation and errors included. A reader
 * throws `errors.NotFoundError` for an unknown item, `errors.ValidationError` for bad paging.
 */
export interface PublicReader {
  find(query: Query): Promise<string | undefined>;
  findOne(id: string, query: Query): Promise<string | undefined>;
}

const readers = new Map<string, PublicReader>();

/** Lets a plugin answer a content type's public reads from its own read model (see `PublicReader`). */
export function registerPublicReader(uid: UID.ContentType, reader: PublicReader): void {
  readers.set(uid, reader);
}

export interface JsonCtx {
  body: unknown;
  type: string;
}

function sendJson(ctx: JsonCtx, json: string): void {
  ctx.type = 'application/json';
  ctx.body = json;
}

/** A controller with `find` and `findOne` for one public endpoint. */
export function createPublicController(endpoint: PublicEndpoint) {
  return ({ strapi }: { strapi: Core.Strapi }) => ({
    async find(ctx: JsonCtx & { query: Query }) {
      const fast = await readers.get(endpoint.uid)?.find(ctx.query);
      if (fast !== undefined) return sendJson(ctx, fast);
      ctx.body = await findPublic(strapi, endpoint, ctx.query);
    },
    async findOne(ctx: JsonCtx & { query: Query; params: { id: string } }) {
      const fast = await readers.get(endpoint.uid)?.findOne(ctx.params.id, ctx.query);
      if (fast !== undefined) return sendJson(ctx, fast);
      ctx.body = await findOnePublic(strapi, endpoint, ctx.params.id, ctx.query);
    },
  });
}

/** The two content-API routes of a public endpoint. */
export function publicRoutes(path: string, controller: string) {
  const config = { auth: false as const, policies: [], middlewares: [] };
  return [
    { method: 'GET', path: `/${path}`, handler: `${controller}.find`, config },
    { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne`, config },
  ];
}
