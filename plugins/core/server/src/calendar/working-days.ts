import type { CalendarDay, CalendarYear, FixedHoliday, IsoDate, LunarHoliday, TetRule } from '@sgd/config';
import { lunarToSolar } from './lunar';

/** Vietnam is UTC+7 all year (no daylight saving). */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CalendarData {
  fixed: FixedHoliday[];
  lunar: LunarHoliday[];
  tetRule: TetRule;
  years: CalendarYear[];
}

export interface WorkingCalendar {
  /** The holiday or day off on a date, if any (weekends are not holidays). */
  holiday(date: IsoDate): { name: string } | null;
  isWorkingDay(date: IsoDate): boolean;
  /** End (23:59:59.999, Vietnam) of the n-th working day after the Vietnam day of `from`. */
  addWorkingDays(from: Date, n: number): Date;
  /** Working days after a's Vietnam day up to and including b's. */
  workingDaysBetween(a: Date, b: Date): number;
  vietnamDate(instant: Date): IsoDate;
  startOfVietnamDay(date: IsoDate): Date;
  endOfVietnamDay(date: IsoDate): Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number): IsoDate => `${year}-${pad(month)}-${pad(day)}`;
export const addDays = (date: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** The date in Vietnam (YYYY-MM-DD) at an instant: what a person there calls today. */
export const vietnamDate = (instant: Date): IsoDate =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

interface YearTable {
  off: Map<IsoDate, string>;
  working: Set<IsoDate>;
}

/**
 * A calendar of working days built from data: weekends; fixed and lunar statutory holidays; Tết from
 * the year's table or from the rule; a statutory holiday on a weekend gives the next working day off
 * (Labour Code 2019, Art. 112.3); the year's extra days off and make-up working days. Each year is
 * computed once, on first use.
 */
export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const tables = new Map<number, YearTable>();
  const entries = new Map(data.years.map((entry) => [entry.year, entry]));

  function build(year: number): YearTable {
    const entry = entries.get(year);
    const statutory: CalendarDay[] = [];
    for (const h of data.fixed) {
      if (h.since === undefined || year >= h.since)
        statutory.push({ date: iso(year, h.month, h.day), name: h.name });
    }
    for (const h of data.lunar) {
      const solar = lunarToSolar(year, h.month, h.day);
      if (solar) statutory.push({ date: iso(solar.year, solar.month, solar.day), name: h.name });
    }
    const off = new Map<IsoDate, string>();
    if (entry?.tet) {
      for (let d = entry.tet.from; d <= entry.tet.to; d = addDays(d, 1)) off.set(d, data.tetRule.name);
    } else {
      const newYear = lunarToSolar(year, 1, 1);
      if (newYear) {
        const first = iso(newYear.year, newYear.month, newYear.day);
        for (let i = -data.tetRule.daysBefore; i < data.tetRule.daysFrom; i += 1) {
          statutory.push({ date: addDays(first, i), name: data.tetRule.name });
        }
      }
    }
    for (const day of statutory) off.set(day.date, day.name);
    for (const day of entry?.daysOff ?? []) off.set(day.date, day.name);

    // Weekend shift: each statutory day on a Saturday or Sunday gives the next free weekday off.
    for (const day of [...statutory].sort((a, b) => a.date.localeCompare(b.date))) {
      if (!isWeekend(day.date)) continue;
      let d = addDays(day.date, 1);
      while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
      off.set(d, `Nghỉ bù ${day.name}`);
    }
    return { off, working: new Set((entry?.workingDays ?? []).map((day) => day.date)) };
  }

  const table = (date: IsoDate): YearTable => {
    const year = Number(date.slice(0, 4));
    let t = tables.get(year);
    if (!t) {
      t = build(year);
      tables.set(year, t);
    }
    return t;
  };

  const calendar: WorkingCalendar = {
    holiday(date) {
      const name = table(date).off.get(date);
      return name && !table(date).working.has(date) ? { name } : null;
    },
    isWorkingDay(date) {
      const t = table(date);
      if (t.working.has(date)) return true;
      return !isWeekend(date) && !t.off.has(date);
    },
    vietnamDate,
    startOfVietnamDay(date) {
      return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
    },
    endOfVietnamDay(date) {
      return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);
    },
    addWorkingDays(from, n) {
      let day = calendar.vietnamDate(from);
      if (n <= 0) {
        while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
        return calendar.endOfVietnamDay(day);
      }
      for (let counted = 0; counted < n;) {
        day = addDays(day, 1);
        if (calendar.isWorkingDay(day)) counted += 1;
      }
      return calendar.endOfVietnamDay(day);
    },
    workingDaysBetween(a, b) {
      const last = calendar.vietnamDate(b);
      let day = calendar.vietnamDate(a);
      let count = 0;
      while (day < last) {
        day = addDays(day, 1);
        if (calendar.isWorkingDay(day)) count += 1;
      }
      return count;
    },
  };
  return calendar;
}
