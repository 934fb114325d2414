import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { AUTOCOMPLETE_LIMIT, SEARCH_COUNT_LIMIT, SEARCH_TOLERANCE } from '@sgd/config';
import type { Autocomplete, SearchMeta } from '@sgd/contracts';

import { foldVietnamese } from '@sgd/plugin-core';
import { todayInVietnam } from '@sgd/plugin-sellers';
import {
  joinedQuery,
  listJson,
  productJson,
  selectProducts,
  type ProductView,
  sellerJson,
  textCondition,
} from '../read-model/read';
import {
  createVocabulary,
  plan,
  tolerate,
  type Alternative,
  type Slot,
  type Vocabulary,
  type VocabularyEntry,
  type Word,
} from '../read-model/spelling';
import { TABLES as T, type Dialect } from '../read-model/tables';
import type { SearchQuery, SuggestQuery } from '../validation/search';
import { catalogService } from './index';

/** Items a search page reads first in its order before it asks the full-text index (see `pageOf`). */
const SEARCH_PROBE = 1000;
/** A typed word is walked as the words of names it begins (`walkNames`) when they are at most this many. */
const WALK_WORDS = 32;
/**
 * The same, for a search of one typed word: every step of its walk is a name of the page, and costs
 * an index read per word (the first page of "l" at a million products: 38 ms, where the full-text
 * index found and sorted every name holding a word beginning with "l" in 486).
 */
const WALK_WORDS_ALONE = 256;
/** Names walked at most for one page (page × size); deeper pages are found through the full-text index. */
const WALK_ITEMS = 240;
/**
 * A typed word counted through the full-text index as the whole words it begins: at most this many.
 * Past it, a common beginning is checked on each item the other words find, which is what costs in
 * a count: at 100,000 products, fresh two-word searches at 10 connections, PostgreSQL's CPU per
 * search about 3.0 ms with 4 and 2.7 with 16 (three alternating rounds each; 32 was no better).
 */
const NARROW_WORDS = 16;
/** A word held by this share of the listed products or more is common: checked, not looked up. */
const COMMON_SHARE = 0.2;
/**
 * A search counts the names holding its words first when likely to find this many there: a failed
 * try is a count of common words for nothing (at 100,000 products, with a quarter of the limit,
 * searches spent more time counting than with the whole).
 */
const NAMES_FIRST_FROM = SEARCH_COUNT_LIMIT;
/**
 * A count with words stops one past the limit it shows: reaching it says "more than the limit"
 * (`capped`), exactly the limit is said as it is.
 */
const COUNTED = SEARCH_COUNT_LIMIT + 1;
/** Word lists and statistics a search keeps (until the read model changes), at most. */
const KNOWN_MAX_ENTRIES = 5000;

type Row = Record<string, unknown>;
/** A connection of knex's pool (node-postgres), as `settled` uses it. */
interface PgConnection {
  __knexUid?: string;
  query(text: string): Promise<{ rows: Row[] } | { rows: Row[] }[]>;
}
/** PostgreSQL's error code for a statement prepared again under the same name. */
const DUPLICATE_PREPARED = '42P05';
/** The statements prepared by `settled` on each connection. */
const preparedOn = new WeakMap<PgConnection, Set<string>>();

/**
 * A value written into SQL as a literal (`settled`); null for one that is not written in plainly.
 * Strings without a backslash read the same whatever `standard_conforming_strings` says, and a `?`
 * would be taken for a placeholder by knex.
 */
function literal(value: unknown): string | null {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string' && !/[?\\]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return null;
}
/** A condition of SQL over the items; `names`: the slots a name must hold, when it says only that. */
type Condition = { sql: string; bindings: string[]; names?: Slot[] };

/** A search with no words and no filter, first page: what the autocomplete fills in. */
const emptySearch: SearchQuery = {
  q: '',
  type: 'products',
  sort: 'relevance',
  page: 1,
  pageSize: 24,
  view: 'card',
};

interface Found {
  items: string[];
  total: number;
  /** More items match than `total` counts (words found in very many items). */
  capped: boolean;
}

