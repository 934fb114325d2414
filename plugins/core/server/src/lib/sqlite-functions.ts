import { foldVietnamese } from './fold';

interface SqliteNative {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => string): unknown;
}

/** SQL name of the folding function, defined on both databases. */
export const FOLD_FUNCTION = 'sgd_fold';

/**
 * Registers `sgd_fold(text)` on a better-sqlite3 connection so search SQL is
 * the same on SQLite and PostgreSQL (where a migration defines it on top of
 * `unaccent`).
 */
export function registerSqliteFunctions(conn: SqliteNative): void {
  conn.function(FOLD_FUNCTION, { deterministic: true }, (value) =>
    typeof value === 'string' ? foldVietnamese(value) : '',
  );
}
