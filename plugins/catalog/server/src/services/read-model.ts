import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { coreService, createAnswerCache, type AnswerCache } from '@sgd/plugin-core';
import { SELLERS_UID, todayInVietnam } from '@sgd/plugin-sellers';
import { UID } from '../constants';
import { createBuilder } from '../read-model/build';
import {
  createDependents,
  emptyDirty,
  isClean,
  mergeDirty,
  WATCHED_MODELS,
  type Dirty,
} from '../read-model/dependents';
import { TABLES as T, type Dialect } from '../read-model/tables';
import { createWriter, TermCounts } from '../read-model/writer';

/** Documents built per Query Engine call (its populate reads every relation of the batch at once). */
const BATCH = 250;
/** Tables kept by PostgreSQL's triggers only (SQLite has none of them). */
const POSTGRES_ONLY: string[] = [T.namePairs, T.productWords, T.textWords];
/** How often an instance looks whether another one changed the read model (its answers then go). */
export const VERSION_POLL_MS = 1000;
/** Document Service actions that write. */
const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

interface Work {
  dirty: Dirty;
  /** Rows written, by model: what depends on them is looked up once the write is complete. */
  written: Map<string, Set<number>>;
}

const newWork = (): Work => ({ dirty: emptyDirty(), written: new Map() });

interface LifecycleEvent {
  action: string;
  model: { uid: string };
  params: { where?: unknown };
  result?: unknown;
  state: { ids?: number[]; work?: Work };
}

export interface RebuildProgress {
  stage: 'categories' | 'sellers' | 'products' | 'words';
  done: number;
  total: number;
}