/**
 * Search over the read model (`read-model/`), identical on SQLite and PostgreSQL: the same plan
 * (`read-model/spelling.ts`) becomes a `tsquery` over GIN indexes or an FTS5 query, over the same
 * folded words; the order is the same SQL (name matches first, then the Vietnamese collation key).
 * On PostgreSQL, what the full-text index would read in proportion to the catalogue is read another
 * way with the same results: a page of names by walking the names' word lists (`walkNames`), a count
 * through whole words and the less common ones (`narrowed`). When the words as typed find little,
 * words typed together, typing errors and words inside longer words are tried too; when nothing
 * matches, a query that finds something is suggested.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => catalogService(strapi, 'read-model');
  const knex = () => strapi.db.connection as unknown as Knex;
  const dialect = (): Dialect => (strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite');
  let vocabulary: Promise<Vocabulary> | null = null;
  /** What searches read of the words themselves (PostgreSQL), until the read model changes. */
  let known = new Map<string, Promise<unknown>>();
  let listening = false;
  /** The share of a word's beginning, summed once per statistics (`shareOfSlot`). */
  const beginningShares = new WeakMap<Map<string, number>, Map<string, number>>();

  function listen() {
    if (listening) return;
    model().onChange(() => {
      vocabulary = null;
      known = new Map();
    });
    listening = true;
  }

  function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    listen();
    const hit = known.get(key);
    if (hit) return hit as Promise<T>;
    if (known.size >= KNOWN_MAX_ENTRIES) known = new Map();
    const kept = known;
    const value = compute();
    kept.set(key, value);
    value.catch(() => {
      if (kept.get(key) === value) kept.delete(key);
    });
    return value;
  }

  /** The words of public names, loaded when first needed and again after the read model changed. */
  function words(): Promise<Vocabulary> {
    listen();
    if (vocabulary) return vocabulary;
    const loading = knex()(T.terms)
      .select('term', 'joined', 'display', 'items')
      .then((rows: Row[]) =>
        createVocabulary(
          rows.map((r) => ({
            term: String(r.term),
            joined: String(r.joined),
            display: String(r.display),
            items: Number(r.items),
          })),
        ),
      );
    vocabulary = loading;
    loading.catch(() => {
      if (vocabulary === loading) vocabulary = null;
    });
    return loading;
  }

  /**
   * Words of public names that hold a typed word inside them ("oai" → xoai, khoai), through the
   * trigram index on PostgreSQL; SQLite reads the (small) word list.
   */
  async function inside(word: string): Promise<VocabularyEntry[]> {
    if (word.length < 3) return [];
    const rows = (await knex()(T.terms)
      .where('joined', 'like', `%${word}%`)
      .whereNot('term', 'like', '% %')
      .orderBy([
        { column: 'items', order: 'desc' },
        { column: 'term', order: 'asc' },
      ])
      .limit(SEARCH_TOLERANCE.alternatives)
      .select('term', 'joined', 'display', 'items')) as Row[];
    return rows.map((r) => ({
      term: String(r.term),
      joined: String(r.joined),
      display: String(r.display),
      items: Number(r.items),
    }));
  }

  /**
   * The text condition of `slots`, over the name or over all the searched text (or its negation); a
   * condition over names says which slots it holds (`walkNames` reads it another way).
   */
  function text(query: SearchQuery, slots: Slot[], scope: 'name' | 'text', negate = false): Condition {
    const products = query.type === 'products';
    const condition = textCondition(
      dialect(),
      slots,
      scope,
      products ? 'p' : 's',
      products ? T.productsText : T.sellersText,
    );
    if (negate) return { sql: `NOT (${condition.sql})`, bindings: condition.bindings };
    return { ...condition, ...(scope === 'name' ? { names: slots } : {}) };
  }

  /**
   * The words that begin with `word` (PostgreSQL): of listed names (`pub_product_words`) or of the
   * searched text (`pub_text_words`), one index read per word; null when there are more than
   * `most`. Kept until the read model changes.
   */
  function wordsBeginning(
    word: string,
    scope: 'name' | 'text' = 'name',
    most = WALK_WORDS,
  ): Promise<string[] | null> {
    const table = scope === 'name' ? T.productWords : T.textWords;
    return remember(JSON.stringify(['words', scope, word, most]), async () => {
      const end = `${word}\u{10FFFF}`;
      const { rows } = (await knex().raw(
        `WITH RECURSIVE found(word, n) AS (
           SELECT (SELECT min(word) FROM ${table} WHERE word >= ? AND word < ?), 1
           UNION ALL
           SELECT (SELECT min(word) FROM ${table} WHERE word > found.word AND word < ?), found.n + 1
           FROM found WHERE found.word IS NOT NULL AND found.n <= ?
         )
         SELECT word FROM found WHERE word IS NOT NULL`,
        [word, end, end, most],
      )) as { rows: { word: string }[] };
      return rows.length > most ? null : rows.map((row) => row.word);
    });
  }

  /** The whole words a word of the plan stands for: a typed word, those it begins (null: too many). */
  function wholeWords(w: Word, scope: 'name' | 'text' = 'name', most = WALK_WORDS): Promise<string[] | null> {
    return w.prefix ? wordsBeginning(w.word, scope, most) : Promise.resolve([w.word]);
  }

  /**
   * One statement after `SET LOCAL settings` (PostgreSQL), for it alone, in one round trip: sent as
   * one message of the simple protocol, which runs it all as one transaction, its values written in
   * as literals (a transaction of its own with parameters takes four trips, each a write to the
   * database's socket: most of what a search cost the CMS). `preparedAs`: the statement is prepared
   * under that prefix and a digest of its text (on each connection, with `PREPARE` on the
   * connection's first trip) and run with `EXECUTE`, to be planned once. Values that could not be
   * written in plainly (a `?` or a backslash) take the four trips. The statement is reported as knex
   * reports its own (`query` events). knex compiles the statement once.
   */
  async function settled(settings: string[], statement: Knex.QueryBuilder | Knex.Raw, preparedAs?: string) {
    const compiled = statement.toSQL();
    const { sql, bindings } = compiled;
    const prepared =
      preparedAs && `${preparedAs}_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    const values = bindings.map(literal);
    if (values.some((value) => value === null)) {
      return knex().transaction(async (trx) => {
        for (const setting of settings) await trx.raw(`SET LOCAL ${setting}`);
        const result = (await trx.raw(sql, bindings as Knex.RawBinding[])) as { rows: Row[] };
        return result.rows;
      });
    }
    const client = knex().client as unknown as {
      acquireConnection(): Promise<PgConnection>;
      releaseConnection(connection: PgConnection): Promise<void>;
      emit(
        event: 'query',
        query: { sql: string; bindings: unknown[]; method: 'raw'; __knexUid?: string },
      ): void;
    };
    const connection = await client.acquireConnection();
    try {
      const kept = preparedOn.get(connection) ?? new Set<string>();
      preparedOn.set(connection, kept);
      const parts = settings.map((setting) => `SET LOCAL ${setting}`);
      // With PostgreSQL's placeholders ($1, $2…), as knex numbers them.
      const positioned = compiled.toNative().sql;
      if (prepared) {
        if (!kept.has(prepared)) parts.unshift(`PREPARE ${prepared} AS ${positioned}`);
        parts.push(values.length ? `EXECUTE ${prepared}(${values.join(', ')})` : `EXECUTE ${prepared}`);
      } else {
        parts.push(positioned.replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1] as string));
      }
      const send = async (text: string) => {
        client.emit('query', { sql: text, bindings: [], method: 'raw', __knexUid: connection.__knexUid });
        const results = await connection.query(text);
        return (Array.isArray(results) ? results[results.length - 1] : results).rows;
      };
      try {
        const rows = await send(parts.join(';\n'));
        if (prepared) kept.add(prepared);
        return rows;
      } catch (error) {
        // Prepared on a trip that failed after it (a prepared statement outlives its transaction).
        if (!prepared || (error as { code?: string }).code !== DUPLICATE_PREPARED) throw error;
        kept.add(prepared);
        return send(parts.slice(1).join(';\n'));
      }
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /**
   * Whether a search is of products with no filter but its words (PostgreSQL): what the tables of
   * the names' words answer.
   */
  function namesOnly(query: SearchQuery): boolean {
    return (
      dialect() === 'postgres' &&
      query.type === 'products' &&
      [
        query.category,
        query.commune,
        query.licenceType,
        query.ocopStars,
        query.priceMin,
        query.priceMax,
      ].every((value) => value === undefined)
    );
  }

  /** Whether a search's pages may walk the names' word lists: products, by name, no filter but words. */
  function walkable(query: SearchQuery): boolean {
    return namesOnly(query) && (query.sort === 'relevance' || query.sort === 'name');
  }

  /**
   * At least how many listed products hold both slots of a two-word search in their names
   * (PostgreSQL, no filter), as a statement: the most held pair of a whole word of one slot and one
   * of the other, from `pub_name_pairs` (one index read). Every product holding such a pair is a
   * result. Null when it knows nothing: other numbers of slots, a slot of phrases only (a phrase is
   * held only with its other words), a typed word beginning too many words. The statement's text,
   * not a builder: a builder is run when a promise resolves to it.
   */
  async function heldTogether(query: SearchQuery, slots: Slot[]): Promise<Knex.Sql | null> {
    if (slots.length !== 2 || !namesOnly(query)) return null;
    const [first, second] = await Promise.all(
      slots.map(async (slot) => {
        const words = new Set<string>();
        for (const alternative of slot.alternatives) {
          if (alternative.length !== 1) continue;
          for (const word of (await wholeWords(alternative[0])) ?? []) words.add(word);
        }
        return [...words];
      }),
    );
    if (first.length === 0 || second.length === 0) return null;
    return knex()(T.namePairs)
      .max('items')
      .where((w) => w.whereIn('a', first).whereIn('b', second))
      .orWhere((w) => w.whereIn('a', second).whereIn('b', first))
      .toSQL();
  }

  /**
   * What PostgreSQL's statistics (`ANALYZE`) say of the listed products: about how many there are,
   * and the share of them holding each of the most common words of their names and searched text.
   */
  function statistics(): Promise<{ products: number; shares: Record<'name' | 'text', Map<string, number>> }> {
    return remember('statistics', async () => {
      const { rows } = (await knex().raw(
        `SELECT s.attname, s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs AS shares,
                (SELECT c.reltuples FROM pg_class c WHERE c.oid = ?::regclass) AS products
         FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = ? AND s.attname IN ('name_tsv', 'text_tsv')`,
        [T.products, T.products],
      )) as {
        rows: { attname: string; words: string[] | null; shares: number[] | null; products: number }[];
      };
      const sharesOf = (column: string) => {
        const row = rows.find((r) => r.attname === column);
        return new Map((row?.words ?? []).map((word, i) => [word, Number(row?.shares?.[i] ?? 0)]));
      };
      return {
        products: Number(rows[0]?.products ?? 0),
        shares: { name: sharesOf('name_tsv'), text: sharesOf('text_tsv') },
      };
    });
  }

  /**
   * About which share of the products holds a slot, from the statistics' common words (a word they
   * do not name counts as none: it is rarer than those they name).
   */
  function shareOfSlot(slot: Slot, shares: Map<string, number>): number {
    return Math.min(
      1,
      // Items holding an alternative hold each of its words: its rarest word's share bounds it.
      slot.alternatives.reduce(
        (sum, alternative) => sum + Math.min(...alternative.map((w) => shareOfWord(w, shares))),
        0,
      ),
    );
  }

  /** About which share of the products holds a word (a typed word: the words it begins). */
  function shareOfWord(w: Word, shares: Map<string, number>): number {
    if (!w.prefix) return shares.get(w.word) ?? 0;
    let summed = beginningShares.get(shares);
    if (!summed || summed.size >= KNOWN_MAX_ENTRIES) beginningShares.set(shares, (summed = new Map()));
    let sum = summed.get(w.word);
    if (sum !== undefined) return sum;
    sum = 0;
    for (const [word, share] of shares) {
      // A word with its tone (Telex: "thanhf") is in the same items as the word without it.
      const toned = /[frxsj]$/.test(word) && shares.has(word.slice(0, -1));
      if (word.startsWith(w.word) && !toned) sum += share;
    }
    summed.set(w.word, sum);
    return sum;
  }

  /**
   * The word of an alternative (the words of a regional phrase: "cá lóc", "cá quả") held by the
   * fewest products: every item holding the alternative holds it. Of words the statistics do not
   * name, the longest (a longer beginning begins fewer words).
   */
  function rarest(alternative: Alternative, shares: Map<string, number>): Word {
    let best = alternative[0] as Word;
    let bestShare = shareOfWord(best, shares);
    for (const w of alternative.slice(1)) {
      const share = shareOfWord(w, shares);
      if (share < bestShare || (share === bestShare && w.word.length > best.word.length)) {
        best = w;
        bestShare = share;
      }
    }
    return best;
  }

  /**
   * The same condition as `text(…)` on products (PostgreSQL), written so that the full-text index
   * reads little: typed words that begin a few words are looked up as those whole words (the index
   * then skips through long lists, where a word's beginning makes it read every item of every word
   * it begins); other word beginnings too, unless common (held by `COMMON_SHARE` of the products
   * or more, as PostgreSQL's statistics say): those are checked on the items the index finds. When
   * every slot would be checked, the least common is looked up.
   */
  async function narrowed(slots: Slot[], scope: 'name' | 'text'): Promise<Condition[]> {
    const group = joinedQuery;
    const shares = (await statistics()).shares[scope];
    const shareOf = (slot: Slot) => shareOfSlot(slot, shares);
    // Each slot as whole words (null: its words begin too many), and how common it is.
    const written = await Promise.all(
      slots.map(async (slot) => {
        const alternatives: string[] = [];
        for (const alternative of slot.alternatives) {
          const words: string[] = [];
          for (const w of alternative) {
            const whole = await wholeWords(w, scope);
            if (!whole || whole.length > NARROW_WORDS) return { slot, whole: null, share: shareOf(slot) };
            words.push(whole.length ? group(whole, ' | ') : w.word);
          }
          alternatives.push(group(words, ' & '));
        }
        return { slot, whole: group(alternatives, ' | '), share: shareOf(slot) };
      }),
    );
    // Looked up: whole words (the index skips through long lists), and word beginnings that are
    // not common; checked: common word beginnings, unless every slot is one (the least common then).
    let looked = written.filter((w) => w.whole !== null || w.share < COMMON_SHARE);
    if (looked.length === 0) looked = [written.reduce((a, b) => (b.share < a.share ? b : a))];
    const checked = written.filter((w) => !looked.includes(w)).map((w) => w.slot);
    const lookedUp = looked.map(
      (w) => w.whole ?? textCondition(dialect(), [w.slot], scope, 'p', T.productsText).bindings[0],
    );
    const conditions = [
      { sql: `p.${scope}_tsv @@ to_tsquery('simple', ?)`, bindings: [lookedUp.join(' & ')] },
    ];
    if (checked.length) {
      const check = textCondition(dialect(), checked, scope, 'p', T.productsText);
      // Not an indexable form: checked on each item the index found.
      conditions.push({ sql: `(${check.sql}) IS TRUE`, bindings: check.bindings });
    }
    return conditions;
  }

  /** The filters of a search on products (`p`) or sellers (`s`), besides its words. */
  function filters(query: SearchQuery, today: string) {
    const products = query.type === 'products';
    const alias = products ? 'p' : 's';
    return (qb: Knex.QueryBuilder) => {
      if (products) qb.where('p.listed', 1);
      if (products && query.category) {
        const category = query.category;
        qb.whereIn('p.category_id', (sub) =>
          sub
            .from(T.categories)
            .select('document_id')
            .where('slug', category)
            .orWhereIn('parent_id', (parent) =>
              parent.from(T.categories).select('document_id').where('slug', category),
            ),
        );
      }
      if (query.commune) qb.where(`${alias}.commune`, query.commune);
      if (query.licenceType || query.ocopStars) {
        const [table, owner] = products ? [T.productLicences, 'product_id'] : [T.sellerLicences, 'seller_id'];
        qb.whereExists((sub) => {
          sub
            .from(`${table} as l`)
            .select(knex().raw('1'))
            .whereRaw(`l.${owner} = ${alias}.document_id`)
            .where((w) => w.whereNull('l.expires_on').orWhere('l.expires_on', '>=', today));
          if (query.licenceType) sub.where('l.type', query.licenceType);
          if (query.ocopStars) sub.where('l.type', 'ocop').where('l.stars', query.ocopStars);
        });
      }
      if (products && query.priceMin !== undefined) qb.where('p.price_high', '>=', query.priceMin);
      if (products && query.priceMax !== undefined) qb.where('p.price_low', '<=', query.priceMax);
    };
  }

  /**
   * The groups a search's results come in, in order, each a list of conditions over the items: by
   * relevance, names holding the words as typed, then names holding them as corrected (a tolerant
   * search), then the others (words found in the description, address); one group for the other
   * orders.
   */
  function groups(
    query: SearchQuery,
    slots: Slot[],
    typed: Slot[],
    scope: 'name' | 'text' = 'text',
  ): Condition[][] {
    const all = slots.length ? [text(query, slots, scope)] : [];
    if (query.sort !== 'relevance' || slots.length === 0) return [all];
    const names = typed === slots ? [typed] : [typed, slots];
    // A name holding the words holds them in the searched text too: its condition alone says it.
    return [
      ...names.map((current, i) => [
        text(query, current, 'name'),
        ...(i > 0 ? all : []),
        ...names.slice(0, i).map((before) => text(query, before, 'name', true)),
      ]),
      [...all, ...names.map((before) => text(query, before, 'name', true))],
    ];
  }

  /**
   * ORDER BY within a group; every order ends on the slug (or id), so that pages never overlap.
   * `sorted: true` writes the same order as expressions no index matches: PostgreSQL then finds the
   * group through the full-text index and sorts it, instead of walking an index in order through
   * items that do not match (see `pageOf`).
   */
  function order(query: SearchQuery, sorted = false): string {
    const alias = query.type === 'products' ? 'p' : 's';
    const text = (column: string) => (sorted ? `${column} || ''` : column);
    const number = (column: string) => (sorted ? `${column} + 0` : column);
    const byName = `${text(`${alias}.name_key`)}, ${alias}.slug`;
    switch (query.sort) {
      case 'newest':
        return `${text(`${alias}.published_at`)} DESC, ${alias}.id DESC`;
      case 'price_asc':
        return `${number('p.price_low')} ASC NULLS LAST, ${byName}`;
      case 'price_desc':
        return `${number('p.price_high')} DESC NULLS LAST, ${byName}`;
      default:
        return byName;
    }
  }

  /**
   * How many items a search finds: with words, counted up to `SEARCH_COUNT_LIMIT`, past which it
   * says "more" (a count reads every item it counts; a common word matches tens of thousands of
   * items nobody pages through);
   * without, exactly (the list's indexes count). One statement, kept with the answers: one count for
   * every page and order of the same search.
   */
  async function total(query: SearchQuery, slots: Slot[], scope: 'name' | 'text', today: string) {
    const key = JSON.stringify([
      'total',
      query.type,
      scope,
      slots.map((slot) => slot.alternatives),
      [query.category, query.licenceType, query.ocopStars, query.commune, query.priceMin, query.priceMax],
    ]);
    const counted = await model().answers.get(key, async () => {
      if (slots.length === 0) return countOf(query, [], today, null);
      if (query.type !== 'products' || dialect() !== 'postgres')
        return countOf(query, [text(query, slots, scope)], today, COUNTED);
      // Names hold their words in the searched text too, and are fewer: when they alone are likely
      // to reach the count's limit (as the statistics make it, the words taken as independent),
      // they are counted first, and the limit reached stops there.
      const likely = await likelyInNames(slots);
      const everywhere = counting(query, await narrowed(slots, scope), today, COUNTED);
      let count: Knex.QueryBuilder | Knex.Raw = everywhere;
      // In one statement, each count run only when what comes before it does not reach the limit
      // (PostgreSQL runs a subquery of CASE only when its branch is taken).
      if (scope === 'text' && likely >= NAMES_FIRST_FROM) {
        // Names hold their words in the searched text too, and are fewer: counted first.
        const names = counting(query, await narrowed(slots, 'name'), today, COUNTED).toSQL();
        const rest = everywhere.toSQL();
        count = knex().raw(
          `SELECT CASE WHEN c.n >= ${COUNTED} THEN c.n ELSE (${rest.sql}) END AS n FROM (${names.sql}) c`,
          [...rest.bindings, ...names.bindings] as Knex.RawBinding[],
        );
      }
      // Two words held together by enough names: not counted at all (a count of two common words
      // reads every item of one of them, more with every product added).
      const held = await heldTogether(query, slots);
      if (held) {
        const rest = count.toSQL();
        count = knex().raw(
          `SELECT CASE WHEN (${held.sql}) >= ${COUNTED} THEN ${COUNTED} ELSE (SELECT c.n FROM (${rest.sql}) c) END AS n`,
          [...held.bindings, ...rest.bindings] as Knex.RawBinding[],
        );
      }
      return indexedCount(count);
    });
    if (slots.length === 0) return { total: counted, capped: false };
    return { total: Math.min(counted, SEARCH_COUNT_LIMIT), capped: counted >= COUNTED };
  }

  /** About how many listed names hold every slot, as the statistics make it (the words independent). */
  async function likelyInNames(slots: Slot[]): Promise<number> {
    const { products, shares } = await statistics();
    return slots.reduce((n, slot) => n * shareOfSlot(slot, shares.name), products);
  }

  /** The statement counting the items meeting `conditions` and the filters, up to `limit` (or all). */
  function counting(query: SearchQuery, conditions: Condition[], today: string, limit: number | null) {
    const db = knex();
    const rows = db(query.type === 'products' ? `${T.products} as p` : `${T.sellers} as s`)
      .modify(filters(query, today))
      .select(db.raw('1'));
    for (const condition of conditions) rows.whereRaw(condition.sql, condition.bindings);
    if (limit !== null) rows.limit(limit);
    return db.count({ n: '*' }).from(rows.as('counted'));
  }

  /** The items meeting `conditions` and the filters, counted up to `limit` (or all). */
  async function countOf(query: SearchQuery, conditions: Condition[], today: string, limit: number | null) {
    const counted = (await counting(query, conditions, today, limit).first()) as
      { n: number | string } | undefined;
    return Number(counted?.n ?? 0);
  }

  /**
   * A count (PostgreSQL) through the full-text index only. Counting up to a limit, PostgreSQL may
   * read the table in order, expecting the matches spread evenly; they are not (the table is in name
   * order, and names share their words): the whole table read for a word of names at its end.
   */
  async function indexedCount(statement: Knex.QueryBuilder | Knex.Raw): Promise<number> {
    const [counted] = await settled(['enable_seqscan = off'], statement);
    return Number(counted?.n ?? 0);
  }

  /**
   * One page of a search: the groups in order, each read for the part of the page it fills (one
   * statement when the page lies in one group), and the total (one count).
   */
  async function find(
    query: SearchQuery,
    slots: Slot[],
    typed: Slot[] = slots,
    scope: 'name' | 'text' = 'text',
  ): Promise<Found> {
    const today = todayInVietnam();
    const products = query.type === 'products';
    const atOnce = await countedWithPage(query, slots, typed, scope, today);
    if (atOnce && !atOnce.capped) return atOnce;
    // The count first: it says whether there is a page at all, and whether the words match so many
    // items (more than the count counts) that the page's may come first in its order (`pageOf`).
    const counted = atOnce ?? (await total(query, slots, scope, today));
    const rows: Row[] = [];
    let skip = (query.page - 1) * query.pageSize;
    let need = counted.capped || counted.total > skip ? query.pageSize : 0;
    for (const group of groups(query, slots, typed, scope)) {
      if (need === 0) break;
      const page = await pageOf(query, group, need, skip, today, counted.capped, counted.total);
      rows.push(...page);
      need -= page.length;
      // The group ended in this page, or before it: how far before (at most `skip` items).
      if (need > 0 && skip > 0) {
        skip = page.length > 0 ? 0 : skip - (await countOf(query, group, today, skip));
      }
    }
    return {
      items: rows.map((row) =>
        products ? productJson(row, today, query.view) : sellerJson(row, 'summary', today),
      ),
      total: counted.total,
      capped: counted.capped,
    };
  }

  /**
   * The count and the page of a search of products in one statement (PostgreSQL), when its words are
   * not likely to find more items than the count counts: the items found (at most `COUNTED`, with
   * their order's columns and, by relevance, whether their names hold the words, through the
   * full-text index as `total` counts them) are counted and, below the limit, sorted, and the page's
   * are read. Counting, then reading the page, read the same items twice in two statements. Null
   * where it does not apply (SQLite, sellers, a tolerant search's second try, a page past the count,
   * words likely common in names); the count alone, capped, when there were more (then `find` goes
   * on as without it, the count known).
   */
  async function countedWithPage(
    query: SearchQuery,
    slots: Slot[],
    typed: Slot[],
    scope: 'name' | 'text',
    today: string,
  ): Promise<Found | null> {
    const skip = (query.page - 1) * query.pageSize;
    if (
      dialect() !== 'postgres' ||
      query.type !== 'products' ||
      slots.length === 0 ||
      typed !== slots ||
      scope !== 'text' ||
      skip + query.pageSize > SEARCH_COUNT_LIMIT
    )
      return null;
    if ((await likelyInNames(slots)) >= NAMES_FIRST_FROM) return null;
    const db = knex();
    const relevance = query.sort === 'relevance';
    const found = db(`${T.products} as p`)
      .modify(filters(query, today))
      .select('p.id', 'p.name_key', 'p.slug', 'p.published_at', 'p.price_low', 'p.price_high')
      .limit(COUNTED);
    // By relevance, whether the name holds the words, worked out as the items are found: carrying
    // each name's words (`name_tsv`) to the sort instead made the sort cost PostgreSQL twice as much.
    if (relevance) {
      const named = text(query, slots, 'name');
      found.select(db.raw(`(${named.sql}) AS named`, named.bindings));
    }
    for (const condition of await narrowed(slots, scope)) found.whereRaw(condition.sql, condition.bindings);
    // Two words held together by enough names: more than the count counts, nothing read.
    const held = await heldTogether(query, slots);
    if (held) found.whereRaw('NOT (SELECT h.capped FROM h)');
    // By relevance, names holding the words first (as `groups`), each part in the order's order;
    // sorted only when the count is below the limit (a condition PostgreSQL checks once).
    const sorted = relevance ? `p.named DESC, ${order(query)}` : order(query);
    // The page's items taken first, then numbered: numbering the items found in the order's order
    // sorted them all, where a sort that keeps only the page compares far fewer names' sort keys
    // (long, and alike at their start): 919 items found by "chu tuoi", 5.2 → 3.0 ms.
    const pageItems = db
      .from('found as p')
      .select('p.*')
      .whereRaw(`(SELECT n.total FROM n) < ${COUNTED}`)
      .orderByRaw(sorted)
      .limit(query.pageSize)
      .offset(skip);
    const ids = db
      .from(pageItems.as('p'))
      .select('p.id', db.raw(`row_number() OVER (ORDER BY ${sorted}) AS ord`));
    const page = selectProducts(
      db(`${T.products} as p`).join(ids.as('o'), 'o.id', 'p.id'),
      query.view,
    ).select('o.ord');
    const [f, pg] = [found.toSQL(), page.toSQL()];
    const heldPart = held ? `h AS (SELECT COALESCE((${held.sql}), 0) >= ${COUNTED} AS capped), ` : '';
    const statement = db.raw(
      `WITH ${heldPart}found AS MATERIALIZED (${f.sql}), n AS (SELECT count(*) AS total FROM found)
       SELECT n.total, ${held ? '(SELECT h.capped FROM h)' : 'FALSE'} AS held, x.*
       FROM n LEFT JOIN (${pg.sql}) x ON TRUE ORDER BY x.ord`,
      [...(held?.bindings ?? []), ...f.bindings, ...pg.bindings] as Knex.RawBinding[],
    );
    const rows = await settled(['enable_seqscan = off'], statement);
    const total = Number(rows[0]?.total ?? 0);
    if (rows[0]?.held === true || total >= COUNTED)
      return { items: [], total: SEARCH_COUNT_LIMIT, capped: true };
    return {
      items: rows.filter((row) => row.body != null).map((row) => productJson(row, today, query.view)),
      total,
      capped: false,
    };
  }

  /**
   * One page of a group, in one statement that reads as little as it can. Words found in fewer
   * items than the count counts (`common` false): the full-text index finds the group's items, which
   * are sorted. Words found in more: first the items that come first in the page's order
   * (`SEARCH_PROBE` of them, read in order through the order's index, which is also the table's
   * physical order for names), their words checked; when they hold the page, that is it (words
   * common across the catalogue); otherwise the index finds them, as for rarer words.
   */
  async function pageOf(
    query: SearchQuery,
    group: Condition[],
    need: number,
    skip: number,
    today: string,
    common: boolean,
    total: number,
  ) {
    const names = group.length === 1 ? group[0].names : undefined;
    if (
      names &&
      skip + need <= WALK_ITEMS &&
      walkable(query) &&
      (common || (await fewSteps(names, skip + need, total)))
    ) {
      const walked = await walkNames(names, group[0], need, skip, query.view);
      if (walked) return walked;
    }
    const products = query.type === 'products';
    const [table, alias] = products ? [T.products, 'p'] : [T.sellers, 's'];
    const shape = (from: Knex.QueryBuilder, sorted: boolean) => {
      const qb = products ? selectProducts(from, query.view) : from.select('s.summary', 's.fresh_until');
      for (const condition of group) qb.whereRaw(condition.sql, condition.bindings);
      return qb.orderByRaw(order(query, sorted)).limit(need).offset(skip);
    };
    const first = knex()(`${table} as ${alias}`)
      .select(`${alias}.*`)
      .modify(filters(query, today))
      .orderByRaw(order(query))
      .limit(SEARCH_PROBE);
    const probe = shape(knex().from(first.as(alias)), false);
    const indexed = shape(knex()(`${table} as ${alias}`).modify(filters(query, today)), true);
    // Words matching fewer items than the count counts: the index finds them all, and sorting a few
    // hundred costs less than reading the first items in order for nothing.
    if (!common) return (await indexed) as Row[];
    const enough = `(SELECT count(*) FROM probe) >= ${need}`;
    const statement = knex()
      .with('probe', probe)
      .select('*')
      .from('probe')
      .whereRaw(enough)
      .unionAll((union) => union.select('*').from(indexed.as('indexed')).whereRaw(`NOT ${enough}`));
    return (await statement) as Row[];
  }

  /**
   * Whether walking the names of `slots` (`walkNames`) likely finds `wanted` of the `total` items
   * found in fewer steps than the full-text index would read items. One slot: every step is a name
   * of the page. Several, found in few items: the walk may step through most names holding the
   * least common slot for the few holding all ("cai thanh" at 100,000 products: 119 names of 8,335
   * and 13,946, 130 ms of steps), where the index reads the 119 at once; the steps are about
   * `wanted` × the names of the least common slot ÷ the items holding all (the statistics' share).
   */
  async function fewSteps(slots: Slot[], wanted: number, total: number): Promise<boolean> {
    if (slots.length === 1) return true;
    if (total === 0) return false;
    const { products, shares } = await statistics();
    const least = Math.min(...slots.map((slot) => shareOfSlot(slot, shares.name))) * products;
    return (wanted * least) / total <= total;
  }

  /**
   * A page of listed products whose names hold `slots`, in name order, without reading the others:
   * the word lists of `pub_product_words` (each in name order) are walked side by side, each jumping
   * to the first name at or after the furthest one seen (one index read per word and step), so that
   * a page costs about as many steps as it has names however many items hold the words. A slot's
   * list: the words its alternatives begin with (a typed word: the words of names it begins); when
   * that says more than the slot (a regional phrase of two words) or a typed word begins too many
   * words to walk, the names the walk stops at are checked. Null when no slot has a list: the
   * full-text index finds the page then.
   */
  async function walkNames(
    slots: Slot[],
    condition: Condition,
    need: number,
    skip: number,
    view: ProductView,
  ) {
    const lists: string[][] = [];
    let checked = false;
    const shares = (await statistics()).shares.name;
    const most = slots.length === 1 ? WALK_WORDS_ALONE : WALK_WORDS;
    for (const slot of slots) {
      // The names holding a slot hold one of the words its alternatives begin with: of an
      // alternative of several words, the rarest (the walk then reads the fewest names).
      let words: Set<string> | null = new Set<string>();
      for (const alternative of slot.alternatives) {
        if (alternative.length > 1) checked = true;
        const w = rarest(alternative, shares);
        const whole = await wholeWords(w, 'name', most);
        if (whole === null) {
          words = null;
          break;
        }
        for (const word of whole) words.add(word);
      }
      if (words === null) checked = true;
      else lists.push([...words]);
    }
    if (lists.length === 0) return null;
    if (lists.some((list) => list.length === 0)) return [];
    lists.sort((a, b) => a.length - b.length);
    const bindings: unknown[] = [];
    // The first name at or after `from` in the lists of `words`.
    const next = (words: string[], from: string) => {
      // One form for one word or many: fewer statement texts to prepare.
      bindings.push(`{${words.map((word) => `"${word.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
      return `(SELECT x.k, x.s FROM unnest(?::text[]) t(word)
        CROSS JOIN LATERAL (SELECT w.name_key AS k, w.slug AS s FROM ${T.productWords} w
          WHERE w.word = t.word AND (w.name_key, w.slug) >= (${from}.k, ${from}.s)
          ORDER BY w.name_key, w.slug LIMIT 1) x
        ORDER BY x.k, x.s LIMIT 1)`;
    };
    const steps = lists.map(
      (words, i) => `CROSS JOIN LATERAL ${next(words, i === 0 ? 'walk' : `a${i - 1}`)} a${i}`,
    );
    const last = `a${lists.length - 1}`;
    const same = `${last}.k = a0.k AND ${last}.s = a0.s`;
    const check = checked
      ? ` AND EXISTS (SELECT 1 FROM ${T.products} p WHERE p.listed = 1 AND p.name_key = a0.k AND p.slug = a0.s AND ${condition.sql})`
      : '';
    if (checked) bindings.push(...condition.bindings);
    bindings.push(skip + need);
    // The state: where the lists are read from next (k, s), the name found at this step (hk, hs), and
    // how many were found. Past a name found, the next one is read from just after it (slug + \x01).
    const walk = knex().raw(
      `SELECT ''::text COLLATE "C", ''::text COLLATE "C", NULL::text COLLATE "C", NULL::text COLLATE "C", 0
       UNION ALL
       SELECT CASE WHEN m.same THEN a0.k ELSE ${last}.k END,
              CASE WHEN m.same THEN a0.s || chr(1) ELSE ${last}.s END,
              CASE WHEN m.hit THEN a0.k END,
              CASE WHEN m.hit THEN a0.s END,
              walk.n + CASE WHEN m.hit THEN 1 ELSE 0 END
       FROM walk ${steps.join(' ')}
       CROSS JOIN LATERAL (SELECT ${same} AS same, (${same})${check} AS hit) m
       WHERE walk.n < ?`,
      bindings,
    );
    const page = selectProducts(
      knex()
        .withRecursive('walk', ['k', 's', 'hk', 'hs', 'n'], walk)
        .from('walk')
        .join(`${T.products} as p`, (on) =>
          on.on('p.name_key', 'walk.hk').andOn('p.slug', 'walk.hs').andOnVal('p.listed', 1),
        ),
      view,
    )
      .orderBy([{ column: 'walk.hk' }, { column: 'walk.hs' }])
      .limit(need)
      .offset(skip);
    // Prepared under a name per statement text (few: one per number of lists, checked or not), and
    // planned once for all words (its plan is the same for any: index reads; PostgreSQL would plan
    // it again at every search, which costs more than the walk itself).
    return settled(['plan_cache_mode = force_generic_plan'], page, 'sgd_walk');
  }

  /** Whether anything matches (for a suggestion): one row looked for. */
  async function any(query: SearchQuery, slots: Slot[]): Promise<boolean> {
    const rows = knex()(query.type === 'products' ? `${T.products} as p` : `${T.sellers} as s`).modify(
      filters(query, todayInVietnam()),
    );
    const condition = text(query, slots, 'text');
    return Boolean(await rows.whereRaw(condition.sql, condition.bindings).first(knex().raw('1 AS found')));
  }

  /** Adds, to each unknown typed word, public words that hold it ("oai" → xoai). */
  async function withInside(slots: Slot[], vocabularyWords: Vocabulary): Promise<Slot[]> {
    return Promise.all(
      slots.map(async (slot) => {
        const word = slot.typed.length === 1 && slot.alternatives.length === 1 ? slot.typed[0] : null;
        if (!word || vocabularyWords.entries.some((e) => e.term.startsWith(word))) return slot;
        const found = (await inside(word)).filter((e) => e.term !== word);
        if (found.length === 0) return slot;
        return {
          ...slot,
          alternatives: [...slot.alternatives, ...found.map((e) => [{ word: e.term, prefix: false }])],
        };
      }),
    );
  }

  async function compute(query: SearchQuery): Promise<string> {
    const slots = plan(query.q);
    const page = { page: query.page, pageSize: query.pageSize };
    let found = await find(query, slots);
    let corrected: string | null = null;
    let suggestion: string | null = null;
    if (slots.length > 0 && found.total < SEARCH_TOLERANCE.fewResults) {
      const known = await words();
      const tolerant = tolerate(slots, known);
      const widened = await withInside(tolerant.slots, known);
      if (JSON.stringify(widened) !== JSON.stringify(slots)) {
        const wider = await find(query, widened, slots);
        if (wider.total > found.total) {
          found = wider;
          corrected = tolerant.corrected;
        }
      }
      if (found.total === 0) {
        const loose = tolerate(slots, known, true);
        if (loose.corrected && (await any(query, loose.slots))) suggestion = loose.corrected;
      }
    }
    const meta: SearchMeta = { corrected, suggestion, capped: found.capped };
    return listJson(found.items, page, found.total, { query, ...meta });
  }

  return {
    /** The answer to a search, as JSON text, through the answer cache (keyed on the plan and filters). */
    search(query: SearchQuery): Promise<string> {
      const key = JSON.stringify([
        'search',
        plan(query.q).map((slot) => [slot.written, slot.alternatives]),
        query.type,
        query.category ?? null,
        query.licenceType ?? null,
        query.ocopStars ?? null,
        query.commune ?? null,
        query.priceMin ?? null,
        query.priceMax ?? null,
        query.sort,
        query.page,
        query.pageSize,
        query.view,
      ]);
      return model().answers.get(key, () => compute({ ...query, q: query.q.trim() }));
    },

    /**
     * Names for the search box as the visitor types (at most `AUTOCOMPLETE_LIMIT`): public names whose
     * words begin with the words typed, the closest first (names that begin with them), then by name.
     */
    suggest(query: SuggestQuery): Promise<string> {
      const slots = plan(query.q);
      const typed = foldVietnamese(query.q)
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .join(' ');
      const key = JSON.stringify(['suggest', query.type, typed, slots.map((slot) => slot.alternatives)]);
      return model().answers.get(key, async () => {
        const answer: Autocomplete = { data: [] };
        if (slots.length === 0) return JSON.stringify({ ...answer, meta: {} });
        const products = query.type === 'products';
        const [table, alias] = products ? [T.products, 'p'] : [T.sellers, 's'];
        // First the names that begin with what was typed, read in order from their index.
        const folded = dialect() === 'postgres' ? `${alias}.name_words COLLATE "C"` : `${alias}.name_words`;
        const beginning = knex()(`${table} as ${alias}`)
          .select(`${alias}.body`, `${alias}.slug`)
          .whereRaw(`${folded} >= ? AND ${folded} < ?`, [typed, `${typed}{`])
          .orderByRaw(`${folded}, ${alias}.slug`)
          .limit(AUTOCOMPLETE_LIMIT);
        if (products) beginning.where('p.listed', 1);
        const names = ((await beginning) as Row[]).map((row) => ({
          name: (JSON.parse(String(row.body)) as { name: string }).name,
          slug: String(row.slug),
        }));
        // Then names holding the words elsewhere, in name order (as a search sorted by name).
        if (names.length < AUTOCOMPLETE_LIMIT) {
          const more = await find(
            { ...emptySearch, type: query.type, q: query.q, sort: 'name', pageSize: AUTOCOMPLETE_LIMIT },
            slots,
            slots,
            'name',
          );
          for (const item of more.items) {
            const { name, slug } = JSON.parse(item) as { name: string; slug: string };
            if (names.length < AUTOCOMPLETE_LIMIT && !names.some((n) => n.slug === slug))
              names.push({ name, slug });
          }
        }
        answer.data = names;
        return JSON.stringify({ ...answer, meta: {} });
      });
    },
  };
};
