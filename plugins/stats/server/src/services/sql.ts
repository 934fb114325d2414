import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

/** Memory of each sort or hash of a planned aggregate (PostgreSQL's default, 4 MB, spills to disk). */
const STATS_WORK_MEM = '32MB';

export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Raw SQL over Strapi's tables for both dialects: table, column and link-table names from the
 * metadata, timestamps as each dialect stores them, and the few expressions that differ (durations,
 * months). Draft & publish types are counted on their draft rows: one per document, the latest state.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.db.metadata.get(uid as StrapiUID.Schema);
  const sqlite = () => strapi.db.dialect.client === 'sqlite';

  const helpers = {
    knex: (): Knex => strapi.db.connection as unknown as Knex,
    table: (uid: string): string => model(uid).tableName,
    column(uid: string, attribute: string): string {
      const attr = model(uid).attributes[attribute] as { columnName?: string } | undefined;
      return attr?.columnName ?? attribute;
    },
    link(uid: string, attribute: string): JoinTable {
      return (model(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
    },
    /** A timestamp as the dialect stores it (SQLite keeps milliseconds since the epoch). */
    time: (date: Date): Date | number => (sqlite() ? date.getTime() : date),
    isSqlite: sqlite,
    /** Days between two timestamp columns, as a decimal. */
    days(later: string, earlier: string): string {
      return sqlite()
        ? `((${later}) - (${earlier})) / 86400000.0`
        : `EXTRACT(EPOCH FROM (${later}) - (${earlier})) / 86400.0`;
    },
    /** 'YYYY-MM' of a timestamp column, in Vietnam time. */
    month(column: string): string {
      return sqlite()
        ? `strftime('%Y-%m', (${column}) / 1000, 'unixepoch', '+7 hours')`
        : `to_char((${column}) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;
    },
    /**
     * Runs one aggregate with PostgreSQL planner settings of its own (`SET LOCAL`, in a transaction
     * of its own), as is. The dashboard sends its ~15 statements at once: on a database with few
     * cores, parallel workers of each statement only compete with the others (and cost their start),
     * and for joins whose two sides an index already gives in id order, the planner's estimates
     * prefer building a hash of 100,000 rows to merging them (3× slower here: ~230 ms against
     * ~75 ms on 100,000 products). Sorts and hashes of 50,000–100,000 rows get the memory to stay
     * off disk (the default 4 MB spills them). SQLite has none of these: the query runs unchanged.
     */
    async planned<T>(qb: Knex.QueryBuilder, settings: { parallel?: false; hashJoin?: false }): Promise<T> {
      if (sqlite()) return (await qb) as T;
      return helpers.knex().transaction(async (trx) => {
        await trx.raw(`SET LOCAL work_mem = '${STATS_WORK_MEM}'`);
        if (settings.parallel === false) await trx.raw('SET LOCAL max_parallel_workers_per_gather = 0');
        if (settings.hashJoin === false) await trx.raw('SET LOCAL enable_hashjoin = off');
        return (await qb.transacting(trx)) as T;
      });
    },
    isDraftAndPublish: (uid: string): boolean =>
      Boolean(
        (
          strapi.contentType(uid as StrapiUID.ContentType)?.options as
            { draftAndPublish?: boolean } | undefined
        )?.draftAndPublish,
      ),
    /** `from uid as alias`, on draft rows for draft & publish types. */
    from(uid: string, alias: string): Knex.QueryBuilder {
      const qb = helpers.knex()(`${helpers.table(uid)} as ${alias}`);
      if (helpers.isDraftAndPublish(uid)) qb.whereNull(`${alias}.${helpers.column(uid, 'publishedAt')}`);
      return qb;
    },
    /** Joins the department of `alias` (a manyToOne `department`) as `${alias}_dep` (id and name). */
    joinDepartment(qb: Knex.QueryBuilder, uid: string, alias: string): Knex.QueryBuilder {
      const via = helpers.link(uid, 'department');
      return qb
        .leftJoin(`${via.name} as ${alias}_dl`, `${alias}_dl.${via.joinColumn.name}`, `${alias}.id`)
        .leftJoin(
          `${helpers.table(UID.department)} as ${alias}_dep`,
          `${alias}_dep.id`,
          `${alias}_dl.${via.inverseJoinColumn.name}`,
        );
    },
    /** Keeps rows whose department is one of `ids` (`null`: no restriction). */
    inDepartments(
      qb: Knex.QueryBuilder,
      uid: string,
      alias: string,
      ids: number[] | null,
    ): Knex.QueryBuilder {
      if (ids === null) return qb;
      const via = helpers.link(uid, 'department');
      return qb.whereExists(function department(this: Knex.QueryBuilder) {
        this.select(helpers.knex().raw('1'))
          .from(`${via.name} as ${alias}_sd`)
          .whereRaw('?? = ??', [`${alias}_sd.${via.joinColumn.name}`, `${alias}.id`])
          .whereIn(`${alias}_sd.${via.inverseJoinColumn.name}`, ids.length ? ids : [-1]);
      });
    },
    /** Keeps rows whose seller (or the seller itself) is in the commune with this code. */
    inCommune(qb: Knex.QueryBuilder, uid: string, alias: string, code: string | null): Knex.QueryBuilder {
      if (code === null) return qb;
      const path = helpers.communePath(uid);
      if (!path) return qb.whereRaw('1 = 0');
      const [[owner, attribute], ...rest] = path;
      const first = helpers.link(owner, attribute);
      const prefix = `${alias}_c`;
      return qb.whereExists(function commune(this: Knex.QueryBuilder) {
        this.select(helpers.knex().raw('1'))
          .from(`${first.name} as ${prefix}_l0`)
          .whereRaw('?? = ??', [`${prefix}_l0.${first.joinColumn.name}`, `${alias}.id`]);
        const unit = helpers.joinToCommune(
          this,
          rest,
          `${prefix}_l0.${first.inverseJoinColumn.name}`,
          prefix,
          1,
        );
        this.where(`${unit}.${helpers.column(UID.unit, 'code')}`, code);
      });
    },
    /**
     * Joins onto `qb` the link tables of `path` (a `communePath`, or its rest), starting from the id
     * in column `from`, then the administrative unit they end at; answers the unit's alias.
     */
    joinToCommune(
      qb: Knex.QueryBuilder,
      path: [string, string][],
      from: string,
      prefix: string,
      firstStep = 0,
    ): string {
      let previous = from;
      path.forEach(([owner, attribute], index) => {
        const link = helpers.link(owner, attribute);
        const linkAlias = `${prefix}_l${firstStep + index}`;
        qb.join(`${link.name} as ${linkAlias}`, `${linkAlias}.${link.joinColumn.name}`, previous);
        previous = `${linkAlias}.${link.inverseJoinColumn.name}`;
      });
      qb.join(`${helpers.table(UID.unit)} as ${prefix}_u`, `${prefix}_u.id`, previous);
      return `${prefix}_u`;
    },
    /**
     * The relations that lead from an item of `uid` to its commune: its own `commune` (a seller, a
     * production area, a directory listing), else its seller's (a licence, a product, a review…),
     * else its product's seller's (a comment, a buy/sell post about a product). `null`: none.
     */
    communePath(uid: string, seen: string[] = []): [string, string][] | null {
      const attributes = (strapi.contentType(uid as StrapiUID.ContentType)?.attributes ?? {}) as Record<
        string,
        { type?: string; target?: string; relation?: string }
      >;
      const toOne = (name: string, target: string) =>
        attributes[name]?.type === 'relation' &&
        attributes[name].target === target &&
        attributes[name].relation === 'manyToOne';
      if (toOne('commune', UID.unit)) return [[uid, 'commune']];
      for (const [name, target] of [
        ['seller', UID.seller],
        ['product', UID.product],
      ] as const) {
        if (!toOne(name, target) || seen.includes(target)) continue;
        const rest = helpers.communePath(target, [...seen, uid]);
        if (rest) return [[uid, name], ...rest];
      }
      return null;
    },
    /**
     * Keeps workflow rows (tasks, history) whose item belongs to the commune with this code, by the
     * item's `communePath`: `(target_uid, target_document_id) IN (…)` over one `UNION ALL` of the
     * commune's items of every bound content type, which both databases run once and probe by hash
     * (a semi-join), instead of testing each row against one subquery per type. Items with no
     * commune (a personal-data request, a violation report) are left out.
     */
    targetInCommune(
      qb: Knex.QueryBuilder,
      workflowUid: string,
      alias: string,
      targetUids: string[],
      code: string | null,
    ): Knex.QueryBuilder {
      if (code === null) return qb;
      const k = helpers.knex();
      const unitCode = helpers.column(UID.unit, 'code');
      const branches = targetUids.flatMap((uid, index) => {
        const path = helpers.communePath(uid);
        if (!path) return [];
        const item = `${alias}_i${index}`;
        const documents = k(`${helpers.table(uid)} as ${item}`).select(
          k.raw('CAST(? AS VARCHAR(255))', [uid]),
          `${item}.${helpers.column(uid, 'documentId')}`,
        );
        // One row per document: the draft of a draft & publish type (its id is in the same links).
        if (helpers.isDraftAndPublish(uid))
          documents.whereNull(`${item}.${helpers.column(uid, 'publishedAt')}`);
        const unit = helpers.joinToCommune(documents, path, `${item}.id`, item);
        return [documents.where(`${unit}.${unitCode}`, code)];
      });
      if (branches.length === 0) return qb.whereRaw('1 = 0');
      const [first, ...rest] = branches;
      return qb.whereIn(
        [
          `${alias}.${helpers.column(workflowUid, 'targetUid')}`,
          `${alias}.${helpers.column(workflowUid, 'targetDocumentId')}`,
        ] as never,
        rest.length ? first.unionAll(rest) : first,
      );
    },
  };
  return helpers;
};

export type Sql = ReturnType<typeof import('./sql').default>;
