import type { Core } from '@strapi/strapi';
import { DASHBOARD_CACHE_MS } from '../../constants';
import cache from '../cache';
import type { Scope, StatTable } from '../types';

const T0 = new Date('2026-06-15T03:00:00.000Z');

function scopeAt(now: Date, overrides: Partial<Scope> = {}): Scope {
  return {
    departmentIds: null,
    commune: null,
    period: {
      from: '2026-01-01',
      to: '2026-06-15',
      start: new Date('2025-12-31T17:00:00.000Z'),
      end: new Date('2026-06-15T16:59:59.999Z'),
    },
    now,
    ...overrides,
  };
}
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A cache over figures whose every computation is counted (and can be made to fail). */
function build() {
  const computed: Scope[] = [];
  let failNext = false;
  const figures = {
    async dashboard(scope: Scope): Promise<StatTable[]> {
      computed.push(scope);
      if (failNext) {
        failNext = false;
        throw new Error('cơ sở dữ liệu không trả lời');
      }
      return [];
    },
  };
  const strapi = { plugin: () => ({ service: () => figures }) } as unknown as Core.Strapi;
  return {
    service: cache({ strapi }),
    computed,
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('dashboard cache', () => {
  it('serves the figures computed for the same filters within a minute, with their time', async () => {
    const { service, computed } = build();
    const first = await service.dashboard(scopeAt(T0));
    const again = await service.dashboard(scopeAt(later(DASHBOARD_CACHE_MS - 1)));
    expect(computed).toHaveLength(1);
    expect(again.at).toEqual(T0);
    expect(again).toBe(first);
  });

  it('computes again after a minute, on `fresh`, and after a write cleared it', async () => {
    const { service, computed } = build();
    await service.dashboard(scopeAt(T0));
    expect((await service.dashboard(scopeAt(later(DASHBOARD_CACHE_MS)))).at).toEqual(
      later(DASHBOARD_CACHE_MS),
    );
    expect((await service.dashboard(scopeAt(later(DASHBOARD_CACHE_MS + 1)), { fresh: true })).at).toEqual(
      later(DASHBOARD_CACHE_MS + 1),
    );
    service.clear();
    await service.dashboard(scopeAt(later(DASHBOARD_CACHE_MS + 2)));
    expect(computed).toHaveLength(4);
  });

  it('keeps one dashboard per departments, commune and period', async () => {
    const { service, computed } = build();
    await service.dashboard(scopeAt(T0));
    await service.dashboard(scopeAt(T0, { departmentIds: [3] }));
    await service.dashboard(scopeAt(T0, { commune: '29954' }));
    await service.dashboard(scopeAt(T0, { period: { ...scopeAt(T0).period, from: '2026-02-01' } }));
    await service.dashboard(scopeAt(T0, { departmentIds: [3] }));
    expect(computed).toHaveLength(4);
  });

  it('shares one computation between requests that arrive together, and forgets a failed one', async () => {
    const { service, computed, failOnce } = build();
    failOnce();
    const results = await Promise.allSettled([
      service.dashboard(scopeAt(T0)),
      service.dashboard(scopeAt(T0)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(service.dashboard(scopeAt(later(1)))).resolves.toEqual({ tables: [], at: later(1) });
    expect(computed).toHaveLength(2);
  });
});
