-- Product search reads folded text stored with each row instead of folding every candidate again.
-- sgd_fold() costs about 20 µs a call (unaccent, then a regular expression); a two-word search that
-- matches 4,000 of 100,000 products folded 8,000 name+description texts (drafts too) to recheck
-- the trigram index, then every match's name twice more to order the page: 0.4–0.9 s a query.
-- PostgreSQL keeps these generated columns up to date on every insert and update; Strapi reads
-- only the columns of its models and its schema sync leaves columns it did not create alone.
-- (A later change of the type of products.name or .description must drop these columns first.)
ALTER TABLE products
  ADD COLUMN IF NOT EXISTS sgd_search text
    GENERATED ALWAYS AS (sgd_fold(COALESCE(name, '') || ' ' || COALESCE(description, ''))) STORED,
  ADD COLUMN IF NOT EXISTS sgd_name text
    GENERATED ALWAYS AS (sgd_fold(name)) STORED;

-- The public only ever searches published rows: the indexes leave drafts out.
DROP INDEX IF EXISTS products_search_trgm;
DROP INDEX IF EXISTS products_name_fold_idx;
CREATE INDEX IF NOT EXISTS products_search_fold_trgm ON products
  USING gin (sgd_search gin_trgm_ops) WHERE published_at IS NOT NULL;
-- "Sort by name" (and ties of the relevance order): byte-wise on both databases, slug last.
CREATE INDEX IF NOT EXISTS products_name_fold_public ON products
  (sgd_name COLLATE "C", slug COLLATE "C") WHERE published_at IS NOT NULL;
