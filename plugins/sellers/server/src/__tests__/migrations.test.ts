import knexFactory, { type Knex } from 'knex';
import type { MigrationContext } from '@sgd/plugin-core';
import { migrations } from '../migrations';

const numberKey = migrations.find((migration) => migration.name === '001-licence-number-key');

describe('migration 001-licence-number-key', () => {
  let knex: Knex;
  const indexes: string[] = [];

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await knex.schema.createTable('licences', (table) => {
      table.increments('id');
      table.string('number');
      table.string('number_key');
    });
  });
  afterEach(() => knex.destroy());

  it('folds the number of every licence stored without a key, and indexes the key', async () => {
    await knex('licences').insert([
      { number: 'CDĐL-001/2024', number_key: null },
      { number: 'ＡＴＴＰ 12', number_key: null },
      { number: 'OCOP-5', number_key: 'giu-nguyen' },
    ]);
    const context = {
      knex: knex as unknown as Knex.Transaction,
      dialect: 'sqlite',
      table: () => 'licences',
      column: (_uid: string, attribute: string) => (attribute === 'numberKey' ? 'number_key' : attribute),
      createIndex: async ({ name }: { name: string }) => {
        indexes.push(name);
      },
    } as unknown as MigrationContext;
    await numberKey?.up(context);
    expect(await knex('licences').select('number', 'number_key').orderBy('id')).toEqual([
      { number: 'CDĐL-001/2024', number_key: 'cddl001/2024' },
      { number: 'ＡＴＴＰ 12', number_key: 'attp12' },
      { number: 'OCOP-5', number_key: 'giu-nguyen' },
    ]);
    expect(indexes).toEqual(['licences_number_key']);
  });
});
