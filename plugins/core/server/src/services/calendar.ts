import type { Core } from '@strapi/strapi';
import { CALENDAR_YEARS, FIXED_HOLIDAYS, LUNAR_HOLIDAYS, TET_RULE, type CalendarYear } from '@sgd/config';
import { UID } from '../constants';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar';
import { sharedCache } from '../lib/shared-cache';

interface YearRow {
  year: number;
  tetFrom: string | null;
  tetTo: string | null;
  daysOff: CalendarYear['daysOff'] | null;
  workingDays: CalendarYear['workingDays'] | null;
  note: string | null;
}

/**
 * The working calendar (Vietnamese working days, for every deadline) with the yearly tables staff
 * edit in the admin (seeded for 2025–2027). Every instance reloads it within a second of a change
 * made through any of them.
 */
const calendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = sharedCache<WorkingCalendar>(strapi, {
    name: 'working-calendar',
    async load() {
      const rows = (await strapi.db.query(UID.calendarYear).findMany({})) as YearRow[];
      const years: CalendarYear[] = rows.map((row) => ({
        year: row.year,
        tet: row.tetFrom && row.tetTo ? { from: row.tetFrom, to: row.tetTo } : undefined,
        daysOff: row.daysOff ?? [],
        workingDays: row.workingDays ?? [],
        note: row.note ?? undefined,
      }));
      return createWorkingCalendar({
        fixed: FIXED_HOLIDAYS,
        lunar: LUNAR_HOLIDAYS,
        tetRule: TET_RULE,
        years,
      });
    },
  });

  return {
    async seed(): Promise<void> {
      for (const entry of CALENDAR_YEARS) {
        const exists = await strapi.db.query(UID.calendarYear).findOne({ where: { year: entry.year } });
        if (exists) continue;
        await strapi.db.query(UID.calendarYear).create({
          data: {
            year: entry.year,
            tetFrom: entry.tet?.from ?? null,
            tetTo: entry.tet?.to ?? null,
            daysOff: entry.daysOff,
            workingDays: entry.workingDays,
            note: entry.note ?? null,
          },
        });
      }
    },

    /** The yearly table changed (any route, the content manager included): every instance reloads. */
    changed: () => cache.changed(),

    get: (): Promise<WorkingCalendar> => cache.get(),
  };
};

export default calendarService;
