import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { AUTOCOMPLETE_LIMIT, SEARCH_COUNT_LIMIT, SEARCH_TOLERANCE } from '@sgd/config';
import type { Autocomplete, SearchMeta } from '@sgd/contracts';

/** Items a search page reads first in its order before it asks the full-text index (see `pageOf`). */
const SEARCH_PROBE = 1000;
import { foldVietnamese } from '@sgd/plugin-core';
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

/** A search with no words and no filter, first page: what the autocomplete fills in. */
const emptySearch: SearchQuery = { q: '', type: 'products', sort: 'relevance', page: 1, pageSize: 24 };

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

  /** The text condition of `slots`, over the name or over all the searched text (or its negation). */
  function text(query: SearchQuery, slots: Slot[], scope: 'name' | 'text', negate = false) {
    const products = query.type === 'products';
    const condition = textCondition(
      dialect(),
      slots,
      scope,
      products ? 'p' : 's',
      products ? T.productsText : T.sellersText,
    );
    return { sql: negate ? `NOT (${condition.sql})` : condition.sql, bindings: condition.bindings };
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

  type Condition = { sql: string; bindings: string[] };

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
   * How many items a search finds: with words, counted up to `SEARCH_COUNT_LIMIT` (a count reads
   * every item it counts; a common word matches tens of thousands of items nobody pages through);
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
    const counted = await model().answers.get(key, () =>
      countOf(
        query,
        slots.length ? [text(query, slots, scope)] : [],
        today,
        slots.length ? SEARCH_COUNT_LIMIT : null,
      ),
    );
    return { total: counted, capped: slots.length > 0 && counted >= SEARCH_COUNT_LIMIT };
  }

  /** The items meeting `conditions` and the filters, counted up to `limit` (or all). */
  async function countOf(query: SearchQuery, conditions: Condition[], today: string, limit: number | null) {
    const rows = knex()(query.type === 'products' ? `${T.products} as p` : `${T.sellers} as s`)
      .modify(filters(query, today))
      .select(knex().raw('1'));
    for (const condition of conditions) rows.whereRaw(condition.sql, condition.bindings);
    if (limit !== null) rows.limit(limit);
    const counted = (await knex().count({ n: '*' }).from(rows.as('counted')).first()) as
      { n: number | string } | undefined;
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
    // The count first: it says whether there is a page at all, and whether the words match so many
    // items (more than the count counts) that the page's may come first in its order (`pageOf`).
    const counted = await total(query, slots, scope, today);
    const rows: Row[] = [];
    let skip = (query.page - 1) * query.pageSize;
    let need = counted.capped || counted.total > skip ? query.pageSize : 0;
    for (const group of groups(query, slots, typed, scope)) {
      if (need === 0) break;
      const page = await pageOf(query, group, need, skip, today, counted.capped);
      rows.push(...page);
      need -= page.length;
      // The group ended in this page, or before it: how far before (at most `skip` items).
      if (need > 0 && skip > 0) {
        skip = page.length > 0 ? 0 : skip - (await countOf(query, group, today, skip));
      }
    }
    return {
      items: rows.map((row) => (products ? productJson(row, today) : sellerJson(row, 'summary', today))),
      total: counted.total,
      capped: counted.capped,
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
  ) {
    const products = query.type === 'products';
    const [table, alias] = products ? [T.products, 'p'] : [T.sellers, 's'];
    const shape = (from: Knex.QueryBuilder, sorted: boolean) => {
      const qb = products ? selectProducts(from) : from.select('s.summary', 's.fresh_until');
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
