import type { Knex } from 'knex';

/**
 * The read model of public products and sellers: one row per public item with its answer already
 * serialized (JSON text), the columns its lists filter and sort on, and its folded words under a
 * full-text index (GIN over `tsvector` on PostgreSQL, an FTS5 table on SQLite). Kept by
 * `services/read-model.ts` in the same transaction as the writes it follows.
 */
export const TABLES = {
  // First: a rebuild empties the tables in this order, and these follow pub_products (PostgreSQL).
  namePairs: 'pub_name_pairs',
  productWords: 'pub_product_words',
  textWords: 'pub_text_words',
  products: 'pub_products',
  productLicences: 'pub_product_licences',
  sellers: 'pub_sellers',
  sellerLicences: 'pub_seller_licences',
  categories: 'pub_categories',
  departments: 'pub_departments',
  terms: 'pub_terms',
  state: 'pub_state',
  productsText: 'pub_products_fts',
  sellersText: 'pub_sellers_fts',
} as const;

export type Dialect = 'postgres' | 'sqlite';

const T = TABLES;

/**
 * Statements valid on both databases (types named so that SQLite gives them the right affinity).
 * `key` columns compare byte-wise (PostgreSQL's "C" collation, SQLite's default BINARY), so that the
 * collation keys, slugs and ISO dates sort the same on both.
 */
const common = (key: string) => [
  `CREATE TABLE IF NOT EXISTS ${T.products} (
    document_id ${key} PRIMARY KEY,
    id bigint NOT NULL,
    slug ${key} NOT NULL,
    name_key ${key} NOT NULL,
    seller_id ${key},
    category_id ${key},
    department_id ${key},
    listed smallint NOT NULL,
    commune ${key},
    price_low bigint,
    price_high bigint,
    published_at ${key} NOT NULL,
    updated_at ${key} NOT NULL,
    name_words text NOT NULL,
    name_marks text NOT NULL,
    words text NOT NULL,
    fresh_until ${key},
    card text NOT NULL DEFAULT '',
    body text NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.productLicences} (
    product_id ${key} NOT NULL,
    licence_id ${key} NOT NULL,
    type ${key} NOT NULL,
    stars smallint,
    expires_on ${key},
    PRIMARY KEY (product_id, licence_id)
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.sellers} (
    document_id ${key} PRIMARY KEY,
    id bigint NOT NULL,
    slug ${key} NOT NULL,
    name_key ${key} NOT NULL,
    commune ${key},
    published_at ${key} NOT NULL,
    updated_at ${key} NOT NULL,
    name_words text NOT NULL,
    name_marks text NOT NULL,
    words text NOT NULL,
    fresh_until ${key},
    card text NOT NULL,
    label text NOT NULL DEFAULT '',
    summary text NOT NULL,
    body text NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.sellerLicences} (
    seller_id ${key} NOT NULL,
    licence_id ${key} NOT NULL,
    type ${key} NOT NULL,
    stars smallint,
    expires_on ${key},
    PRIMARY KEY (seller_id, licence_id)
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.categories} (
    document_id ${key} PRIMARY KEY,
    slug ${key} NOT NULL,
    parent_id ${key},
    body text NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.departments} (document_id ${key} PRIMARY KEY, body text NOT NULL)`,
  // Words and two-word names of public items, for typing errors, words typed together and suggestions.
  `CREATE TABLE IF NOT EXISTS ${T.terms} (
    term ${key} PRIMARY KEY,
    joined ${key} NOT NULL,
    display ${key} NOT NULL,
    items bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${T.state} (name ${key} PRIMARY KEY, value bigint NOT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS pub_products_id ON ${T.products} (id)`,
  `CREATE INDEX IF NOT EXISTS pub_products_slug ON ${T.products} (slug)`,
  // Pages in name order (the default), newest first, by id (the sitemap): read in order, stopped early.
  // The name order is also the table's physical order on PostgreSQL (CLUSTER after a rebuild), so that
  // the items a search reads in that order, or that share their first words, sit on few pages.
  'DROP INDEX IF EXISTS pub_products_name',
  `CREATE INDEX IF NOT EXISTS pub_products_listed_name ON ${T.products} (listed, name_key, slug)`,
  `CREATE INDEX IF NOT EXISTS pub_products_newest ON ${T.products} (published_at, id) WHERE listed = 1`,
  `CREATE INDEX IF NOT EXISTS pub_products_listed_id ON ${T.products} (id) WHERE listed = 1`,
  `CREATE INDEX IF NOT EXISTS pub_products_seller ON ${T.products} (seller_id, name_key, slug)`,
  // Filters of search (its pages are ordered by relevance or another key): the column alone.
  'DROP INDEX IF EXISTS pub_products_category',
  'DROP INDEX IF EXISTS pub_products_commune',
  `CREATE INDEX IF NOT EXISTS pub_products_category_id ON ${T.products} (category_id)`,
  `CREATE INDEX IF NOT EXISTS pub_products_commune_code ON ${T.products} (commune)`,
  // Searches sorted by price that match many items are read in price order (see services/search.ts).
  `CREATE INDEX IF NOT EXISTS pub_products_price_low ON ${T.products} (price_low) WHERE listed = 1`,

  `CREATE INDEX IF NOT EXISTS pub_product_licences_type ON ${T.productLicences} (type, product_id)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS pub_sellers_id ON ${T.sellers} (id)`,
  `CREATE INDEX IF NOT EXISTS pub_sellers_slug ON ${T.sellers} (slug)`,
  `CREATE INDEX IF NOT EXISTS pub_sellers_name ON ${T.sellers} (name_key, slug)`,
  `CREATE INDEX IF NOT EXISTS pub_sellers_commune ON ${T.sellers} (commune)`,
  `CREATE INDEX IF NOT EXISTS pub_categories_slug ON ${T.categories} (slug)`,
  `CREATE INDEX IF NOT EXISTS pub_categories_parent ON ${T.categories} (parent_id)`,
  `CREATE INDEX IF NOT EXISTS pub_terms_joined ON ${T.terms} (joined)`,
];

