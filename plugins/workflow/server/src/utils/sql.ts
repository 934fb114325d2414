import type { Core } from '@strapi/strapi';

/** Column names and value encodings for raw SQL over Strapi-managed tables. */
export const sqlNames = (strapi: Core.Strapi) => ({
  table(uid: string): string {
    return strapi.db.metadata.get(uid as never).tableName;
  },
  column(uid: string, attribute: string): string {
    const attr = strapi.db.metadata.get(uid as never).attributes[attribute] as
      { columnName?: string } | undefined;
    return attr?.columnName ?? attribute;
  },
  /** A timestamp as the dialect stores it (SQLite keeps milliseconds since the epoch). */
  time(date: Date): Date | number {
    return strapi.db.dialect.client === 'sqlite' ? date.getTime() : date;
  },
  isSqlite(): boolean {
    return strapi.db.dialect.client === 'sqlite';
  },
});
