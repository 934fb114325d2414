import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** The table that records every migration applied, by plugin and name. */
export const MIGRATIONS_TABLE = 'sgd_migrations';

export type Dialect = 'postgres' | 'sqlite';

/** What a migration works with: the transaction, the dialect and names of Strapi-managed tables. */
export interface MigrationContext {
  strapi: Core.Strapi;
  /** The migration's transaction: everything it writes is applied with its record, or not at all. */
  knex: Knex.Transaction;
  dialect: Dialect;
  /** The table of a content type. */
  table(uid: string): string;
  /** The column of a content type's attribute. */
  column(uid: string, attribute: string): string;
  /**
   * `CREATE [UNIQUE] INDEX IF NOT EXISTS name ON table (columns) [WHERE …]` over attributes of a
   * content type, valid on SQLite and PostgreSQL.
   */
  createIndex(index: IndexSpec): Promise<void>;
  dropIndex(name: string): Promise<void>;
  hasTable(name: string): Promise<boolean>;
}

export interface IndexSpec {
  name: string;
  uid: string;
  /** Attributes of the content type, or `id`. */
  attributes: string[];
  unique?: boolean;
  /** A partial index's condition, in SQL over the table's columns. */
  where?: string;
}

export interface Migration {
  /** Unique within its plugin; migrations run in name order, so start it with a sortable prefix. */
  name: string;
  /** Runs only on these databases (default: all); skipped and recorded elsewhere. */
  dialects?: Dialect[];
  up(context: MigrationContext): Promise<void>;
}

interface Registered {
  plugin: string;
  migrations: Migration[];
}

const registries = new WeakMap<Core.Strapi, Registered[]>();

/**
 * Declares a plugin's migrations (in its `register`). They run once each, in name order, after
 * Strapi's schema sync has created or changed the tables (the `afterSync` hook, as Strapi's review
 * workflows run theirs), before any plugin's bootstrap; `core` runs first, then the plugins in the
 * order they registered. Each is recorded in `sgd_migrations`, so a restart applies only new ones.
 */
export function registerMigrations(strapi: Core.Strapi, plugin: string, migrations: Migration[]): void {
  const registered = registries.get(strapi) ?? [];
  const names = new Set<string>();
  for (const migration of migrations) {
    if (names.has(migration.name))
      throw new Error(`Migration ${plugin}/${migration.name} bị khai báo hai lần.`);
    names.add(migration.name);
  }
  registered.push({
    plugin,
    migrations: [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  });
  registries.set(strapi, registered);
}

const dialectOf = (strapi: Core.Strapi): Dialect =>
  strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';

function contextFor(strapi: Core.Strapi, trx: Knex.Transaction): MigrationContext {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never);
  const column = (uid: string, attribute: string) =>
    (meta(uid).attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  return {
    strapi,
    knex: trx,
    dialect: dialectOf(strapi),
    table: (uid) => meta(uid).tableName,
    column,
    async createIndex({ name, uid, attributes, unique, where }) {
      const columns = attributes.map((attribute) => column(uid, attribute)).join(', ');
      await trx.raw(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${meta(uid).tableName} (${columns})${
          where ? ` WHERE ${where}` : ''
        }`,
      );
    },
    async dropIndex(name) {
      await trx.raw(`DROP INDEX IF EXISTS ${name}`);
    },
    hasTable: (name) => trx.schema.hasTable(name),
  };
}

async function ensureTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(MIGRATIONS_TABLE)) return;
  await knex.schema.createTable(MIGRATIONS_TABLE, (table) => {
    table.string('plugin', 60).notNullable();
    table.string('name', 200).notNullable();
    table.timestamp('applied_at', { useTz: true }).notNullable();
    table.primary(['plugin', 'name']);
  });
}

const key = (plugin: string, name: string) => `${plugin}/${name}`;

async function appliedSet(knex: Knex): Promise<Set<string>> {
  const rows = (await knex(MIGRATIONS_TABLE).select('plugin', 'name')) as { plugin: string; name: string }[];
  return new Set(rows.map((row) => key(row.plugin, row.name)));
}

/**
 * Applies the pending migrations of every plugin. On PostgreSQL an advisory lock held for the
 * transaction makes a second instance starting at the same moment wait, then find them applied.
 * Answers the names applied, `plugin/name`.
 */
export async function runMigrations(strapi: Core.Strapi): Promise<string[]> {
  const knex = strapi.db.connection;
  const dialect = dialectOf(strapi);
  const registered = [...(registries.get(strapi) ?? [])].sort(
    (a, b) => Number(b.plugin === 'core') - Number(a.plugin === 'core'),
  );
  const wanted = registered.flatMap(({ plugin, migrations }) =>
    migrations
      .filter((migration) => !migration.dialects || migration.dialects.includes(dialect))
      .map((migration) => ({ plugin, migration })),
  );
  await ensureTable(knex);
  const before = await appliedSet(knex);
  if (wanted.every(({ plugin, migration }) => before.has(key(plugin, migration.name)))) return [];

  const applied: string[] = [];
  await knex.transaction(async (trx) => {
    if (dialect === 'postgres')
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('${MIGRATIONS_TABLE}'))`);
    const context = contextFor(strapi, trx);
    for (const { plugin, migration } of wanted) {
      // Read again each time: another instance may have applied it, or a migration may adopt older records.
      if ((await appliedSet(trx)).has(key(plugin, migration.name))) continue;
      await migration.up(context);
      await trx(MIGRATIONS_TABLE).insert({
        plugin,
        name: migration.name,
        applied_at: new Date().toISOString(),
      });
      applied.push(key(plugin, migration.name));
    }
  });
  for (const name of applied) strapi.log.info(`[migration] Đã áp dụng ${name}`);
  return applied;
}

/** Runs the registered migrations after every schema sync (registered once, by `core`). */
export function registerMigrationRunner(strapi: Core.Strapi): void {
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    await runMigrations(strapi);
  });
}
