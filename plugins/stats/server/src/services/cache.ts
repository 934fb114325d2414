import type { Core } from '@strapi/strapi';
import { DASHBOARD_CACHE_ENTRIES, DASHBOARD_CACHE_MS, UID } from '../constants';
import type { Scope, StatTable } from './types';
import { statsService } from '../utils/get-service';

export interface ComputedDashboard {
  tables: StatTable[];
  /** When the figures were computed. */
  at: Date;
}

/** Content the dashboard reads (names included): any write to them empties the cache. */
export const DASHBOARD_SOURCES = [...Object.values(UID), 'plugin::workflow.staff', 'admin::user'];

/**
 * The dashboard of a scope and its filters, computed at most once a minute per instance: the
 * figures are aggregates over 100,000 products and tasks, and a dashboard is opened, filtered and
 * reopened many times. Any write through Strapi to the content it reads empties the cache
 * (`bootstrap` subscribes `clear` to the database lifecycles); writes by raw SQL and other
 * instances do not, so a dashboard is at most DASHBOARD_CACHE_MS old and says when it was computed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, { expires: number; value: Promise<ComputedDashboard> }>();

  const keyOf = (scope: Scope) =>
    JSON.stringify([scope.departmentIds, scope.commune, scope.period.from, scope.period.to]);

  function compute(scope: Scope): Promise<ComputedDashboard> {
    const figures = statsService(strapi, 'figures');
    return figures.dashboard(scope).then((tables) => ({ tables, at: scope.now }));
  }

  return {
    /** The cached dashboard of this scope, or a fresh one (`fresh`: computed now and cached). */
    dashboard(scope: Scope, { fresh = false } = {}): Promise<ComputedDashboard> {
      const key = keyOf(scope);
      const now = scope.now.getTime();
      const cached = entries.get(key);
      if (!fresh && cached && cached.expires > now) return cached.value;
      for (const [k, entry] of entries) if (entry.expires <= now) entries.delete(k);
      while (entries.size >= DASHBOARD_CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
      const value = compute(scope);
      const entry = { expires: now + DASHBOARD_CACHE_MS, value };
      entries.set(key, entry);
      // A failed computation is not kept (unless a newer one replaced it already).
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      return value;
    },

    clear(): void {
      entries.clear();
    },
  };
};