/**
 * The words under a full-text index. PostgreSQL: `tsvector` columns generated from the folded words
 * ('simple' configuration: the words as they are, no stemming or stop words) under GIN, whose prefix
 * search (`ca:*`) serves one- and two-letter words through the index. SQLite: FTS5 tables with
 * prefix indexes for 1 to 3 letters, one row per item (rowid = the item's `id`).
 */
const TEXT: Record<Dialect, string[]> = {
  postgres: [
    `ALTER TABLE ${T.products}
      ADD COLUMN IF NOT EXISTS name_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name_words || ' ' || name_marks)) STORED,
      ADD COLUMN IF NOT EXISTS text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED`,
    `CREATE INDEX IF NOT EXISTS pub_products_price_high ON ${T.products} (price_high DESC NULLS LAST) WHERE listed = 1`,
    `CREATE INDEX IF NOT EXISTS pub_products_name_tsv ON ${T.products} USING gin (name_tsv) WHERE listed = 1`,
    // The search box's suggestions: names that begin with what was typed, in (folded) name order.
    `CREATE INDEX IF NOT EXISTS pub_products_name_words ON ${T.products} (name_words COLLATE "C", slug) WHERE listed = 1`,
    `CREATE INDEX IF NOT EXISTS pub_sellers_name_words ON ${T.sellers} (name_words COLLATE "C", slug)`,
    `CREATE INDEX IF NOT EXISTS pub_products_text_tsv ON ${T.products} USING gin (text_tsv) WHERE listed = 1`,
    `ALTER TABLE ${T.sellers}
      ADD COLUMN IF NOT EXISTS name_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name_words || ' ' || name_marks)) STORED,
      ADD COLUMN IF NOT EXISTS text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED`,
    `CREATE INDEX IF NOT EXISTS pub_sellers_name_tsv ON ${T.sellers} USING gin (name_tsv)`,
    `CREATE INDEX IF NOT EXISTS pub_sellers_text_tsv ON ${T.sellers} USING gin (text_tsv)`,
    // Words found inside longer words ("oai" in "xoai", "khoai") when what was typed finds little.
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE INDEX IF NOT EXISTS pub_terms_joined_trgm ON ${T.terms} USING gin (joined gin_trgm_ops)`,
  ],
  sqlite: [
    `CREATE INDEX IF NOT EXISTS pub_products_price_high ON ${T.products} (price_high DESC) WHERE listed = 1`,
    `CREATE INDEX IF NOT EXISTS pub_products_name_words ON ${T.products} (name_words, slug) WHERE listed = 1`,
    `CREATE INDEX IF NOT EXISTS pub_sellers_name_words ON ${T.sellers} (name_words, slug)`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${T.productsText} USING fts5(name_words, words, prefix='1 2 3')`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${T.sellersText} USING fts5(name_words, words, prefix='1 2 3')`,
  ],
};

/**
 * The triggers of `pub_products` running the functions `<name>_added`, `_removed` and `_changed` once
 * per statement, with the rows it added, removed, or changed (before and after).
 */
const statementTriggers = (name: string) => [
  `DROP TRIGGER IF EXISTS ${name}_added ON ${T.products}`,
  `CREATE TRIGGER ${name}_added AFTER INSERT ON ${T.products}
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${name}_added()`,
  `DROP TRIGGER IF EXISTS ${name}_removed ON ${T.products}`,
  `CREATE TRIGGER ${name}_removed AFTER DELETE ON ${T.products}
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${name}_removed()`,
  `DROP TRIGGER IF EXISTS ${name}_changed ON ${T.products}`,
  `CREATE TRIGGER ${name}_changed AFTER UPDATE ON ${T.products}
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${name}_changed()`,
];

/**
 * The words of listed products' names, each with the names holding it in name order: a search's
 * first page of names is read by walking these lists side by side (`services/search.ts`), a few
 * index reads however large the catalogue, where the full-text index would find every item holding
 * the words and sort them. Kept by triggers on `pub_products` (one statement per write, whichever
 * code writes), from the same `name_tsv` the full-text index reads, so the two always agree.
 */
const productWords = [
  `CREATE TABLE IF NOT EXISTS ${T.productWords} (
    word text COLLATE "C" NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    slug text COLLATE "C" NOT NULL,
    PRIMARY KEY (word, name_key, slug)
  )`,
  // Every word of listed products' searched text, once: what a typed word may begin (never emptied
  // but by a rebuild: a word no longer found costs a search nothing).
  `CREATE TABLE IF NOT EXISTS ${T.textWords} (word text COLLATE "C" PRIMARY KEY)`,
  `CREATE OR REPLACE FUNCTION pub_product_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO ${T.productWords} (word, name_key, slug)
      SELECT DISTINCT w.word, a.name_key, a.slug FROM added a, unnest(tsvector_to_array(a.name_tsv)) w(word)
      WHERE a.listed = 1
      ON CONFLICT DO NOTHING;
    INSERT INTO ${T.textWords} (word)
      SELECT DISTINCT w.word FROM added a, unnest(tsvector_to_array(a.text_tsv)) w(word)
      WHERE a.listed = 1
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$`,
  `CREATE OR REPLACE FUNCTION pub_product_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM ${T.productWords} pw
      USING removed r, unnest(tsvector_to_array(r.name_tsv)) w(word)
      WHERE r.listed = 1 AND pw.word = w.word AND pw.name_key = r.name_key AND pw.slug = r.slug;
    RETURN NULL;
  END $$`,
  `CREATE OR REPLACE FUNCTION pub_product_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM ${T.productWords} pw
      USING removed r JOIN added a ON a.document_id = r.document_id, unnest(tsvector_to_array(r.name_tsv)) w(word)
      WHERE r.listed = 1
        AND (a.listed <> 1 OR a.name_key <> r.name_key OR a.slug <> r.slug OR a.name_tsv <> r.name_tsv)
        AND pw.word = w.word AND pw.name_key = r.name_key AND pw.slug = r.slug;
    INSERT INTO ${T.productWords} (word, name_key, slug)
      SELECT DISTINCT w.word, a.name_key, a.slug
      FROM added a JOIN removed r ON r.document_id = a.document_id, unnest(tsvector_to_array(a.name_tsv)) w(word)
      WHERE a.listed = 1
        AND (r.listed <> 1 OR a.name_key <> r.name_key OR a.slug <> r.slug OR a.name_tsv <> r.name_tsv)
      ON CONFLICT DO NOTHING;
    INSERT INTO ${T.textWords} (word)
      SELECT DISTINCT w.word
      FROM added a JOIN removed r ON r.document_id = a.document_id, unnest(tsvector_to_array(a.text_tsv)) w(word)
      WHERE a.listed = 1 AND (r.listed <> 1 OR a.text_tsv <> r.text_tsv)
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$`,
  ...statementTriggers('pub_product_words'),
];

/**
 * How many listed products hold each pair of words in their names (`a` < `b`, the folded words of
 * `name_words`): a search of two words held together by more than `SEARCH_COUNT_LIMIT` names has
 * more results than it counts, known without counting them (`services/search.ts`). Kept by triggers on
 * `pub_products` like the word lists; a pair no longer held stays at 0. One statement per write,
 * its pairs changed in (a, b) order, so that writes sharing pairs wait for each other, never in a
 * cycle. A removal finds nothing to lower in an empty table (a rebuild empties it first).
 */
const namePairs = [
  `CREATE TABLE IF NOT EXISTS ${T.namePairs} (
    a text COLLATE "C" NOT NULL,
    b text COLLATE "C" NOT NULL,
    items bigint NOT NULL,
    PRIMARY KEY (a, b)
  )`,
  `CREATE OR REPLACE FUNCTION pub_name_pairs_of(words text) RETURNS TABLE (a text, b text)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT w1.word, w2.word
    FROM unnest(tsvector_to_array(to_tsvector('simple', words))) w1(word),
         unnest(tsvector_to_array(to_tsvector('simple', words))) w2(word)
    WHERE w1.word COLLATE "C" < w2.word COLLATE "C"
  $$`,
  `CREATE OR REPLACE FUNCTION pub_name_pairs_added() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO ${T.namePairs} (a, b, items)
      SELECT x.a, x.b, count(*) FROM added p, pub_name_pairs_of(p.name_words) x
      WHERE p.listed = 1
      GROUP BY x.a, x.b ORDER BY x.a, x.b
      ON CONFLICT (a, b) DO UPDATE SET items = ${T.namePairs}.items + excluded.items;
    RETURN NULL;
  END $$`,
  `CREATE OR REPLACE FUNCTION pub_name_pairs_removed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM ${T.namePairs}) THEN RETURN NULL; END IF;
    INSERT INTO ${T.namePairs} (a, b, items)
      SELECT d.a, d.b, -d.n FROM (
        SELECT x.a, x.b, count(*) AS n FROM removed p, pub_name_pairs_of(p.name_words) x
        WHERE p.listed = 1 GROUP BY x.a, x.b) d
      WHERE EXISTS (SELECT 1 FROM ${T.namePairs} e WHERE e.a = d.a AND e.b = d.b)
      ORDER BY d.a, d.b
      ON CONFLICT (a, b) DO UPDATE SET items = ${T.namePairs}.items + excluded.items;
    RETURN NULL;
  END $$`,
  `CREATE OR REPLACE FUNCTION pub_name_pairs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO ${T.namePairs} (a, b, items)
      SELECT d.a, d.b, d.n FROM (
        SELECT c.a, c.b, sum(c.n) AS n FROM (
          SELECT x.a, x.b, 1 AS n
          FROM added p JOIN removed r ON r.document_id = p.document_id, pub_name_pairs_of(p.name_words) x
          WHERE p.listed = 1 AND (r.listed <> 1 OR r.name_words <> p.name_words)
          UNION ALL
          SELECT x.a, x.b, -1
          FROM removed r JOIN added p ON p.document_id = r.document_id, pub_name_pairs_of(r.name_words) x
          WHERE r.listed = 1 AND (p.listed <> 1 OR r.name_words <> p.name_words)
        ) c GROUP BY c.a, c.b HAVING sum(c.n) <> 0) d
      WHERE d.n > 0 OR EXISTS (SELECT 1 FROM ${T.namePairs} e WHERE e.a = d.a AND e.b = d.b)
      ORDER BY d.a, d.b
      ON CONFLICT (a, b) DO UPDATE SET items = ${T.namePairs}.items + excluded.items;
    RETURN NULL;
  END $$`,
  ...statementTriggers('pub_name_pairs'),
];

/** Counts the pairs of words of listed names again from the products (`namePairs`). */
export async function fillNamePairs(knex: Knex): Promise<void> {
  await knex.raw(
    `INSERT INTO ${T.namePairs} (a, b, items)
     SELECT x.a, x.b, count(*) FROM ${T.products} p, pub_name_pairs_of(p.name_words) x
     WHERE p.listed = 1
     GROUP BY x.a, x.b ORDER BY x.a, x.b
     ON CONFLICT (a, b) DO UPDATE SET items = excluded.items`,
  );
}

/** Fills the word tables from the products already listed (a read model built before they existed). */
export async function fillProductWords(knex: Knex): Promise<void> {
  await knex.raw(
    `INSERT INTO ${T.productWords} (word, name_key, slug)
     SELECT DISTINCT w.word, p.name_key, p.slug FROM ${T.products} p, unnest(tsvector_to_array(p.name_tsv)) w(word)
     WHERE p.listed = 1
     ON CONFLICT DO NOTHING`,
  );
  await knex.raw(
    `INSERT INTO ${T.textWords} (word)
     SELECT DISTINCT w.word FROM ${T.products} p, unnest(tsvector_to_array(p.text_tsv)) w(word)
     WHERE p.listed = 1
     ON CONFLICT DO NOTHING`,
  );
}

/**
 * Columns added to the read model after its tables were first created (`CREATE TABLE` holds them for
 * a new database): answer parts, text, empty until the items are built again.
 */
export const ADDED_COLUMNS: [table: string, column: string][] = [
  [T.products, 'card'],
  [T.sellers, 'label'],
];

/** Adds the columns of `ADDED_COLUMNS` a table was created without. */
export async function addColumns(knex: Knex): Promise<void> {
  for (const [table, column] of ADDED_COLUMNS) {
    if (!(await knex.schema.hasColumn(table, column)))
      await knex.raw(`ALTER TABLE ${table} ADD COLUMN ${column} text NOT NULL DEFAULT ''`);
  }
}

/**
 * Creates the read model's tables and indexes (the catalog's migration `002-read-model`), with its
 * state rows; `built` at 0 makes the bootstrap build the read model from the live tables.
 */
export async function createTables(knex: Knex, dialect: Dialect): Promise<void> {
  const key = dialect === 'postgres' ? 'text COLLATE "C"' : 'text';
  const words = dialect === 'postgres' ? [...productWords, ...namePairs] : [];
  for (const sql of [...common(key), ...TEXT[dialect], ...words]) await knex.raw(sql);
  for (const name of ['version', 'built']) {
    await knex.raw(`INSERT INTO ${T.state} (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING`, [
      name,
    ]);
  }
}
