import type { Core } from '@strapi/strapi';

interface Raw {
  rows: Record<string, unknown>[];
}

/** `shared_buffers` and sizes as PostgreSQL reports them ("128MB", "8kB") in bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*(B|kB|MB|GB|TB)?$/.exec(value.trim());
  if (!match) return Number.NaN;
  const unit = { B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 }[match[2] ?? 'B'] ?? 1;
  return Number(match[1]) * unit;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

/**
 * What the public reads assume of PostgreSQL, checked at start (a warning each, never a refusal):
 * autovacuum on (index-only counts and scans need the visibility map it keeps; without it every count
 * visits the table), and `shared_buffers` at least the size of the tables and indexes the public
 * reads (otherwise pages are read from the disk cache on every request).
 */
export async function checkPostgresSettings(strapi: Core.Strapi, hotTables: string[]): Promise<string[]> {
  if (strapi.db.dialect.client !== 'postgres' || hotTables.length === 0) return [];
  const knex = strapi.db.connection;
  const setting = async (name: string) =>
    String(((await knex.raw('SELECT current_setting(?) AS value', [name])) as Raw).rows[0]?.value ?? '');
  const warnings: string[] = [];
  if ((await setting('autovacuum')) !== 'on' || (await setting('track_counts')) !== 'on') {
    warnings.push(
      'PostgreSQL đang tắt autovacuum (hoặc track_counts): đếm và đọc theo chỉ mục sẽ phải đọc lại bảng. ' +
        'Bật autovacuum = on, track_counts = on trong postgresql.conf, hoặc chạy VACUUM ANALYZE định kỳ.',
    );
  }
  const buffers = parseSize(await setting('shared_buffers'));
  const size = Number(
    (
      (await knex.raw(
        `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
         WHERE c.relkind = 'r' AND pg_table_is_visible(c.oid) AND c.relname IN (${hotTables.map(() => '?').join(', ')})`,
        hotTables,
      )) as Raw
    ).rows[0]?.bytes ?? 0,
  );
  if (Number.isFinite(buffers) && buffers < size) {
    warnings.push(
      `shared_buffers của PostgreSQL (${megabytes(buffers)}) nhỏ hơn các bảng đọc công khai và chỉ mục của chúng ` +
        `(${megabytes(size)}): đặt shared_buffers ít nhất ${megabytes(size)} (khoảng 25 % RAM của máy chủ cơ sở dữ liệu).`,
    );
  }
  for (const warning of warnings) strapi.log.warn(`[core] ${warning}`);
  return warnings;
}
