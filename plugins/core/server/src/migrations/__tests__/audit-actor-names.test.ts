import knexFactory, { type Knex } from 'knex';
import type { MigrationContext } from '../../lib/migrations';
import { coreMigrations } from '..';

const TABLES: Record<string, string> = {
  'admin::user': 'admin_users',
  'plugin::core.audit-entry': 'sgd_audit_log',
};
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

describe('audit entries written before the log named officers', () => {
  let knex: Knex;
  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await knex.schema.createTable('admin_users', (table) => {
      table.increments('id');
      table.string('firstname');
      table.string('lastname');
    });
    await knex.schema.createTable('sgd_audit_log', (table) => {
      table.increments('id');
      table.integer('actor_id');
      table.string('actor_name');
    });
  });
  afterEach(() => knex.destroy());

  it('get the name, in Vietnamese order, of the admin user who acted, and keep any name they had', async () => {
    await knex('admin_users').insert([
      { id: 1, firstname: 'Minh Chuyên', lastname: 'Lê' },
      { id: 2, firstname: null, lastname: null },
    ]);
    await knex('sgd_audit_log').insert([
      { actor_id: 1, actor_name: null },
      { actor_id: 1, actor_name: 'Tên đã ghi' },
      { actor_id: 2, actor_name: null },
      { actor_id: 9, actor_name: null },
      { actor_id: null, actor_name: null },
    ]);
    const migration = coreMigrations(null).find((m) => m.name === '003-audit-actor-names');
    await knex.transaction(async (trx) =>
      migration?.up({
        knex: trx,
        table: (uid: string) => TABLES[uid],
        column: (_uid: string, attribute: string) => snake(attribute),
      } as unknown as MigrationContext),
    );
    expect(await knex('sgd_audit_log').orderBy('id').pluck('actor_name')).toEqual([
      'Lê Minh Chuyên',
      'Tên đã ghi',
      null,
      null,
      null,
    ]);
  });
});
