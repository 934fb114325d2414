-- Search reads the read model (pub_* tables, created by the catalog plugin), not the products and
-- sellers tables: the folded columns, trigram indexes and sgd_fold() that migrations 001 and 002 put
-- there (on databases created before the read model) are no longer read, and cost every write.
DROP INDEX IF EXISTS products_search_fold_trgm;
DROP INDEX IF EXISTS products_name_fold_public;
DROP INDEX IF EXISTS products_search_trgm;
DROP INDEX IF EXISTS products_name_fold_idx;
DROP INDEX IF EXISTS sellers_search_trgm;
ALTER TABLE products DROP COLUMN IF EXISTS sgd_search, DROP COLUMN IF EXISTS sgd_name;
DROP FUNCTION IF EXISTS sgd_fold(text);
