-- Diacritics-insensitive search over products and sellers (PostgreSQL only).
-- sgd_fold() mirrors foldVietnamese() in plugins/core: lower case, no tone
-- marks, đ → d, single spaces; SQLite gets the same function from JavaScript,
-- so the search SQL and its results are the same on both databases.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is STABLE (it reads a dictionary); an index needs an IMMUTABLE
-- wrapper that names the dictionary explicitly.
CREATE OR REPLACE FUNCTION sgd_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '\s+', ' ', 'g')) $$;

-- Trigram indexes on exactly the expressions the search service matches.
CREATE INDEX IF NOT EXISTS products_search_trgm ON products
  USING gin (sgd_fold(COALESCE(name, '') || ' ' || COALESCE(description, '')) gin_trgm_ops);
-- Search results are ordered by the folded name, byte-wise on both databases.
CREATE INDEX IF NOT EXISTS products_name_fold_idx ON products (sgd_fold(name) COLLATE "C");
CREATE INDEX IF NOT EXISTS sellers_search_trgm ON sellers
  USING gin (sgd_fold(COALESCE(name, '') || ' ' || COALESCE(address, '') || ' ' || COALESCE(description, '')) gin_trgm_ops);
