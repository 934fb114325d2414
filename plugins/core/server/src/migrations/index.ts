import fs from 'node:fs';
import path from 'node:path';
import type { Migration } from '../lib/migrations';
import { nameInVietnameseOrder } from '../lib/names';
import { CACHE_VERSIONS_TABLE } from '../lib/shared-cache';

/** The table where the SQL files below were recorded before there was one migration mechanism. */
const LEGACY_TABLE = 'sgd_sql_migrations';

/**
 * Databases made before `sgd_migrations` recorded the SQL files they applied in their own table: those
 * records move over (under the same names), so the files are not applied twice.
 */
const adoptSqlRecords: Migration = {
  name: '000-adopt-sql-migration-records',
  async up({ knex, hasTable }) {
    if (!(await hasTable(LEGACY_TABLE))) return;
    const rows = (await knex(LEGACY_TABLE).select('name')) as { name: string }[];
    const at = new Date().toISOString();
    for (const row of rows) {
      await knex('sgd_migrations').insert({ plugin: 'core', name: row.name, applied_at: at });
    }
    await knex.schema.dropTable(LEGACY_TABLE);
  },
};

/**
 * The PostgreSQL-only SQL files of `dir` (`database/migrations`: extensions, functions, expression
 * and trigram indexes Strapi's schema sync cannot express), one migration each, named by file.
 */
export function sqlFileMigrations(dir: string | null): Migration[] {
  if (!dir) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file): Migration => ({
      name: file,
      dialects: ['postgres'],
      async up({ knex }) {
        await knex.raw(fs.readFileSync(path.join(dir, file), 'utf8'));
      },
    }));
}

/** The version rows of the caches every instance keeps (working calendar, workflow definitions). */
const cacheVersions: Migration = {
  name: '001-cache-versions',
  async up({ knex, hasTable }) {
    if (await hasTable(CACHE_VERSIONS_TABLE)) return;
    await knex.schema.createTable(CACHE_VERSIONS_TABLE, (table) => {
      table.string('name', 100).primary();
      table.bigInteger('version').notNullable().defaultTo(0);
    });
  },
};

/**
 * The working calendar's yearly table moved from the workflow plugin to core (the same table): the
 * staff roles' permissions on it follow.
 */
const calendarPermissions: Migration = {
  name: '002-calendar-year-permissions',
  async up({ knex, table, column }) {
    await knex(table('admin::permission'))
      .where(column('admin::permission', 'subject'), 'plugin::workflow.calendar-year')
      .update({ [column('admin::permission', 'subject')]: 'plugin::core.calendar-year' });
  },
};

/**
 * Entries written before the audit log named officers get the name (Vietnamese order) of the admin
 * user who acted, as far as that user still exists; the migration writes past the log's guard.
 */
const auditActorNames: Migration = {
  name: '003-audit-actor-names',
  async up({ knex, table, column }) {
    const audit = table('plugin::core.audit-entry');
    const actorId = column('plugin::core.audit-entry', 'actorId');
    const actorName = column('plugin::core.audit-entry', 'actorName');
    const ids = (await knex(audit).whereNull(actorName).whereNotNull(actorId).distinct(actorId)) as Record<
      string,
      number
    >[];
    for (const row of ids) {
      const user = (await knex(table('admin::user'))
        .where('id', row[actorId])
        .first('firstname', 'lastname')) as { firstname: string | null; lastname: string | null } | undefined;
      const name = user ? nameInVietnameseOrder(user) : '';
      if (name)
        await knex(audit)
          .where(actorId, row[actorId])
          .whereNull(actorName)
          .update({ [actorName]: name });
    }
  },
};

export const coreMigrations = (sqlDir: string | null): Migration[] => [
  adoptSqlRecords,
  cacheVersions,
  calendarPermissions,
  auditActorNames,
  ...sqlFileMigrations(sqlDir),
];
