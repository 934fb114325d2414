import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import { CMS_DIR, readState } from '../setup/environment';

/**
 * Several processes on one SQLite file: the CMS beside a second instance, a backup or a script.
 * Strapi's writes run in transactions that read before they write (unique checks, the read model,
 * the workflow's guards); with knex's deferred `BEGIN`, two such transactions at once made SQLite
 * refuse one at once with "database is locked" (a flaky failure of instances.test.ts). With the
 * app's database configuration (cms/config/database.ts, compiled) each waits for its turn.
 *
 * It tests the SQLite configuration, so it runs in the SQLite pass and is skipped on PostgreSQL.
 */
const onSqlite = !readState().postgresUrl;

const WRITER = `
const knex = require('knex');
const { env } = require('@strapi/utils');
const config = require('./dist/config/database.js').default({ env });
const db = knex({ ...config.connection, client: 'better-sqlite3' });
(async () => {
  const failures = [];
  for (let i = 0; i < Number(process.env.ROUNDS); i += 1) {
    try {
      await db.transaction(async (trx) => {
        await trx('writes').count({ n: '*' });
        await trx('writes').insert({ writer: process.pid });
      });
    } catch (error) {
      failures.push(error.message);
    }
  }
  await db.destroy();
  process.stdout.write(JSON.stringify(failures));
})();
`;

/** One process of `rounds` transactions, each reading then writing; resolves with its failures. */
function writer(filename: string, rounds: number): Promise<{ code: number | null; failures: string[] }> {
  const child = spawn(process.execPath, ['-e', WRITER], {
    cwd: CMS_DIR,
    env: { ...process.env, DATABASE_URL: '', DATABASE_FILENAME: filename, ROUNDS: String(rounds) },
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      try {
        resolve({ code, failures: JSON.parse(output) as string[] });
      } catch {
        reject(new Error(`Tiến trình ghi kết thúc với mã ${code}: ${errors}`));
      }
    }),
  );
}

(onSqlite ? it : it.skip)(
  'lets two processes write to one SQLite file at once: every transaction waits its turn, none is refused',
  async () => {
    const filename = path.join(readState().workDir, `writers-${process.pid}.db`);
    const db = knex({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
    await db.schema.createTable('writes', (table) => {
      table.increments('id');
      table.integer('writer');
    });

    const rounds = 300;
    const results = await Promise.all([writer(filename, rounds), writer(filename, rounds)]);
    expect(results).toEqual([
      { code: 0, failures: [] },
      { code: 0, failures: [] },
    ]);
    expect(await db('writes').count({ n: '*' })).toEqual([{ n: 2 * rounds }]);
    await db.destroy();
    fs.rmSync(filename);
  },
);
