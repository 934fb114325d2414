import type { Core } from '@strapi/strapi';
import { CALENDAR_YEARS, FIXED_HOLIDAYS, LUNAR_HOLIDAYS, TET_RULE, type CalendarYear } from '@sgd/config';
import { UID } from '../constants';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar';

interface YearRow {
  year: number;
  tetFrom: string | null;
  tetTo: string | null;
  daysOff: CalendarYear['daysOff'] | null;
  workingDays: CalendarYear['workingDays'] | null;
  note: string | null;
}

/** The working calendar with the yearly tables staff edit in the admin (seeded for 2025–2027). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: WorkingCalendar | null = null;
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
      cache = null;
    },

    invalidate(): void {
      cache = null;
    },

    async get(): Promise<WorkingCalendar> {
      if (!cache) {
        const rows = (await strapi.db.query(UID.calendarYear).findMany({})) as YearRow[];
        const years: CalendarYear[] = rows.map((row) => ({
          year: row.year,
          tet: row.tetFrom && row.tetTo ? { from: row.tetFrom, to: row.tetTo } : undefined,
          daysOff: row.daysOff ?? [],
          workingDays: row.workingDays ?? [],
          note: row.note ?? undefined,
        }));
        cache = createWorkingCalendar({
          fixed: FIXED_HOLIDAYS,
          lunar: LUNAR_HOLIDAYS,
          tetRule: TET_RULE,
          years,
        });
      }
      return cache;
    },
  };
};
