import knexFactory, { type Knex } from 'knex';
import type { MigrationContext } from '@sgd/plugin-core';
import { migrations } from '..';
import { createTables, TABLES as T } from '../../read-model/tables';

describe("SQLite's full-text index of names written before it held their marked words", () => {
  let knex: Knex;
  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await createTables(knex, 'sqlite');
  });
  afterEach(() => knex.destroy());

  const row = (id: number, name_words: string, name_marks: string) => ({
    document_id: `d${id}`,
    id,
    slug: `s${id}`,
    name_key: name_words,
    listed: 1,
    published_at: '2026-01-01',
    updated_at: '2026-01-01',
    name_words,
    name_marks,
    words: name_words,
    body: '{}',
  });
  const namesMatching = async (query: string) =>
    (
      (await knex.raw(`SELECT rowid FROM ${T.productsText} WHERE ${T.productsText} MATCH ? ORDER BY rowid`, [
        `{name_words} : (${query})`,
      ])) as { rowid: number }[]
    ).map((r) => r.rowid);

  it('finds a name by its marked words ("cá quả" added for "cá lóc") once migrated, as new rows are', async () => {
    await knex(T.products).insert([row(1, 'ca qua nuong', 'cas quar nuowng'), row(2, 'mut gung', '')]);
    // As the writer stored them before: the folded words only.
    await knex(T.productsText).insert([
      { rowid: 1, name_words: 'ca qua nuong', words: 'ca qua nuong' },
      { rowid: 2, name_words: 'mut gung', words: 'mut gung' },
    ]);
    expect(await namesMatching('cas AND quar')).toEqual([]);

    const migration = migrations.find((m) => m.name === '004-sqlite-name-marks');
    expect(migration?.dialects).toEqual(['sqlite']);
    await knex.transaction(async (trx) =>
      migration?.up({ knex: trx, dialect: 'sqlite' } as unknown as MigrationContext),
    );

    expect(await namesMatching('cas AND quar')).toEqual([1]);
    // The folded words are still there, and a name without marks is left as it was.
    expect(await namesMatching('ca* AND qua*')).toEqual([1]);
    expect(await knex(T.productsText).where('rowid', 2).first('name_words')).toEqual({
      name_words: 'mut gung',
    });
  });
});