const chunked = <V>(values: V[], size = BATCH): V[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

/**
 * The read model of public products and sellers (tables in `read-model/tables.ts`), kept in the
 * same transaction as every write that changes what the public sees:
 * - every write of the Document Service runs in a transaction with a unit of work; the database
 *   lifecycles of the watched models (products, sellers, licences, production areas, categories,
 *   communes, departments, files) note which public documents depend on the rows written,
 *   before an update or delete (the links about to go) and after it; at the end of the operation,
 *   still inside its transaction, those documents are built again (after Strapi has moved the links
 *   of a newly published version, which it does after the lifecycles);
 * - a Query Engine write outside any document operation (jobs, the workflow's status changes) is
 *   followed at once, inside its transaction when it has one; so is a change of ratings the core's
 *   ratings registry tells of.
 * After the transaction commits, this instance's answer cache empties; other instances see the
 * version move within `VERSION_POLL_MS`.
 */
const readModel = ({ strapi }: { strapi: Core.Strapi }) => {
  const unit = new AsyncLocalStorage<Work>();
  const builder = createBuilder(strapi);
  const dependents = createDependents(strapi);
  const answers: AnswerCache = createAnswerCache();
  const listeners: (() => void)[] = [];
  let knownVersion: number | null = null;
  let poll: NodeJS.Timeout | null = null;

  /** The PostgreSQL advisory lock key of writers of the read model (any number no other code uses). */
  const READ_MODEL_LOCK = 7_240_520;
  const dialect = (): Dialect => (strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite');
  const connection = () => strapi.db.connection as unknown as Knex;

  function changed(): void {
    answers.clear();
    for (const listener of listeners) listener();
  }

  async function readVersion(db: Knex): Promise<number> {
    const row = (await db(T.state).where('name', 'version').first('value')) as
      { value: number | string } | undefined;
    return Number(row?.value ?? 0);
  }

  /** Moves the version on; once committed, this instance knows it (its poll will not clear again). */
  async function bumpVersion(trx: Knex, onCommit: (callback: () => void) => void): Promise<void> {
    await trx(T.state).where('name', 'version').increment('value', 1);
    const version = await readVersion(trx);
    onCommit(() => {
      knownVersion = Math.max(knownVersion ?? 0, version);
      changed();
    });
  }

  /** Builds the dirty documents again and writes what changed; true when anything did. */
  async function apply(trx: Knex, dirty: Dirty, today = todayInVietnam()): Promise<boolean> {
    const writer = createWriter(trx, dialect());
    const counts = new TermCounts();
    let any = false;
    for (const ids of chunked([...dirty.departments])) {
      any = (await writer.applyDepartments(ids, await builder.departments(ids))) || any;
    }
    for (const ids of chunked([...dirty.categories])) {
      any = (await writer.applyCategories(ids, await builder.categories(ids))) || any;
    }
    // Sellers first: a product is listed when its seller is.
    for (const ids of chunked([...dirty.sellers])) {
      any = (await writer.applySellers(ids, await builder.sellers(ids, today), counts)) || any;
    }
    for (const ids of chunked([...dirty.products])) {
      any = (await writer.applyProducts(ids, await builder.products(ids, today), counts)) || any;
    }
    await writer.applyTerms(counts);
    return any;
  }

  /** Builds again what a unit of work touched, inside the current transaction (or a new one). */
  async function flush(work: Work): Promise<void> {
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      const db = trx as unknown as Knex;
      for (const [uid, ids] of work.written) mergeDirty(work.dirty, await dependents.of(db, uid, [...ids]));
      work.written.clear();
      if (isClean(work.dirty)) return;
      // One writer of the read model at a time (SQLite has only one): two transactions rebuilding
      // the same seller would each delete its row and insert it again, and the second insert would
      // break the primary key. Taken before anything is read, held until commit.
      if (dialect() === 'postgres') await db.raw('SELECT pg_advisory_xact_lock(?)', [READ_MODEL_LOCK]);
      const dirty = work.dirty;
      work.dirty = emptyDirty();
      if (await apply(db, dirty)) await bumpVersion(db, onCommit);
    });
  }

  function workOf(event: LifecycleEvent): { work: Work; inUnit: boolean } {
    const current = unit.getStore();
    if (current) return { work: current, inUnit: true };
    event.state.work ??= newWork();
    return { work: event.state.work, inUnit: false };
  }

  /** Before an update or delete: what depends on the rows as they are (their links may go). */
  async function before(event: LifecycleEvent): Promise<void> {
    const uid = event.model.uid;
    const rows = (await strapi.db.query(uid as StrapiUID.Schema).findMany({
      where: event.params.where as never,
      select: ['id'],
    })) as { id: number }[];
    const ids = rows.map((row) => Number(row.id));
    event.state.ids = ids;
    if (ids.length === 0) return;
    const { work } = workOf(event);
    await strapi.db.transaction(async ({ trx }) => {
      mergeDirty(work.dirty, await dependents.of(trx as unknown as Knex, uid, ids));
    });
  }

  /** After a write: note the rows written; outside a document operation, follow it at once. */
  async function after(event: LifecycleEvent, ids: number[]): Promise<void> {
    const { work, inUnit } = workOf(event);
    const written = work.written.get(event.model.uid) ?? new Set<number>();
    for (const id of ids) written.add(id);
    work.written.set(event.model.uid, written);
    if (!inUnit) await flush(work);
  }

  const resultId = (event: LifecycleEvent) => {
    const id = (event.result as { id?: number } | null | undefined)?.id;
    return id === undefined ? [] : [Number(id)];
  };

  return {
    /** The answers of public reads: emptied whenever the read model changes. */
    answers,

    /** Calls `listener` after every change of the read model (this instance's or another's). */
    onChange(listener: () => void): void {
      listeners.push(listener);
    },

    /** Whether the read model was ever built (a database that predates it is built at start). */
    async isBuilt(): Promise<boolean> {
      const row = (await connection()(T.state).where('name', 'built').first('value')) as
        { value: number | string } | undefined;
      return Number(row?.value ?? 0) > 0;
    },

    /** Runs a Document Service action; a write and the read model's follow-up in one transaction. */
    async document<R>(action: string, next: () => Promise<R>): Promise<R> {
      if (!WRITE_ACTIONS.has(action) || unit.getStore()) return next();
      const work = newWork();
      return strapi.db.transaction(() =>
        unit.run(work, async () => {
          const result = await next();
          await flush(work);
          return result;
        }),
      );
    },

    /** Database lifecycles of the watched models, and the core's ratings registry. */
    subscribe(): void {
      coreService(strapi, 'ratings').onChange(async (uid, documentIds) => {
        const kind = uid === UID.product ? 'products' : uid === SELLERS_UID.seller ? 'sellers' : null;
        if (!kind) return;
        const current = unit.getStore();
        const work = current ?? newWork();
        for (const id of documentIds) work.dirty[kind].add(id);
        if (!current) await flush(work);
      });
      strapi.db.lifecycles.subscribe({
        models: [...WATCHED_MODELS],
        beforeUpdate: before,
        beforeUpdateMany: before,
        beforeDelete: before,
        beforeDeleteMany: before,
        afterCreate: (event: LifecycleEvent) => after(event, resultId(event)),
        afterCreateMany: (event: LifecycleEvent) =>
          after(event, ((event.result as { ids?: number[] } | null)?.ids ?? []).map(Number)),
        afterUpdate: (event: LifecycleEvent) =>
          after(event, [...(event.state.ids ?? []), ...resultId(event)]),
        afterUpdateMany: (event: LifecycleEvent) => after(event, event.state.ids ?? []),
        afterDelete: (event: LifecycleEvent) => after(event, []),
        afterDeleteMany: (event: LifecycleEvent) => after(event, []),
      } as never);
    },

    /** Follows changes made by other instances: polls the version, empties the answers when it moved. */
    startPolling(): void {
      if (poll) return;
      poll = setInterval(() => {
        readVersion(connection())
          .then((version) => {
            if (knownVersion !== null && version > knownVersion) changed();
            knownVersion = Math.max(knownVersion ?? 0, version);
          })
          .catch(() => undefined);
      }, VERSION_POLL_MS);
      poll.unref();
    },

    stopPolling(): void {
      if (poll) clearInterval(poll);
      poll = null;
    },

    /** Builds the given documents again now (in the current transaction, if any): jobs use it. */
    async refresh(documents: Partial<Record<keyof Dirty, string[]>>): Promise<void> {
      const work = newWork();
      for (const [kind, ids] of Object.entries(documents) as [keyof Dirty, string[]][]) {
        for (const id of ids) work.dirty[kind].add(id);
      }
      await flush(work);
    },

    /**
     * After a rebuild: on PostgreSQL, writes the products again in name order (CLUSTER: the read model
     * waits meanwhile, about a minute for a million products), so that what a search reads sits on
     * few pages, then refreshes the planner's statistics and visibility maps (VACUUM ANALYZE).
     */
    async organize(): Promise<void> {
      if (dialect() !== 'postgres') {
        await connection().raw('ANALYZE');
        return;
      }
      await connection().raw(`CLUSTER ${T.products} USING pub_products_listed_name`);
      await connection().raw(
        `VACUUM ANALYZE ${T.products}, ${T.sellers}, ${T.productLicences}, ${T.sellerLicences}, ${T.terms}, ${T.productWords}, ${T.textWords}, ${T.namePairs}`,
      );
    },

    /** Items whose licence validities (expiring, expired) changed with the date: built again. */
    async refreshStale(today = todayInVietnam()): Promise<number> {
      const stale = async (table: string) =>
        (
          (await connection()(table).where('fresh_until', '<', today).select('document_id')) as {
            document_id: string;
          }[]
        ).map((row) => row.document_id);
      const products = await stale(T.products);
      const sellers = await stale(T.sellers);
      await this.refresh({ products, sellers });
      return products.length + sellers.length;
    },

    /**
     * Builds the whole read model again from the live tables, in one transaction (readers keep
     * seeing the previous one until it commits; writes meanwhile wait, then follow). Idempotent.
     */
    async rebuild(
      progress: (p: RebuildProgress) => void = () => undefined,
    ): Promise<{ products: number; sellers: number }> {
      const documents = async (uid: string, where: Record<string, unknown>) =>
        (
          (await strapi.db.query(uid as StrapiUID.Schema).findMany({
            where: where as never,
            select: ['documentId'],
            orderBy: { id: 'asc' },
          })) as { documentId: string }[]
        ).map((row) => row.documentId);
      let totals = { products: 0, sellers: 0 };
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        const db = trx as unknown as Knex;
        for (const table of Object.values(T)) {
          if (table === T.state) continue;
          if (dialect() === 'postgres' && (table === T.productsText || table === T.sellersText)) continue;
          if (dialect() === 'sqlite' && POSTGRES_ONLY.includes(table)) continue;
          await db(table).delete();
        }
        const writer = createWriter(db, dialect());
        const counts = new TermCounts();
        const today = todayInVietnam();
        const departments = await documents('plugin::core.department', {});
        for (const ids of chunked(departments))
          await writer.applyDepartments(ids, await builder.departments(ids));
        const categories = await documents(UID.category, {});
        for (const ids of chunked(categories))
          await writer.applyCategories(ids, await builder.categories(ids));
        progress({ stage: 'categories', done: categories.length, total: categories.length });
        const sellers = [
          ...new Set(
            await documents(SELLERS_UID.seller, {
              publishedAt: { $notNull: true },
              verificationStatus: 'verified',
            }),
          ),
        ];
        let done = 0;
        for (const ids of chunked(sellers)) {
          await writer.applySellers(ids, await builder.sellers(ids, today), counts);
          progress({ stage: 'sellers', done: (done += ids.length), total: sellers.length });
        }
        const products = [
          ...new Set(
            await documents(UID.product, { publishedAt: { $notNull: true }, reviewStatus: 'approved' }),
          ),
        ];
        done = 0;
        for (const ids of chunked(products)) {
          await writer.applyProducts(ids, await builder.products(ids, today), counts);
          progress({ stage: 'products', done: (done += ids.length), total: products.length });
        }
        await writer.applyTerms(counts);
        progress({ stage: 'words', done: counts.size, total: counts.size });
        await bumpVersion(db, onCommit);
        await db(T.state).where('name', 'built').update({ value: Date.now() });
        totals = {
          products: Number(
            ((await db(T.products).where('listed', 1).count({ n: '*' }).first()) as { n: number | string }).n,
          ),
          sellers: sellers.length,
        };
      });
      return totals;
    },
  };
};

export default readModel;
export type ReadModel = ReturnType<typeof readModel>;
