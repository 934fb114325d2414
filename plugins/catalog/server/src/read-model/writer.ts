import type { Knex } from 'knex';
import type { CategoryRecord, LicenceFacts, ProductRecord, RefRecord, SellerRecord, Term } from './build';
import { termKeysOf } from './build';
import { TABLES as T, type Dialect } from './tables';

/** Rows per multi-row INSERT (well under both databases' limits on bound values). */
const CHUNK = 400;

type Row = Record<string, unknown>;

const chunks = <V>(values: V[], size = CHUNK): V[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

async function insertRows(trx: Knex, table: string, rows: Row[]): Promise<void> {
  for (const part of chunks(rows)) await trx(table).insert(part);
}

async function rowsIn(trx: Knex, table: string, column: string, values: string[], select: string[]) {
  const found: Row[] = [];
  for (const part of chunks(values))
    found.push(...((await trx(table).select(select).whereIn(column, part)) as Row[]));
  return found;
}

async function deleteIn(trx: Knex, table: string, column: string, values: (string | number)[]) {
  for (const part of chunks(values)) await trx(table).whereIn(column, part).delete();
}

const licenceRows = (owner: 'product_id' | 'seller_id', id: string, licences: LicenceFacts[]) =>
  licences.map((l) => ({ [owner]: id, ...l }));

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Term counts to add (+1 per new item naming it) and take back (−1), in one map. A term is shown as
 * the smallest way (byte-wise) it was written, so that the same names give the same table however
 * they came (one by one or all at once).
 */
export class TermCounts {
  readonly deltas = new Map<string, { display: string; joined: string; items: number }>();

  add(terms: Term[]): void {
    for (const t of terms) {
      const found = this.deltas.get(t.term);
      if (!found) this.deltas.set(t.term, { display: t.display, joined: t.joined, items: 1 });
      else {
        found.items += 1;
        if (t.display < found.display) found.display = t.display;
      }
    }
  }

  remove(foldedNameWords: string): void {
    for (const term of termKeysOf(foldedNameWords)) {
      const found = this.deltas.get(term);
      if (found) found.items -= 1;
      else this.deltas.set(term, { display: term, joined: term.replace(/ /g, ''), items: -1 });
    }
  }

  get size(): number {
    return this.deltas.size;
  }
}

/**
 * What SQLite's full-text index holds of a name: its folded words and its marked words, as
 * PostgreSQL's `name_tsv` does (a regional word added with its tones, "cá quả" for "cá lóc", is
 * found in names on both).
 */
function ftsNameWords(row: { name_words: string; name_marks: string }): string {
  return row.name_marks ? `${row.name_words} ${row.name_marks}` : row.name_words;
}

/**
 * Writes built records into the read model inside the caller's transaction. Each `apply*` replaces
 * the rows of the given documents by their records (a document without a record is not public: its
 * rows go) and says whether anything changed, so that an unchanged item does not empty the caches.
 */
export function createWriter(trx: Knex, dialect: Dialect) {
  const sqlite = dialect === 'sqlite';

  async function replaceText(
    table: string,
    removedIds: number[],
    rows: { id: number; name_words: string; name_marks: string; words: string }[],
  ) {
    if (!sqlite) return;
    await deleteIn(trx, table, 'rowid', removedIds);
    await insertRows(
      trx,
      table,
      rows.map((r) => ({ rowid: r.id, name_words: ftsNameWords(r), words: r.words })),
    );
  }

  /** Adds the counts to the spelling terms (sorted, so that two writers lock rows in the same order). */
  async function applyTerms(counts: TermCounts): Promise<void> {
    const rows = [...counts.deltas.entries()]
      .filter(([, d]) => d.items !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const part of chunks(rows, 200)) {
      await trx.raw(
        `INSERT INTO ${T.terms} (term, joined, display, items) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (term) DO UPDATE SET items = ${T.terms}.items + excluded.items,
           display = CASE WHEN excluded.items > 0 AND excluded.display < ${T.terms}.display
             THEN excluded.display ELSE ${T.terms}.display END`,
        part.flatMap(([term, d]) => [term, d.joined, d.display, d.items]),
      );
    }
    if (rows.some(([, d]) => d.items < 0)) await trx(T.terms).where('items', '<=', 0).delete();
  }

  async function applyProducts(documentIds: string[], records: ProductRecord[], counts: TermCounts) {
    const existing = await rowsIn(trx, T.products, 'document_id', documentIds, [
      'document_id',
      'id',
      'slug',
      'name_key',
      'seller_id',
      'category_id',
      'department_id',
      'price_low',
      'price_high',
      'published_at',
      'updated_at',
      'name_words',
      'name_marks',
      'words',
      'fresh_until',
      'card',
      'body',
    ]);
    const existingLicences = await rowsIn(trx, T.productLicences, 'product_id', documentIds, [
      'product_id',
      'licence_id',
      'type',
      'stars',
      'expires_on',
    ]);
    const before = new Map(existing.map((row) => [String(row.document_id), row]));
    const changed = records.filter((record) => {
      const old = before.get(record.row.document_id);
      if (!old) return true;
      const { document_id: _d, ...rest } = record.row;
      const oldLicences = existingLicences
        .filter((l) => l.product_id === record.row.document_id)
        .map(
          ({ product_id: _p, ...l }) => ({ ...l, stars: l.stars === null ? null : Number(l.stars) }) as Row,
        )
        .sort((a, b) => String(a.licence_id).localeCompare(String(b.licence_id)));
      const newLicences = [...record.licences].sort((a, b) => a.licence_id.localeCompare(b.licence_id));
      return (
        !sameJson(
          Object.fromEntries(Object.keys(rest).map((k) => [k, normalize(old[k])])),
          Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, normalize(v)])),
        ) || !sameJson(oldLicences, newLicences)
      );
    });
    const kept = new Set(records.map((r) => r.row.document_id));
    const gone = existing.filter((row) => !kept.has(String(row.document_id)));
    const replaced = changed
      .map((r) => before.get(r.row.document_id))
      .filter((row): row is Row => Boolean(row));
    const leaving = [...gone, ...replaced];
    if (leaving.length === 0 && changed.length === 0) return false;

    for (const row of leaving) counts.remove(String(row.name_words));
    for (const record of changed) counts.add(record.terms);
    const leavingIds = leaving.map((row) => String(row.document_id));
    await deleteIn(trx, T.products, 'document_id', leavingIds);
    await deleteIn(trx, T.productLicences, 'product_id', leavingIds);
    await replaceText(
      T.productsText,
      leaving.map((row) => Number(row.id)),
      changed.map((r) => r.row),
    );
    // Listed only with a public seller, whose commune the commune filter reads.
    const sellerIds = [
      ...new Set(changed.map((r) => r.row.seller_id).filter((id): id is string => Boolean(id))),
    ];
    const sellers = new Map(
      (await rowsIn(trx, T.sellers, 'document_id', sellerIds, ['document_id', 'commune'])).map((s) => [
        String(s.document_id),
        (s.commune as string | null) ?? null,
      ]),
    );
    await insertRows(
      trx,
      T.products,
      changed.map(({ row }) => ({
        ...row,
        listed: row.seller_id && sellers.has(row.seller_id) ? 1 : 0,
        commune: row.seller_id ? (sellers.get(row.seller_id) ?? null) : null,
      })),
    );
    await insertRows(
      trx,
      T.productLicences,
      changed.flatMap((r) => licenceRows('product_id', r.row.document_id, r.licences)),
    );
    return true;
  }

  async function applySellers(documentIds: string[], records: SellerRecord[], counts: TermCounts) {
    const existing = await rowsIn(trx, T.sellers, 'document_id', documentIds, [
      'document_id',
      'id',
      'slug',
      'name_key',
      'commune',
      'published_at',
      'updated_at',
      'name_words',
      'name_marks',
      'words',
      'fresh_until',
      'card',
      'label',
      'summary',
      'body',
    ]);
    const existingLicences = await rowsIn(trx, T.sellerLicences, 'seller_id', documentIds, [
      'seller_id',
      'licence_id',
      'type',
      'stars',
      'expires_on',
    ]);
    const before = new Map(existing.map((row) => [String(row.document_id), row]));
    const changed = records.filter((record) => {
      const old = before.get(record.row.document_id);
      if (!old) return true;
      const oldLicences = existingLicences
        .filter((l) => l.seller_id === record.row.document_id)
        .map(({ seller_id: _s, ...l }) => ({ ...l, stars: l.stars === null ? null : Number(l.stars) }) as Row)
        .sort((a, b) => String(a.licence_id).localeCompare(String(b.licence_id)));
      const newLicences = [...record.licences].sort((a, b) => a.licence_id.localeCompare(b.licence_id));
      return (
        !sameJson(
          Object.fromEntries(Object.keys(record.row).map((k) => [k, normalize(old[k])])),
          Object.fromEntries(Object.entries(record.row).map(([k, v]) => [k, normalize(v)])),
        ) || !sameJson(oldLicences, newLicences)
      );
    });
    const kept = new Set(records.map((r) => r.row.document_id));
    const gone = existing.filter((row) => !kept.has(String(row.document_id)));
    const replaced = changed
      .map((r) => before.get(r.row.document_id))
      .filter((row): row is Row => Boolean(row));
    const leaving = [...gone, ...replaced];
    if (leaving.length === 0 && changed.length === 0) return false;

    for (const row of leaving) counts.remove(String(row.name_words));
    for (const record of changed) counts.add(record.terms);
    const leavingIds = leaving.map((row) => String(row.document_id));
    await deleteIn(trx, T.sellers, 'document_id', leavingIds);
    await deleteIn(trx, T.sellerLicences, 'seller_id', leavingIds);
    await replaceText(
      T.sellersText,
      leaving.map((row) => Number(row.id)),
      changed.map((r) => r.row),
    );
    await insertRows(
      trx,
      T.sellers,
      changed.map((r) => r.row),
    );
    await insertRows(
      trx,
      T.sellerLicences,
      changed.flatMap((r) => licenceRows('seller_id', r.row.document_id, r.licences)),
    );
    // Their products follow: listed while the seller is public, filtered by its commune.
    for (const row of gone) {
      await trx(T.products).where('seller_id', String(row.document_id)).update({ listed: 0, commune: null });
    }
    for (const record of changed) {
      const old = before.get(record.row.document_id);
      if (old && old.commune === record.row.commune) continue;
      await trx(T.products)
        .where('seller_id', record.row.document_id)
        .update({ listed: 1, commune: record.row.commune });
    }
    return true;
  }

  async function applyRefs(table: string, documentIds: string[], records: (CategoryRecord | RefRecord)[]) {
    const existing = await rowsIn(trx, table, 'document_id', documentIds, [
      'document_id',
      'body',
      ...(table === T.categories ? ['slug', 'parent_id'] : []),
    ]);
    const before = new Map(existing.map((row) => [String(row.document_id), row]));
    const kept = new Set(records.map((r) => r.document_id));
    const changed = records.filter((r) => {
      const old = before.get(r.document_id);
      return !old || !sameJson(Object.fromEntries(Object.keys(r).map((k) => [k, old[k] ?? null])), r);
    });
    const leaving = [
      ...existing.filter((row) => !kept.has(String(row.document_id))).map((row) => String(row.document_id)),
      ...changed.map((r) => r.document_id),
    ];
    if (leaving.length === 0 && changed.length === 0) return false;
    await deleteIn(trx, table, 'document_id', leaving);
    await insertRows(trx, table, changed as unknown as Row[]);
    return true;
  }

  return {
    applyProducts,
    applySellers,
    applyCategories: (ids: string[], records: CategoryRecord[]) => applyRefs(T.categories, ids, records),
    applyDepartments: (ids: string[], records: RefRecord[]) => applyRefs(T.departments, ids, records),
    applyTerms,
  };
}

/** Numbers come back as strings from PostgreSQL's bigint: compare them as numbers. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value) && value.length < 16) return Number(value);
  return value ?? null;
}
