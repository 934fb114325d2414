import type { Core } from '@strapi/strapi';
import knexFactory, { type Knex } from 'knex';
import { MIGRATIONS_TABLE, registerMigrations, runMigrations, type Migration } from '../migrations';

/** A Strapi with just what the runner uses, over an in-memory SQLite database. */
function fakeStrapi(knex: Knex): Core.Strapi {
  return {
    db: {
      connection: knex,
      dialect: { client: 'sqlite' },
      metadata: {
        get: (uid: string) => ({
          tableName: uid.split('.').pop(),
          attributes: { dueAt: { columnName: 'due_at' }, state: { columnName: 'state' } },
        }),
      },
    },
    log: { info: () => undefined },
  } as unknown as Core.Strapi;
}

const recorded = async (knex: Knex) =>
  (
    (await knex(MIGRATIONS_TABLE).select('plugin', 'name').orderBy('applied_at')) as {
      plugin: string;
      name: string;
    }[]
  ).map((row) => `${row.plugin}/${row.name}`);

describe('per-plugin migrations', () => {
  let knex: Knex;
  let strapi: Core.Strapi;
  const ran: string[] = [];
  const step = (name: string, extra: Partial<Migration> = {}): Migration => ({
    name,
    up: async () => {
      ran.push(name);
    },
    ...extra,
  });

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    strapi = fakeStrapi(knex);
    ran.length = 0;
    await knex.schema.createTable('tasks', (table) => {
      table.increments('id');
      table.string('state');
      table.bigInteger('due_at');
    });
  });
  afterEach(() => knex.destroy());

  it('runs core first, then each plugin in name order, once each, recording every one', async () => {
    registerMigrations(strapi, 'workflow', [step('002-later'), step('001-first')]);
    registerMigrations(strapi, 'core', [step('000-core')]);
    registerMigrations(strapi, 'stats', [step('001-stats')]);

    expect(await runMigrations(strapi)).toEqual([
      'core/000-core',
      'workflow/001-first',
      'workflow/002-later',
      'stats/001-stats',
    ]);
    expect(ran).toEqual(['000-core', '001-first', '002-later', '001-stats']);
    expect(await runMigrations(strapi)).toEqual([]);
    expect(ran).toHaveLength(4);
    expect((await recorded(knex)).sort()).toEqual(
      ['core/000-core', 'stats/001-stats', 'workflow/001-first', 'workflow/002-later'].sort(),
    );
  });

  it('skips migrations meant for another database, without recording them', async () => {
    registerMigrations(strapi, 'core', [step('001-trigram', { dialects: ['postgres'] }), step('002-any')]);
    expect(await runMigrations(strapi)).toEqual(['core/002-any']);
    expect(await recorded(knex)).toEqual(['core/002-any']);
  });

  it('creates indexes with column names from the metadata, and leaves nothing behind when one fails', async () => {
    registerMigrations(strapi, 'workflow', [
      {
        name: '001-queue',
        up: ({ createIndex }) =>
          createIndex({
            name: 'tasks_queue',
            uid: 'plugin::workflow.tasks',
            attributes: ['dueAt', 'id'],
            where: "state = 'in_review'",
          }),
      },
      {
        name: '002-broken',
        async up({ knex: trx }) {
          await trx.raw('CREATE INDEX tasks_broken ON tasks (state)');
          throw new Error('hỏng');
        },
      },
    ]);
    await expect(runMigrations(strapi)).rejects.toThrow('hỏng');
    const indexes = async () =>
      (
        (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'")) as {
          name: string;
        }[]
      ).map((row) => row.name);
    // One transaction: the first migration's index and record are rolled back with the failure.
    expect(await indexes()).toEqual([]);
    expect(await recorded(knex)).toEqual([]);
  });

  it('refuses a plugin that declares the same migration twice', () => {
    expect(() => registerMigrations(strapi, 'orders', [step('001-a'), step('001-a')])).toThrow(
      'Migration orders/001-a bị khai báo hai lần.',
    );
  });
});
