import type { Core } from '@strapi/strapi';

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Waits until no query is running or queued. Strapi answers document events
 * asynchronously; after a bulk load on SQLite (one connection) hundreds of
 * their queries wait behind the load's transaction, and closing the app then
 * would abort them.
 */
export async function waitForIdleDatabase(strapi: Core.Strapi, timeoutMs = 30000): Promise<void> {
  const pool = (strapi.db.connection as unknown as { client: { pool?: Pool } }).client.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  while ((pool.numUsed() > 0 || pool.numPendingAcquires() > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
