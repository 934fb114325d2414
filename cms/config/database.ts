import path from 'node:path';
import type { Core } from '@strapi/strapi';

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
    },
  };
};
