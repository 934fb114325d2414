import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { AUTOCOMPLETE_LIMIT, SEARCH_TOLERANCE } from '@sgd/config';
import type { Autocomplete, SearchMeta } from '@sgd/contracts';
import { todayInVietnam } from '@sgd/plugin-sellers';
import { listJson, productJson, selectProducts, sellerJson, textCondition } from '../read-model/read';
import {
  createVocabulary,
  plan,
  tolerate,
  type Slot,
  type Vocabulary,
  type VocabularyEntry,
} from '../read-model/spelling';
import { TABLES as T, type Dialect } from '../read-model/tables';
import type { SearchQuery, SuggestQuery } from '../validation/search';
import { catalogService } from './index';

type Row = Record<string, unknown>;

interface Found {
  items: string[];
  total: number;
}

/**
 * Search over the read model (`read-model/`), identical on SQLite and PostgreSQL: the same plan
 * (`read-model/spelling.ts`) becomes a `tsquery` over GIN indexes or an FTS5 query, over the same
 * folded words; the order is the same SQL (name matches first, then the Vietnamese collation key).
 * When the words as typed find little, words typed together, typing errors and words inside longer
 * words are tried too; when nothing matches, a query that finds something is suggested.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => catalogService(strapi, 'read-model');
  const knex = () => strapi.db.connection as unknown as Knex;
  const dialect = (): Dialect => (strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite');
  let vocabulary: Promise<Vocabulary> | null = null;
  let listening = false;

  /** The words of public names, loaded when first needed and again after the read model changed. */
  function words(): Promise<Vocabulary> {
    if (!listening) {
      model().onChange(() => {
        vocabulary = null;
      });
      listening = true;
    }
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

  /** The conditions of a search on products (`p`) or sellers (`s`), text and filters. */
  function conditions(query: SearchQuery, slots: Slot[], today: string) {
    const products = query.type === 'products';
    const alias = products ? 'p' : 's';
    const fts = products ? T.productsText : T.sellersText;
    return (qb: Knex.QueryBuilder) => {
      if (products) qb.where('p.listed', 1);
      if (slots.length > 0) {
        const text = textCondition(dialect(), slots, 'text', alias, fts);
        qb.whereRaw(text.sql, text.bindings);
      }
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

  /** ORDER BY of a search; every order ends on the slug, so that pages never overlap. */
  function order(query: SearchQuery, tiers: Slot[][]): { sql: string; bindings: string[] } {
    const alias = query.type === 'products' ? 'p' : 's';
    const byName = `${alias}.name_key, ${alias}.slug`;
    switch (query.sort) {
      case 'name':
        return { sql: byName, bindings: [] };
      case 'newest':
        return { sql: `${alias}.published_at DESC, ${alias}.id DESC`, bindings: [] };
      case 'price_asc':
        return {
          sql: `CASE WHEN p.price_low IS NULL THEN 1 ELSE 0 END, p.price_low ASC, ${byName}`,
          bindings: [],
        };
      case 'price_desc':
        return {
          sql: `CASE WHEN p.price_high IS NULL THEN 1 ELSE 0 END, p.price_high DESC, ${byName}`,
          bindings: [],
        };
      default: {
        // Relevance: names holding the words as typed (those beginning with the first word first),
        // then names holding them as corrected, then the others (words found in descriptions).
        const fts = query.type === 'products' ? T.productsText : T.sellersText;
        const first = tiers[0]?.[0]?.alternatives[0]?.[0]?.word;
        if (!first) return { sql: byName, bindings: [] };
        const cases = tiers.flatMap((slots) => {
          const name = textCondition(dialect(), slots, 'name', alias, fts);
          return [
            { sql: `${name.sql} AND ${alias}.name_words LIKE ?`, bindings: [...name.bindings, `${first}%`] },
            name,
          ];
        });
        return {
          sql: `CASE ${cases.map((c, i) => `WHEN ${c.sql} THEN ${i}`).join(' ')} ELSE ${cases.length} END, ${byName}`,
          bindings: cases.flatMap((c) => c.bindings),
        };
      }
    }
  }

  /** One page (one statement) and the total (one count the indexes serve). */
  async function find(query: SearchQuery, slots: Slot[], tiers: Slot[][]): Promise<Found> {
    const today = todayInVietnam();
    const where = conditions(query, slots, today);
    const products = query.type === 'products';
    const base = () => knex()(products ? `${T.products} as p` : `${T.sellers} as s`);
    const sort = order(query, tiers);
    const page = (products ? selectProducts(base()) : base().select('s.summary', 's.fresh_until'))
      .modify(where)
      .orderByRaw(sort.sql, sort.bindings)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [rows, counted] = await Promise.all([
      page as Promise<Row[]>,
      base().modify(where).count({ total: '*' }).first() as Promise<{ total: number | string } | undefined>,
    ]);
    return {
      items: rows.map((row) => (products ? productJson(row, today) : sellerJson(row, 'summary', today))),
      total: Number(counted?.total ?? 0),
    };
  }

  async function count(query: SearchQuery, slots: Slot[]): Promise<number> {
    const base = knex()(query.type === 'products' ? `${T.products} as p` : `${T.sellers} as s`);
    const counted = (await base
      .modify(conditions(query, slots, todayInVietnam()))
      .count({ total: '*' })
      .first()) as { total: number | string } | undefined;
    return Number(counted?.total ?? 0);
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
    let found = await find(query, slots, [slots]);
    let corrected: string | null = null;
    let suggestion: string | null = null;
    if (slots.length > 0 && found.total < SEARCH_TOLERANCE.fewResults) {
      const known = await words();
      const tolerant = tolerate(slots, known);
      const widened = await withInside(tolerant.slots, known);
      if (JSON.stringify(widened) !== JSON.stringify(slots)) {
        const wider = await find(query, widened, [slots, widened]);
        if (wider.total > found.total) {
          found = wider;
          corrected = tolerant.corrected;
        }
      }
      if (found.total === 0) {
        const loose = tolerate(slots, known, true);
        if (loose.corrected && (await count(query, loose.slots)) > 0) suggestion = loose.corrected;
      }
    }
    const meta: SearchMeta = { corrected, suggestion };
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
      ]);
      return model().answers.get(key, () => compute({ ...query, q: query.q.trim() }));
    },

    /**
     * Names for the search box as the visitor types (at most `AUTOCOMPLETE_LIMIT`): public names whose
     * words begin with the words typed, the closest first (names that begin with them), then by name.
     */
    suggest(query: SuggestQuery): Promise<string> {
      const slots = plan(query.q);
      const key = JSON.stringify(['suggest', query.type, slots.map((slot) => slot.alternatives)]);
      return model().answers.get(key, async () => {
        if (slots.length === 0) return '{"data":[],"meta":{}}';
        const products = query.type === 'products';
        const [table, alias, fts] = products
          ? [T.products, 'p', T.productsText]
          : [T.sellers, 's', T.sellersText];
        const name = textCondition(dialect(), slots, 'name', alias, fts);
        const first = slots[0].alternatives[0][0].word;
        const qb = knex()(`${table} as ${alias}`)
          .select(`${alias}.body`, `${alias}.slug`)
          .whereRaw(name.sql, name.bindings)
          .orderByRaw(
            `CASE WHEN ${alias}.name_words LIKE ? THEN 0 ELSE 1 END, ${alias}.name_key, ${alias}.slug`,
            [`${first}%`],
          )
          .limit(AUTOCOMPLETE_LIMIT);
        if (products) qb.where('p.listed', 1);
        const rows = (await qb) as Row[];
        const data = rows.map((row) => ({
          name: (JSON.parse(String(row.body)) as { name: string }).name,
          slug: row.slug,
        }));
        return JSON.stringify({ data, meta: {} });
      });
    },
  };
};
