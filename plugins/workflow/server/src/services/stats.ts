import type { Core } from '@strapi/strapi';
import type { WorkingCalendar } from '@sgd/plugin-core';
import { DECISION_ACTIONS, DEPARTMENT_UID, UID } from '../constants';
import { workflowService } from '../utils/get-service';
import { sqlNames } from '../utils/sql';

export interface OverdueQuery {
  from: Date;
  to: Date;
  /** Limit to these departments; `null` means all (super admin). */
  departmentIds: number[] | null;
}

export interface OverdueCounts {
  total: number;
  open: number;
  onTrack: number;
  dueToday: number;
  overdue1to3: number;
  overdueMore: number;
  decidedOnTime: number;
  decidedLate: number;
}

export interface OverdueRow extends OverdueCounts {
  departmentId: number | null;
  departmentName: string | null;
  officerId: number | null;
  officerName: string | null;
}

const empty = (): OverdueCounts => ({
  total: 0,
  open: 0,
  onTrack: 0,
  dueToday: 0,
  overdue1to3: 0,
  overdueMore: 0,
  decidedOnTime: 0,
  decidedLate: 0,
});

/** The Vietnam date `n` working days before `date` ('YYYY-MM-DD'). */
export function workingDaysBefore(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  let left = n;
  while (left > 0) {
    const previous = new Date(`${day}T00:00:00Z`);
    previous.setUTCDate(previous.getUTCDate() - 1);
    day = previous.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * Boundaries of the overdue buckets at `now`, as instants: due today is within today (Vietnam); 1–3
 * working days overdue is due before today and after the end of the fourth working day before today.
 */
export function bucketBounds(calendar: WorkingCalendar, now: Date) {
  const today = calendar.vietnamDate(now);
  return {
    startOfToday: calendar.startOfVietnamDay(today),
    endOfToday: calendar.endOfVietnamDay(today),
    overdueLimit: calendar.endOfVietnamDay(workingDaysBefore(calendar, today, 4)),
  };
}

/**
 * Counts per officer and per department, with SQL aggregates only: open tasks by how close their
 * deadline is, and decisions taken on time or late (QC Điều 10.3), for submissions in a period.
 */
const statsService = ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    async overdue(query: OverdueQuery, now: Date, calendar: WorkingCalendar) {
      const { table, column, time } = sqlNames(strapi);
      const knex = strapi.db.connection;
      const bounds = bucketBounds(calendar, now);
      const T = table(UID.task);
      const c = (name: string) => column(UID.task, name);
      const due = c('dueAt');
      const sum = (condition: string, ...bindings: unknown[]) =>
        knex.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, bindings as never[]);

      const scope = (builder: ReturnType<typeof knex>, departmentColumn: string) =>
        query.departmentIds === null
          ? builder
          : builder.whereIn(departmentColumn, query.departmentIds.length ? query.departmentIds : [-1]);

      // Three aggregates, each answered from a covering index, run side by side: tasks submitted in
      // the period; open tasks by deadline bucket (a partial index on open tasks); decisions.
      const period = [time(query.from), time(query.to)] as const;
      const totalsQuery = scope(
        knex(T)
          .select({ departmentId: c('departmentId'), officerId: c('assigneeId') })
          .count({ total: '*' })
          .whereBetween(c('submittedAt'), period)
          .groupBy(c('departmentId'), c('assigneeId')),
        c('departmentId'),
      );
      const openQuery = scope(
        knex(T)
          .select({ departmentId: c('departmentId'), officerId: c('assigneeId') })
          .count({ open: '*' })
          .select({
            onTrack: sum(`${due} > ?`, time(bounds.endOfToday)),
            dueToday: sum(`${due} >= ? AND ${due} <= ?`, time(bounds.startOfToday), time(bounds.endOfToday)),
            overdue1to3: sum(
              `${due} < ? AND ${due} > ?`,
              time(bounds.startOfToday),
              time(bounds.overdueLimit),
            ),
            overdueMore: sum(`${due} <= ?`, time(bounds.overdueLimit)),
          })
          .where(c('state'), 'in_review')
          .whereBetween(c('submittedAt'), period)
          .groupBy(c('departmentId'), c('assigneeId')),
        c('departmentId'),
      );

      const H = table(UID.history);
      const h = (name: string) => column(UID.history, name);
      const decisionsQuery = scope(
        knex(H)
          .select({ departmentId: h('departmentId'), officerId: h('actorAdminId') })
          .select({
            decidedLate: sum(`${h('late')} = ?`, true),
            // A decision without a deadline (late unset) counts as on time.
            decidedOnTime: knex.raw(`SUM(CASE WHEN ${h('late')} = ? THEN 0 ELSE 1 END)`, [true]),
          })
          .whereIn(h('action'), [...DECISION_ACTIONS])
          .whereNotNull(h('actorAdminId'))
          .whereBetween(h('createdAt'), period)
          .groupBy(h('departmentId'), h('actorAdminId')),
        h('departmentId'),
      );
      const [totalRows, openRows, decisionRows] = (await Promise.all([
        totalsQuery,
        openQuery,
        decisionsQuery,
      ])) as Record<string, unknown>[][];

      const byOfficer = new Map<string, OverdueRow>();
      const rowFor = (departmentId: unknown, officerId: unknown) => {
        const key = `${departmentId ?? ''}|${officerId ?? ''}`;
        let row = byOfficer.get(key);
        if (!row) {
          row = {
            departmentId: departmentId === null ? null : Number(departmentId),
            departmentName: null,
            officerId: officerId === null ? null : Number(officerId),
            officerName: null,
            ...empty(),
          };
          byOfficer.set(key, row);
        }
        return row;
      };
      const fields = ['total', 'open', 'onTrack', 'dueToday', 'overdue1to3', 'overdueMore'] as const;
      for (const raw of [...totalRows, ...openRows]) {
        const row = rowFor(raw.departmentId, raw.officerId);
        for (const field of fields) row[field] += Number(raw[field] ?? 0);
      }
      for (const raw of decisionRows) {
        const row = rowFor(raw.departmentId, raw.officerId);
        row.decidedLate += Number(raw.decidedLate ?? 0);
        row.decidedOnTime += Number(raw.decidedOnTime ?? 0);
      }

      const officers = [...byOfficer.values()];
      const departmentIds = [
        ...new Set(officers.map((r) => r.departmentId).filter((id): id is number => id !== null)),
      ];
      const officerIds = [
        ...new Set(officers.map((r) => r.officerId).filter((id): id is number => id !== null)),
      ];
      const departments = (await strapi.db
        .query(DEPARTMENT_UID)
        .findMany({ where: { id: { $in: departmentIds } }, select: ['id', 'name'] })) as {
        id: number;
        name: string;
      }[];
      const departmentName = new Map(departments.map((d) => [d.id, d.name]));
      const officerName = await workflowService(strapi, 'staff').names(officerIds);
      for (const row of officers) {
        row.departmentName =
          row.departmentId === null ? null : (departmentName.get(row.departmentId) ?? null);
        row.officerName = row.officerId === null ? null : (officerName.get(row.officerId) ?? null);
      }

      const byDepartment = new Map<
        number | null,
        OverdueCounts & { departmentId: number | null; departmentName: string | null }
      >();
      for (const row of officers) {
        const total = byDepartment.get(row.departmentId) ?? {
          departmentId: row.departmentId,
          departmentName: row.departmentName,
          ...empty(),
        };
        for (const field of [...fields, 'decidedOnTime', 'decidedLate'] as const) total[field] += row[field];
        byDepartment.set(row.departmentId, total);
      }
      return {
        period: { from: query.from.toISOString(), to: query.to.toISOString() },
        at: now.toISOString(),
        byOfficer: officers.sort(
          (a, b) => (a.departmentId ?? 0) - (b.departmentId ?? 0) || (a.officerId ?? 0) - (b.officerId ?? 0),
        ),
        byDepartment: [...byDepartment.values()].sort(
          (a, b) => (a.departmentId ?? 0) - (b.departmentId ?? 0),
        ),
      };
    },
  };
};

export default statsService;
