import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Done = (error: Error | null, connection: unknown) => void;

/**
 * SQLite: every transaction takes the write lock when it begins (`BEGIN IMMEDIATE`). knex begins
 * with a bare `BEGIN` (deferred): a transaction that reads first holds a read lock, and when it then
 * writes while another process is writing, SQLite refuses at once with "database is locked" instead
 * of waiting (waiting could deadlock). Several processes share a file (`strapi start` beside a
 * backup, a restore check or a second instance): taking the lock first makes them wait their turn
 * (better-sqlite3's 5 s busy timeout). knex offers no option for it, so the connection's `prepare`
 * rewrites knex's own `BEGIN;`.
 */
function beginImmediate(connection: { prepare(sql: string): unknown }, done: Done): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql: string) => prepare(sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql);
  done(null, connection);
}

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('DATABASE_URL');
  if (url) {
    const ssl = env.bool('DATABASE_SSL', false)
      ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
      : false;
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          ssl,
          schema: env('DATABASE_SCHEMA', 'public'),
          // A server that does not answer (a dropped network) fails the attempt instead of hanging.
          connectionTimeoutMillis: env.int('DATABASE_CONNECT_TIMEOUT_MS', 5000),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  // The compiled file lives in dist/config: the data folder is the app's own.
  const filename = path.resolve(
    __dirname,
    '..',
    '..',
    env('DATABASE_FILENAME', path.join('data', 'exchange.db')),
  );
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      pool: { afterCreate: beginImmediate },
    },
  };
};
