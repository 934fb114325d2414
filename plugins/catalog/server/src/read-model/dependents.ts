import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CORE_UID } from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';
import { UID } from '../constants';

/** Documents whose public rows must be built again, by kind. */
export interface Dirty {
  products: Set<string>;
  sellers: Set<string>;
  categories: Set<string>;
  departments: Set<string>;
}

export const emptyDirty = (): Dirty => ({
  products: new Set(),
  sellers: new Set(),
  categories: new Set(),
  departments: new Set(),
});

export function mergeDirty(into: Dirty, from: Dirty): Dirty {
  for (const kind of Object.keys(into) as (keyof Dirty)[]) for (const id of from[kind]) into[kind].add(id);
  return into;
}

export const isClean = (dirty: Dirty) => Object.values(dirty).every((set) => set.size === 0);

const FILE_UID = 'plugin::upload.file';

/**
 * The content types whose writes can change what the public sees of a product or a seller (ratings
 * are told through the core's ratings registry).
 */
export const WATCHED_MODELS = [
  UID.product,
  SELLERS_UID.seller,
  SELLERS_UID.licence,
  SELLERS_UID.productionArea,
  UID.category,
  CORE_UID.administrativeUnit,
  CORE_UID.department,
  FILE_UID,
] as const;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Which public documents depend on some rows of a watched model, read from the link tables as they
 * are now: called before an update or a delete (the links about to change) and once the write is
 * done (the links it made). Only published rows of products and sellers count.
 */
export function createDependents(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid as StrapiUID.Schema);
  const table = (uid: string) => meta(uid).tableName;
  const column = (uid: string, attribute: string) =>
    (meta(uid).attributes[attribute] as { columnName?: string } | undefined)?.columnName ??
    attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const link = (uid: string, attribute: string) =>
    (meta(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;

  /** Published documents of `owner` whose relation `attribute` points at these target rows. */
  async function owners(trx: Knex, owner: string, attribute: string, targetIds: number[]): Promise<string[]> {
    const via = link(owner, attribute);
    const rows = (await trx(`${via.name} as j`)
      .join(`${table(owner)} as o`, 'o.id', `j.${via.joinColumn.name}`)
      .whereIn(`j.${via.inverseJoinColumn.name}`, targetIds)
      .whereNotNull(`o.${column(owner, 'publishedAt')}`)
      .distinct(`o.${column(owner, 'documentId')} as document_id`)) as { document_id: string }[];
    return rows.map((row) => row.document_id);
  }

  /** Documents that these rows of `owner` point at through `attribute` (published targets only). */
  async function targets(trx: Knex, owner: string, attribute: string, ownerIds: number[], target: string) {
    const via = link(owner, attribute);
    const rows = (await trx(`${via.name} as j`)
      .join(`${table(target)} as t`, 't.id', `j.${via.inverseJoinColumn.name}`)
      .whereIn(`j.${via.joinColumn.name}`, ownerIds)
      .whereNotNull(`t.${column(target, 'publishedAt')}`)
      .distinct(`t.${column(target, 'documentId')} as document_id`)) as { document_id: string }[];
    return rows.map((row) => row.document_id);
  }

  async function documentsOf(
    trx: Knex,
    uid: string,
    ids: number[],
    publishedOnly: boolean,
  ): Promise<string[]> {
    const qb = trx(table(uid)).whereIn('id', ids);
    if (publishedOnly) qb.whereNotNull(column(uid, 'publishedAt'));
    return (
      (await qb.distinct(`${column(uid, 'documentId')} as document_id`)) as { document_id: string }[]
    ).map((row) => row.document_id);
  }

  /** Products and sellers showing these files (pictures, logos). */
  async function fileUsers(trx: Knex, fileIds: number[], dirty: Dirty) {
    const via = (
      meta(FILE_UID).attributes.related as unknown as {
        joinTable: {
          name: string;
          joinColumn: { name: string };
          morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
        };
      }
    ).joinTable;
    const rows = (await trx(via.name)
      .whereIn(via.joinColumn.name, fileIds)
      .whereIn(via.morphColumn.typeColumn.name, [UID.product, SELLERS_UID.seller])
      .select(`${via.morphColumn.typeColumn.name} as type`, `${via.morphColumn.idColumn.name} as id`)) as {
      type: string;
      id: number;
    }[];
    const ids = (type: string) => rows.filter((row) => row.type === type).map((row) => Number(row.id));
    for (const id of await documentsOf(trx, UID.product, ids(UID.product), true)) dirty.products.add(id);
    for (const id of await documentsOf(trx, SELLERS_UID.seller, ids(SELLERS_UID.seller), true))
      dirty.sellers.add(id);
  }

  const add = (set: Set<string>, ids: string[]) => ids.forEach((id) => set.add(id));

  return {
    /** What depends on these rows of `uid`, as the database holds them now. */
    async of(trx: Knex, uid: string, ids: number[]): Promise<Dirty> {
      const dirty = emptyDirty();
      if (ids.length === 0) return dirty;
      switch (uid) {
        case UID.product:
          add(dirty.products, await documentsOf(trx, uid, ids, true));
          break;
        case SELLERS_UID.seller:
          add(dirty.sellers, await documentsOf(trx, uid, ids, true));
          break;
        case SELLERS_UID.licence:
          add(dirty.products, await owners(trx, UID.product, 'licences', ids));
          add(dirty.sellers, await targets(trx, uid, 'seller', ids, SELLERS_UID.seller));
          break;
        case SELLERS_UID.productionArea:
          add(dirty.products, await owners(trx, UID.product, 'productionArea', ids));
          add(dirty.sellers, await targets(trx, uid, 'seller', ids, SELLERS_UID.seller));
          break;
        case UID.category:
          add(dirty.categories, await documentsOf(trx, uid, ids, false));
          break;
        case CORE_UID.department:
          add(dirty.departments, await documentsOf(trx, uid, ids, false));
          add(dirty.sellers, await owners(trx, SELLERS_UID.seller, 'department', ids));
          break;
        case CORE_UID.administrativeUnit:
          add(dirty.sellers, await owners(trx, SELLERS_UID.seller, 'commune', ids));
          break;
        case FILE_UID:
          await fileUsers(trx, ids, dirty);
          break;
        default:
          break;
      }
      return dirty;
    },
  };
}

export type Dependents = ReturnType<typeof createDependents>;
