import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const TABLE = 'sgd_sql_migrations';

/**
 * Applies the PostgreSQL-only SQL files of `dir` (sorted by name), once each,
 * after Strapi's schema sync has created the tables they index. Strapi's sync
 * leaves objects it did not create alone, so these survive restarts.
 */
export async function runSqlMigrations(strapi: Core.Strapi, dir: string | null): Promise<string[]> {
  if (!dir || strapi.db.dialect.client !== 'postgres') return [];
  const knex = strapi.db.connection;
  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    ((await knex(TABLE).select('name')) as Array<{ name: string }>).map((row) => row.name),
  );
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    await knex.transaction(async (trx) => {
      await trx.raw(sql);
      await trx(TABLE).insert({ name: file });
    });
    strapi.log.info(`[core] Đã áp dụng migration ${file}`);
    applied.push(file);
  }
  return applied;
}
