import knexFactory, { type Knex } from 'knex';
import type { MigrationContext } from '@sgd/plugin-core';
import { migrations } from '..';
import { createTables, TABLES as T, type Dialect } from '../../read-model/tables';

// SQLite always; PostgreSQL in the suite's PostgreSQL pass (a schema of the server's own database).
const server = process.env.DATABASE_URL?.startsWith('postgres') ? new URL(process.env.DATABASE_URL) : null;
const schema = `product_cards_test_${process.pid}`;
const dialects: Dialect[] = server ? ['sqlite', 'postgres'] : ['sqlite'];

function connect(dialect: Dialect): Knex {
  if (dialect === 'sqlite')
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
  const url = new URL(String(server));
  url.pathname = '/postgres';
  return knexFactory({ client: 'pg', connection: url.toString(), searchPath: [schema, 'public'] });
}

describe.each(dialects)('migration 006: product cards on a read model built before them (%s)', (dialect) => {
  let knex: Knex;
  beforeEach(async () => {
    knex = connect(dialect);
    if (dialect === 'postgres') {
      await knex.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await knex.raw(`CREATE SCHEMA ${schema}`);
    }
    await createTables(knex, dialect);
  });
  afterEach(async () => {
    if (dialect === 'postgres') await knex.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await knex.destroy();
  });

  const migrate = () =>
    knex.transaction(async (trx) =>
      migrations
        .find((m) => m.name === '006-product-cards')
        ?.up({ knex: trx, dialect } as unknown as MigrationContext),
    );
  const built = async () =>
    Number(((await knex(T.state).where('name', 'built').first('value')) as { value: string }).value);

  it('adds the columns to tables made without them, and has the read model built again at the next start', async () => {
    // The tables as an earlier version made them, holding a built read model.
    await knex.raw(`ALTER TABLE ${T.products} DROP COLUMN card`);
    await knex.raw(`ALTER TABLE ${T.sellers} DROP COLUMN label`);
    await knex(T.products).insert({
      document_id: 'p1',
      id: 1,
      slug: 'banh-pia',
      name_key: 'banh pia',
      listed: 1,
      published_at: '2026-01-01',
      updated_at: '2026-01-01',
      name_words: 'banh pia',
      name_marks: '',
      words: 'banh pia',
      body: '{"name":"Bánh pía"}',
    });
    await knex(T.state).where('name', 'built').update({ value: 1796600000000 });

    await migrate();

    expect(await knex(T.products).select('document_id', 'card', 'body')).toEqual([
      { document_id: 'p1', card: '', body: '{"name":"Bánh pía"}' },
    ]);
    expect(await knex.schema.hasColumn(T.sellers, 'label')).toBe(true);
    expect(await built()).toBe(0);
  });

  it('leaves the tables of a new database as they are (made with the columns)', async () => {
    await migrate();
    await migrate();
    expect(await knex.schema.hasColumn(T.products, 'card')).toBe(true);
    expect(await built()).toBe(0);
  });
});
