import knexFactory, { type Knex } from 'knex';
import type { MigrationContext } from '@sgd/plugin-core';
import { migrations } from '..';
import { createTables, TABLES as T } from '../../read-model/tables';

// PostgreSQL only (the pairs are kept by its triggers): run by the suite's PostgreSQL pass.
const server = process.env.DATABASE_URL?.startsWith('postgres') ? new URL(process.env.DATABASE_URL) : null;
const onPostgres = server ? describe : describe.skip;

interface Item {
  id: number;
  name: string;
  listed: 0 | 1;
}

/** The pairs of words of listed names, counted here: what `pub_name_pairs` must hold. */
function expectedPairs(items: Item[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items.filter((i) => i.listed === 1)) {
    const words = [...new Set(item.name.split(' '))].sort();
    for (let i = 0; i < words.length; i += 1)
      for (let j = i + 1; j < words.length; j += 1) {
        const pair = `${words[i]} ${words[j]}`;
        counts[pair] = (counts[pair] ?? 0) + 1;
      }
  }
  return counts;
}

onPostgres('how many listed names hold each pair of words (PostgreSQL)', () => {
  let knex: Knex;
  const schema = `name_pairs_test_${process.pid}`;

  beforeAll(async () => {
    // The server's own database: the suite's template and per-file databases are not touched.
    const url = new URL(String(server));
    url.pathname = '/postgres';
    knex = knexFactory({ client: 'pg', connection: url.toString(), searchPath: [schema, 'public'] });
    await knex.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await knex.raw(`CREATE SCHEMA ${schema}`);
  });
  beforeEach(async () => {
    await knex.raw(`DROP SCHEMA ${schema} CASCADE`);
    await knex.raw(`CREATE SCHEMA ${schema}`);
    await createTables(knex, 'postgres');
  });
  afterAll(async () => {
    await knex.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await knex.destroy();
  });

  const row = ({ id, name, listed }: Item) => ({
    document_id: `d${id}`,
    id,
    slug: `s${id}`,
    name_key: name,
    listed,
    published_at: '2026-01-01',
    updated_at: '2026-01-01',
    name_words: name,
    name_marks: '',
    words: name,
    body: '{}',
  });
  /** What the table holds (pairs no longer held stay at 0: left out). */
  const kept = async () =>
    Object.fromEntries(
      (
        (await knex(T.namePairs).where('items', '>', 0).select('a', 'b', 'items')) as {
          a: string;
          b: string;
          items: string;
        }[]
      ).map((r) => [`${r.a} ${r.b}`, Number(r.items)]),
    );

  it('follows every write: names added, renamed, listed, unlisted and removed, several at once', async () => {
    let items: Item[] = [
      { id: 1, name: 'banh pia sau rieng', listed: 1 },
      { id: 2, name: 'banh pia kim sa', listed: 1 },
      { id: 3, name: 'banh tet la cam', listed: 0 },
      { id: 4, name: 'xoai cat hoa loc', listed: 1 },
    ];
    await knex(T.products).insert(items.map(row));
    expect(await kept()).toEqual(expectedPairs(items));
    expect((await kept())['banh pia']).toBe(2);

    const change = async (id: number, to: Partial<Item>) => {
      items = items.map((item) => (item.id === id ? { ...item, ...to } : item));
      const { name, listed } = items.find((item) => item.id === id) as Item;
      await knex(T.products).where('id', id).update({ name_words: name, name_key: name, listed });
    };
    await change(2, { name: 'banh pia trung muoi' });
    expect(await kept()).toEqual(expectedPairs(items));
    await change(3, { listed: 1 });
    await change(4, { listed: 0 });
    expect(await kept()).toEqual(expectedPairs(items));

    // One statement changing several rows, one of them unlisted and renamed at once.
    items = items.map((item) => ({ ...item, name: `${item.name} ngon`, listed: item.id === 1 ? 0 : 1 }));
    await knex(T.products).update({
      name_words: knex.raw(`name_words || ' ngon'`),
      listed: knex.raw('CASE WHEN id = 1 THEN 0 ELSE 1 END'),
    });
    expect(await kept()).toEqual(expectedPairs(items));

    await knex(T.products).whereIn('id', [2, 3]).delete();
    items = items.filter((item) => item.id !== 2 && item.id !== 3);
    expect(await kept()).toEqual(expectedPairs(items));
    expect((await kept())['banh pia']).toBeUndefined();
  });

  it('counts them for a read model built before they were kept (migration 005), then keeps them', async () => {
    // As before the migration: no table of pairs, nor its triggers.
    await knex.raw(`DROP TABLE ${T.namePairs}`);
    for (const trigger of ['added', 'removed', 'changed'])
      await knex.raw(`DROP TRIGGER pub_name_pairs_${trigger} ON ${T.products}`);
    const items: Item[] = [
      { id: 1, name: 'mat ong hoa nhan', listed: 1 },
      { id: 2, name: 'mat ong rung', listed: 1 },
      { id: 3, name: 'mat ong bac ha', listed: 0 },
    ];
    await knex(T.products).insert(items.map(row));

    const migration = migrations.find((m) => m.name === '005-name-pairs');
    expect(migration?.dialects).toEqual(['postgres']);
    await knex.transaction(async (trx) =>
      migration?.up({ knex: trx, dialect: 'postgres' } as unknown as MigrationContext),
    );
    expect(await kept()).toEqual(expectedPairs(items));
    expect((await kept())['mat ong']).toBe(2);

    const added: Item = { id: 4, name: 'mat ong u minh', listed: 1 };
    await knex(T.products).insert(row(added));
    expect((await kept())['mat ong']).toBe(3);
    expect(await kept()).toEqual(expectedPairs([...items, added]));
  });
});
