import type { Core } from '@strapi/strapi';
import knexFactory, { type Knex } from 'knex';
import { CACHE_VERSIONS_TABLE, sharedCache } from '../shared-cache';

/** Two CMS instances: each its own Strapi (and memory), one database. */
function instance(knex: Knex): Core.Strapi {
  return {
    db: {
      connection: knex,
      transaction: <T>(work: (context: { trx: Knex.Transaction }) => Promise<T>) =>
        knex.transaction((trx) => work({ trx })),
    },
  } as unknown as Core.Strapi;
}

describe('a cache shared by several instances', () => {
  let knex: Knex;
  let holidays: string[];
  let now: number;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await knex.schema.createTable(CACHE_VERSIONS_TABLE, (table) => {
      table.string('name', 100).primary();
      table.bigInteger('version').notNullable().defaultTo(0);
    });
    holidays = ['2026-01-01'];
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await knex.destroy();
  });

  const calendarOn = (strapi: Core.Strapi) => {
    let loads = 0;
    const cache = sharedCache(strapi, {
      name: 'working-calendar',
      load: async () => {
        loads += 1;
        return [...holidays];
      },
    });
    return { cache, loads: () => loads };
  };

  it('lets a change made through one instance reach the other within a second, reading nothing more meanwhile', async () => {
    const a = calendarOn(instance(knex));
    const b = calendarOn(instance(knex));
    expect(await a.cache.get()).toEqual(['2026-01-01']);
    expect(await b.cache.get()).toEqual(['2026-01-01']);

    holidays = ['2026-01-01', '2026-04-27'];
    await a.cache.changed();
    // The instance that wrote sees it at once; the other keeps its copy until its next check.
    expect(await a.cache.get()).toEqual(['2026-01-01', '2026-04-27']);
    now += 500;
    expect(await b.cache.get()).toEqual(['2026-01-01']);
    now += 500;
    expect(await b.cache.get()).toEqual(['2026-01-01', '2026-04-27']);

    // Unchanged since: checked, not reloaded.
    now += 5000;
    expect(await b.cache.get()).toEqual(['2026-01-01', '2026-04-27']);
    expect(b.loads()).toBe(2);
  });

  it("raises the version inside the writer's transaction, so a rolled-back change is never announced", async () => {
    const a = calendarOn(instance(knex));
    const b = calendarOn(instance(knex));
    await b.cache.get();
    const strapiInTransaction = (trx: Knex.Transaction) =>
      ({
        db: { transaction: <T>(work: (c: { trx: Knex.Transaction }) => Promise<T>) => work({ trx }) },
      }) as unknown as Core.Strapi;
    await expect(
      knex.transaction(async (trx) => {
        await sharedCache(strapiInTransaction(trx), {
          name: 'working-calendar',
          load: async () => [],
        }).changed();
        throw new Error('hủy');
      }),
    ).rejects.toThrow('hủy');
    now += 2000;
    await b.cache.get();
    expect(b.loads()).toBe(1);
    expect(a.loads()).toBe(0);
  });
});
