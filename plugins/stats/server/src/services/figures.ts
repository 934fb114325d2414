import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COMPLAINT_STATUSES, LEGAL_FORMS, ORDER_STATUSES, licenceTypes } from '@sgd/config';
import { workflowService } from '@sgd/plugin-workflow';
import { personName } from '@sgd/plugin-core';
import {
  DECISION_ACTIONS,
  EXPIRY_WINDOWS,
  MODERATION_STATUS_NAMES,
  UID,
  VERIFICATION_STATUS_NAMES,
} from '../constants';
import { statsService } from '../utils/get-service';
import { vietnamDate } from '../validation/query';
import type { Cell, Scope, StatColumn, StatTable } from './types';

type Raw = Record<string, unknown>;

const num = (value: unknown): number => Number(value ?? 0);
const round1 = (value: unknown): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

const text = (key: string, label: string): StatColumn => ({ key, label, type: 'text' });
const integer = (key: string, label: string): StatColumn => ({ key, label, type: 'integer' });
const decimal = (key: string, label: string): StatColumn => ({ key, label, type: 'decimal' });

/** One row per code of a fixed list (zeros included), in the list's order. */
function byCode(
  rows: Raw[],
  names: Record<string, string>,
  labelKey: string,
  valueKey = 'count',
): Record<string, Cell>[] {
  const counts = new Map(rows.map((row) => [String(row.code), num(row[valueKey])]));
  return Object.entries(names).map(([code, name]) => ({
    code,
    [labelKey]: name,
    [valueKey]: counts.get(code) ?? 0,
  }));
}

const namesOf = (list: readonly { code: string; name: string }[]) =>
  Object.fromEntries(list.map((item) => [item.code, item.name]));
const LICENCE_NAMES = Object.fromEntries(licenceTypes.map((t) => [t.code, t.shortName]));

/** Counts of aggregated rows summed by a label (several ids may share one: null and a missing row). */
function sumBy(rows: Raw[], labelOf: (row: Raw) => string | null): [string | null, number][] {
  const sums = new Map<string | null, number>();
  for (const row of rows) sums.set(labelOf(row), (sums.get(labelOf(row)) ?? 0) + num(row.count));
  return [...sums];
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Every figure of the dashboard and of the yearly report, each one SQL aggregate (GROUP BY) scoped
 * to the departments, commune and period of the request. Nothing loads rows into JavaScript.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = () => statsService(strapi, 'sql');

  /** `from uid`, narrowed to the scope's departments and commune. */
  function scoped(uid: string, alias: string, scope: Scope, commune = true): Knex.QueryBuilder {
    const s = sql();
    const qb = s.from(uid, alias);
    s.inDepartments(qb, uid, alias, scope.departmentIds);
    if (commune) s.inCommune(qb, uid, alias, scope.commune);
    return qb;
  }

  /** Workflow rows carry their department id: keeps those of the scope's departments. */
  const inScope = (qb: Knex.QueryBuilder, column: string, scope: Scope) =>
    scope.departmentIds === null
      ? qb
      : qb.whereIn(column, scope.departmentIds.length ? scope.departmentIds : [-1]);

  /**
   * Workflow rows (tasks, history) in the scope's departments and, when a commune is chosen, about
   * items of that commune (a seller there, its licences, products, reviews…).
   */
  const workflowInScope = (qb: Knex.QueryBuilder, workflowUid: string, alias: string, scope: Scope) => {
    const s = sql();
    inScope(qb, `${alias}.${s.column(workflowUid, 'departmentId')}`, scope);
    const bound = workflowService(strapi, 'targets').reviewableTypes();
    return s.targetInCommune(qb, workflowUid, alias, bound, scope.commune);
  };

  const between = (qb: Knex.QueryBuilder, column: string, scope: Scope) =>
    qb.whereBetween(column, [sql().time(scope.period.start), sql().time(scope.period.end)] as never);

  async function groupCount(qb: Knex.QueryBuilder, expression: string): Promise<Raw[]> {
    return (await qb
      .select({ code: sql().knex().raw(expression) })
      .count({ count: '*' })
      .groupByRaw(expression)) as Raw[];
  }

  /**
   * A query shared by several tables of one request (the dashboard or the yearly report pass one
   * scope object to every table), run once per scope.
   */
  const shared = new WeakMap<Scope, Map<string, Promise<unknown>>>();
  function once<T>(scope: Scope, key: string, run: () => Promise<T>): Promise<T> {
    const runs = shared.get(scope) ?? new Map<string, Promise<unknown>>();
    shared.set(scope, runs);
    // Promise.resolve: a knex query builder is a thenable that runs its query on every `await`.
    if (!runs.has(key)) runs.set(key, Promise.resolve(run()));
    return runs.get(key) as Promise<T>;
  }

  const figures = {
    async sellersByStatus(scope: Scope): Promise<StatTable> {
      const c = (a: string) => `s.${sql().column(UID.seller, a)}`;
      const rows = await groupCount(scoped(UID.seller, 's', scope), c('verificationStatus'));
      return {
        key: 'sellers-by-status',
        title: 'Chủ thể kinh doanh theo trạng thái xác minh',
        sheet: 'Chủ thể theo trạng thái',
        section: 'sellers',
        columns: [text('status', 'Trạng thái'), integer('count', 'Số chủ thể')],
        rows: byCode(rows, VERIFICATION_STATUS_NAMES, 'status').map(({ code: _code, ...row }) => row),
        chart: { kind: 'bar', label: 'status', values: ['count'] },
      };
    },

    async sellersByLegalForm(scope: Scope): Promise<StatTable> {
      const c = (a: string) => `s.${sql().column(UID.seller, a)}`;
      const rows = await groupCount(scoped(UID.seller, 's', scope), c('legalForm'));
      const verified = await groupCount(
        scoped(UID.seller, 's', scope).where(c('verificationStatus'), 'verified'),
        c('legalForm'),
      );
      const verifiedBy = new Map(verified.map((r) => [String(r.code), num(r.count)]));
      return {
        key: 'sellers-by-legal-form',
        title: 'Chủ thể kinh doanh theo loại hình',
        sheet: 'Chủ thể theo loại hình',
        section: 'sellers',
        columns: [
          text('legalForm', 'Loại hình'),
          integer('count', 'Số chủ thể'),
          integer('verified', 'Đã xác minh'),
        ],
        rows: byCode(rows, namesOf(LEGAL_FORMS), 'legalForm').map(({ code, ...row }) => ({
          ...row,
          verified: verifiedBy.get(String(code)) ?? 0,
        })),
        chart: { kind: 'pie', label: 'legalForm', values: ['count'] },
      };
    },

    async productsByStatus(scope: Scope): Promise<StatTable> {
      const rows = await groupCount(
        scoped(UID.product, 'p', scope),
        `p.${sql().column(UID.product, 'reviewStatus')}`,
      );
      return {
        key: 'products-by-status',
        title: 'Sản phẩm theo trạng thái kiểm duyệt',
        sheet: 'Sản phẩm theo trạng thái duyệt',
        section: 'products',
        columns: [text('status', 'Trạng thái'), integer('count', 'Số sản phẩm')],
        rows: byCode(rows, MODERATION_STATUS_NAMES, 'status').map(({ code: _code, ...row }) => row),
        chart: { kind: 'bar', label: 'status', values: ['count'] },
      };
    },

    /** Approved products: the ones on the exchange. */
    approvedProducts(scope: Scope): Knex.QueryBuilder {
      return scoped(UID.product, 'p', scope).where(
        `p.${sql().column(UID.product, 'reviewStatus')}`,
        'approved',
      );
    },

    /**
     * Approved products by (category, department): one pass over the products shared by the two
     * tables. Both relations are manyToOne, so each product is one row of the join.
     */
    approvedByCategoryAndDepartment(scope: Scope): Promise<Raw[]> {
      return once(scope, 'approved-by-category-and-department', () => {
        const s = sql();
        const category = s.link(UID.product, 'category');
        const department = s.link(UID.product, 'department');
        const categoryId = `pcl.${category.inverseJoinColumn.name}`;
        const departmentId = `pdl.${department.inverseJoinColumn.name}`;
        // Products (st_products_review) and their links (unique on product id first) come in id
        // order: merged, not hashed.
        return s.planned<Raw[]>(
          figures
            .approvedProducts(scope)
            .leftJoin(`${category.name} as pcl`, `pcl.${category.joinColumn.name}`, 'p.id')
            .leftJoin(`${department.name} as pdl`, `pdl.${department.joinColumn.name}`, 'p.id')
            .select({ categoryId, departmentId })
            .count({ count: '*' })
            .groupBy(categoryId, departmentId),
          { parallel: false, hashJoin: false },
        );
      });
    },

    async productsByCategory(scope: Scope): Promise<StatTable> {
      const groups = await figures.approvedByCategoryAndDepartment(scope);
      const names = await namesById(
        UID.category,
        groups.map((r) => r.categoryId),
      );
      const rows = sumBy(groups, (r) => names.get(num(r.categoryId)) ?? null)
        .map(([category, count]) => ({ category: category ?? 'Chưa phân loại', count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'vi'));
      return {
        key: 'products-by-category',
        title: 'Sản phẩm đang bán theo danh mục',
        section: 'products',
        columns: [text('category', 'Danh mục'), integer('count', 'Số sản phẩm')],
        rows,
        chart: { kind: 'bar', label: 'category', values: ['count'] },
      };
    },

    async productsByDepartment(scope: Scope): Promise<StatTable> {
      const groups = await figures.approvedByCategoryAndDepartment(scope);
      const names = await namesById(
        UID.department,
        groups.map((r) => r.departmentId),
      );
      const rows = sumBy(groups, (r) => names.get(num(r.departmentId)) ?? null)
        // Products without a department last, as before.
        .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'vi')))
        .map(([department, count]) => ({ department: department ?? 'Chưa gắn sở', count }));
      return {
        key: 'products-by-department',
        title: 'Sản phẩm đang bán theo sở quản lý',
        sheet: 'Sản phẩm theo sở quản lý',
        section: 'products',
        columns: [text('department', 'Sở quản lý'), integer('count', 'Số sản phẩm')],
        rows,
        chart: { kind: 'bar', label: 'department', values: ['count'] },
      };
    },

    /**
     * Approved products with a verified licence, counted once per licence type and once per OCOP
     * stars: the join is written once (a CTE) and both counts read it, in one statement.
     */
    productsByLicence(scope: Scope): Promise<{ byType: Raw[]; byStars: Raw[] }> {
      return once(scope, 'products-by-licence', async () => {
        const s = sql();
        const k = s.knex();
        const via = s.link(UID.product, 'licences');
        const l = (a: string) => `pl.${s.column(UID.licence, a)}`;
        const licensed = figures
          .approvedProducts(scope)
          .join(`${via.name} as pll`, `pll.${via.joinColumn.name}`, 'p.id')
          .join(`${s.table(UID.licence)} as pl`, 'pl.id', `pll.${via.inverseJoinColumn.name}`)
          .where(l('verificationStatus'), 'verified')
          .select({ product: 'p.id', type: l('type'), stars: l('ocopStars') });
        const byType = k('st_licensed')
          .select({ type: 'type', stars: k.raw('CAST(NULL AS INTEGER)') })
          .countDistinct({ count: 'product' })
          .groupBy('type');
        const byStars = k('st_licensed')
          .select({ type: k.raw('NULL'), stars: 'stars' })
          .countDistinct({ count: 'product' })
          .where('type', 'ocop')
          .whereNotNull('stars')
          .groupBy('stars');
        // Each branch in its own FROM: knex would write a UNION before the first branch's GROUP BY.
        const rows = (await k
          .with('st_licensed', licensed)
          .select('*')
          .from(byType.as('by_type'))
          .unionAll((u: Knex.QueryBuilder) => u.select('*').from(byStars.as('by_stars')))) as Raw[];
        const code = (key: 'type' | 'stars') =>
          rows.filter((r) => r[key] !== null).map((r) => ({ code: r[key], count: r.count }));
        return { byType: code('type'), byStars: code('stars') };
      });
    },

    async productsByLicenceType(scope: Scope): Promise<StatTable> {
      const rows = (await figures.productsByLicence(scope)).byType;
      return {
        key: 'products-by-licence-type',
        title: 'Sản phẩm đang bán có giấy phép, chứng nhận đã xác minh, theo loại',
        sheet: 'Sản phẩm theo loại giấy phép',
        section: 'products',
        columns: [text('licenceType', 'Loại giấy phép, chứng nhận'), integer('count', 'Số sản phẩm')],
        rows: byCode(rows, LICENCE_NAMES, 'licenceType').map(({ code: _code, ...row }) => row),
        chart: { kind: 'bar', label: 'licenceType', values: ['count'] },
      };
    },

    async productsByOcopStars(scope: Scope): Promise<StatTable> {
      const rows = (await figures.productsByLicence(scope)).byStars;
      const names = { '3': 'OCOP 3 sao', '4': 'OCOP 4 sao', '5': 'OCOP 5 sao' };
      return {
        key: 'products-by-ocop-stars',
        title: 'Sản phẩm OCOP đang bán theo số sao',
        sheet: 'Sản phẩm OCOP theo số sao',
        section: 'products',
        columns: [text('stars', 'Hạng OCOP'), integer('count', 'Số sản phẩm')],
        rows: byCode(rows, names, 'stars').map(({ code: _code, ...row }) => row),
        chart: { kind: 'pie', label: 'stars', values: ['count'] },
      };
    },

    /** Verified licences whose expiry falls within 30, 60, 90 days from today (Vietnam), by type. */
    async licencesExpiring(scope: Scope): Promise<StatTable> {
      const s = sql();
      const expires = `l.${s.column(UID.licence, 'expiresOn')}`;
      const today = vietnamDate(scope.now);
      const windows = Object.fromEntries(
        EXPIRY_WINDOWS.map((days) => [
          `within${days}`,
          s.knex().raw(`SUM(CASE WHEN ${expires} <= ? THEN 1 ELSE 0 END)`, [addDays(today, days)]),
        ]),
      );
      const rows = (await scoped(UID.licence, 'l', scope)
        .where(`l.${s.column(UID.licence, 'verificationStatus')}`, 'verified')
        .whereBetween(expires, [today, addDays(today, Math.max(...EXPIRY_WINDOWS))])
        .select({ code: `l.${s.column(UID.licence, 'type')}` })
        .select(windows)
        .groupBy(`l.${s.column(UID.licence, 'type')}`)) as Raw[];
      const byType = new Map(rows.map((r) => [String(r.code), r]));
      return {
        key: 'licences-expiring',
        title: 'Giấy phép, chứng nhận đã xác minh sắp hết hạn',
        sheet: 'Giấy phép sắp hết hạn',
        section: 'licences',
        columns: [
          text('licenceType', 'Loại giấy phép, chứng nhận'),
          ...EXPIRY_WINDOWS.map((days) => integer(`within${days}`, `Trong ${days} ngày`)),
        ],
        rows: Object.entries(LICENCE_NAMES).map(([code, name]) => ({
          licenceType: name,
          ...Object.fromEntries(
            EXPIRY_WINDOWS.map((d) => [`within${d}`, num(byType.get(code)?.[`within${d}`])]),
          ),
        })),
        chart: { kind: 'bar', label: 'licenceType', values: EXPIRY_WINDOWS.map((d) => `within${d}`) },
        note: `Tính từ ngày ${today.split('-').reverse().join('/')}; mỗi cột gồm cả các cột trước.`,
      };
    },

    /**
     * Officers' decisions in the period by (department, officer), from the history: shared by the
     * tables per officer and per department (its late decisions are the sum over its officers).
     */
    decisions(scope: Scope): Promise<Raw[]> {
      return once(scope, 'decisions', () => {
        const s = sql();
        const k = s.knex();
        const h = (a: string) => `h.${s.column(UID.history, a)}`;
        const t = (a: string) => `t.${s.column(UID.task, a)}`;
        const final = `${h('toState')} IN ('approved', 'rejected')`;
        // The task's submission time, looked up for final decisions only (an index lookup each),
        // rather than joining every task of the exchange to every decision.
        const submittedAt = `(SELECT ${t('submittedAt')} FROM ${s.table(UID.task)} t WHERE t.id = ${h('taskId')})`;
        const query = workflowInScope(
          k(`${s.table(UID.history)} as h`)
            .select({ departmentId: h('departmentId'), officerId: h('actorAdminId') })
            .count({ decisions: '*' })
            .select({
              // An approval is the officer's decision whether it ends the review or forwards the
              // item to the next stage ("Duyệt / chuyển bước tiếp theo").
              approved: k.raw(`SUM(CASE WHEN ${h('action')} = 'approve' THEN 1 ELSE 0 END)`),
              rejected: k.raw(`SUM(CASE WHEN ${h('action')} = 'reject' THEN 1 ELSE 0 END)`),
              supplements: k.raw(`SUM(CASE WHEN ${h('action')} = 'request_supplement' THEN 1 ELSE 0 END)`),
              decidedLate: k.raw(`SUM(CASE WHEN ${h('late')} = ? THEN 1 ELSE 0 END)`, [true]),
              averageDays: k.raw(`AVG(CASE WHEN ${final} THEN ${s.days(h('createdAt'), submittedAt)} END)`),
            })
            .whereIn(h('action'), [...DECISION_ACTIONS])
            .whereNotNull(h('actorAdminId'))
            .whereBetween(h('createdAt'), [s.time(scope.period.start), s.time(scope.period.end)] as never)
            .groupBy(h('departmentId'), h('actorAdminId')),
          UID.history,
          'h',
          scope,
        );
        return s.planned<Raw[]>(query, { parallel: false });
      });
    },

    /**
     * Submissions per department (QC Điều 10.3, 20.2–20.3): received in the period, approved and
     * rejected in the period, average days from submission to the final decision, decisions taken
     * after their deadline, and tasks open past their deadline now.
     */
    async submissionsByDepartment(scope: Scope): Promise<StatTable> {
      const s = sql();
      const k = s.knex();
      const T = s.table(UID.task);
      const t = (a: string) => `t.${s.column(UID.task, a)}`;
      const start = s.time(scope.period.start);
      const end = s.time(scope.period.end);
      const closedIn = `${t('closedAt')} BETWEEN ? AND ?`;
      const tasksQuery = workflowInScope(
        k(`${T} as t`)
          .select({ departmentId: t('departmentId') })
          .select({
            received: k.raw(`SUM(CASE WHEN ${t('submittedAt')} BETWEEN ? AND ? THEN 1 ELSE 0 END)`, [
              start,
              end,
            ]),
            approved: k.raw(`SUM(CASE WHEN ${t('state')} = 'approved' AND ${closedIn} THEN 1 ELSE 0 END)`, [
              start,
              end,
            ]),
            rejected: k.raw(`SUM(CASE WHEN ${t('state')} = 'rejected' AND ${closedIn} THEN 1 ELSE 0 END)`, [
              start,
              end,
            ]),
            averageDays: k.raw(
              `AVG(CASE WHEN ${t('state')} IN ('approved', 'rejected') AND ${closedIn} THEN ${s.days(t('closedAt'), t('submittedAt'))} END)`,
              [start, end],
            ),
            overdueOpen: k.raw(
              `SUM(CASE WHEN ${t('state')} = 'in_review' AND ${t('dueAt')} < ? THEN 1 ELSE 0 END)`,
              [s.time(scope.now)],
            ),
          })
          .where((w) =>
            w
              .whereBetween(t('submittedAt'), [start, end] as never)
              .orWhereBetween(t('closedAt'), [start, end] as never)
              .orWhere(t('state'), 'in_review'),
          )
          .groupBy(t('departmentId')),
        UID.task,
        't',
        scope,
      );
      const [tasks, decisions] = await Promise.all([
        s.planned<Raw[]>(tasksQuery, { parallel: false }),
        figures.decisions(scope),
      ]);
      const lateBy = new Map<number, number>();
      for (const r of decisions) {
        const late = num(r.decidedLate);
        if (late > 0) lateBy.set(num(r.departmentId), (lateBy.get(num(r.departmentId)) ?? 0) + late);
      }
      const ids = [...new Set([...tasks.map((r) => num(r.departmentId)), ...lateBy.keys()])];
      const names = await departmentNames(ids);
      const rows = ids
        .map((id) => {
          const r = tasks.find((row) => num(row.departmentId) === id) ?? {};
          return {
            department: names.get(id) ?? 'Chưa gắn sở',
            received: num(r.received),
            approved: num(r.approved),
            rejected: num(r.rejected),
            averageDays: round1(r.averageDays),
            decidedLate: lateBy.get(id) ?? 0,
            overdueOpen: num(r.overdueOpen),
          };
        })
        .sort((a, b) => String(a.department).localeCompare(String(b.department), 'vi'));
      return {
        key: 'submissions-by-department',
        title: 'Hồ sơ kiểm duyệt theo sở',
        section: 'submissions',
        columns: [
          text('department', 'Sở'),
          integer('received', 'Hồ sơ nhận'),
          integer('approved', 'Đã duyệt'),
          integer('rejected', 'Từ chối'),
          decimal('averageDays', 'Thời gian xử lý trung bình (ngày)'),
          integer('decidedLate', 'Xử lý quá hạn'),
          integer('overdueOpen', 'Đang quá hạn'),
        ],
        rows,
        chart: {
          kind: 'bar',
          label: 'department',
          values: ['received', 'approved', 'rejected', 'overdueOpen'],
        },
        note: '“Đang quá hạn”: hồ sơ chưa xử lý đã qua hạn tại thời điểm xem (QC Điều 10.3).',
      };
    },

    /** Decisions per officer in the period (from the history), and their open tasks past deadline. */
    async submissionsByOfficer(scope: Scope): Promise<StatTable> {
      const s = sql();
      const k = s.knex();
      const t = (a: string) => `t.${s.column(UID.task, a)}`;
      const openQuery = workflowInScope(
        k(`${s.table(UID.task)} as t`)
          .select({ departmentId: t('departmentId'), officerId: t('assigneeId') })
          .count({ assigned: '*' })
          .select({
            overdueOpen: k.raw(`SUM(CASE WHEN ${t('dueAt')} < ? THEN 1 ELSE 0 END)`, [s.time(scope.now)]),
          })
          .where(t('state'), 'in_review')
          .whereNotNull(t('assigneeId'))
          .groupBy(t('departmentId'), t('assigneeId')),
        UID.task,
        't',
        scope,
      ) as Promise<Raw[]>;
      const [decisions, open] = await Promise.all([figures.decisions(scope), openQuery]);
      const key = (r: Raw) => `${num(r.departmentId)}|${num(r.officerId)}`;
      const rows = new Map<string, Raw>();
      for (const r of [...decisions, ...open]) rows.set(key(r), { ...(rows.get(key(r)) ?? {}), ...r });
      const departments = await departmentNames([...rows.values()].map((r) => num(r.departmentId)));
      const officers = await officerNames([...rows.values()].map((r) => num(r.officerId)));
      return {
        key: 'submissions-by-officer',
        title: 'Hồ sơ kiểm duyệt theo cán bộ',
        section: 'submissions',
        columns: [
          text('department', 'Sở'),
          text('officer', 'Cán bộ'),
          integer('decisions', 'Lượt xử lý'),
          integer('approved', 'Duyệt'),
          integer('rejected', 'Từ chối'),
          integer('supplements', 'Yêu cầu bổ sung'),
          decimal('averageDays', 'Thời gian xử lý trung bình (ngày)'),
          integer('decidedLate', 'Xử lý quá hạn'),
          integer('assigned', 'Đang giữ'),
          integer('overdueOpen', 'Đang quá hạn'),
        ],
        rows: [...rows.values()]
          .map((r) => ({
            department: departments.get(num(r.departmentId)) ?? 'Chưa gắn sở',
            officer: officers.get(num(r.officerId)) ?? `Cán bộ #${num(r.officerId)}`,
            decisions: num(r.decisions),
            approved: num(r.approved),
            rejected: num(r.rejected),
            supplements: num(r.supplements),
            averageDays: round1(r.averageDays),
            decidedLate: num(r.decidedLate),
            assigned: num(r.assigned),
            overdueOpen: num(r.overdueOpen),
          }))
          .sort(
            (a, b) =>
              a.department.localeCompare(b.department, 'vi') || a.officer.localeCompare(b.officer, 'vi'),
          ),
        note: 'Thời gian xử lý tính từ lúc nộp hồ sơ đến quyết định cuối cùng của cán bộ.',
      };
    },

    async ordersByStatus(scope: Scope): Promise<StatTable> {
      const o = (a: string) => `o.${sql().column(UID.order, a)}`;
      const rows = await groupCount(
        between(scoped(UID.order, 'o', scope), o('placedAt'), scope),
        o('orderStatus'),
      );
      return {
        key: 'orders-by-status',
        title: 'Đơn hàng đặt trong kỳ theo trạng thái',
        sheet: 'Đơn hàng theo trạng thái',
        section: 'orders',
        columns: [text('status', 'Trạng thái'), integer('count', 'Số đơn hàng')],
        rows: byCode(rows, namesOf(ORDER_STATUSES), 'status').map(({ code: _code, ...row }) => row),
        chart: { kind: 'pie', label: 'status', values: ['count'] },
      };
    },

    async ordersByMonth(scope: Scope): Promise<StatTable> {
      const s = sql();
      const o = (a: string) => `o.${s.column(UID.order, a)}`;
      const month = s.month(o('placedAt'));
      const rows = (await between(scoped(UID.order, 'o', scope), o('placedAt'), scope)
        .select({ month: s.knex().raw(month), status: o('orderStatus') })
        .count({ count: '*' })
        .groupByRaw(`${month}, ${o('orderStatus')}`)) as Raw[];
      const months = new Map<string, Record<string, Cell>>();
      for (const r of rows) {
        const row = months.get(String(r.month)) ?? {
          month: String(r.month),
          total: 0,
          ...Object.fromEntries(ORDER_STATUSES.map((st) => [st.code, 0])),
        };
        row[String(r.status)] = num(r.count);
        row.total = num(row.total) + num(r.count);
        months.set(String(r.month), row);
      }
      return {
        key: 'orders-by-month',
        title: 'Đơn hàng theo tháng đặt',
        section: 'orders',
        columns: [
          { key: 'month', label: 'Tháng', type: 'month' },
          integer('total', 'Tổng số đơn'),
          ...ORDER_STATUSES.map((st) => integer(st.code, st.name)),
        ],
        rows: [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month))),
        chart: { kind: 'line', label: 'month', values: ['total', 'delivered', 'cancelled'] },
      };
    },

    async reviewsByStatus(scope: Scope): Promise<StatTable> {
      const s = sql();
      const r = (a: string) => `r.${s.column(UID.review, a)}`;
      const base = () => between(scoped(UID.review, 'r', scope), r('createdAt'), scope);
      const rows = (await base()
        .select({ code: r('reviewStatus') })
        .count({ count: '*' })
        .avg({ productStars: r('productStars') })
        .groupBy(r('reviewStatus'))) as Raw[];
      const stars = new Map(rows.map((row) => [String(row.code), round1(row.productStars)]));
      return {
        key: 'reviews-by-status',
        title: 'Đánh giá của người mua gửi trong kỳ',
        sheet: 'Đánh giá của người mua',
        section: 'feedback',
        columns: [
          text('status', 'Trạng thái'),
          integer('count', 'Số đánh giá'),
          decimal('productStars', 'Số sao sản phẩm trung bình'),
        ],
        rows: byCode(rows, MODERATION_STATUS_NAMES, 'status').map(({ code, ...row }) => ({
          ...row,
          productStars: stars.get(String(code)) ?? null,
        })),
        chart: { kind: 'bar', label: 'status', values: ['count'] },
      };
    },

    async complaintsByStatus(scope: Scope): Promise<StatTable> {
      const c = (a: string) => `c.${sql().column(UID.complaint, a)}`;
      const rows = await groupCount(
        between(scoped(UID.complaint, 'c', scope), c('openedAt'), scope),
        c('complaintStatus'),
      );
      return {
        key: 'complaints-by-status',
        title: 'Khiếu nại mở trong kỳ theo trạng thái',
        sheet: 'Khiếu nại theo trạng thái',
        section: 'feedback',
        columns: [text('status', 'Trạng thái'), integer('count', 'Số khiếu nại')],
        rows: byCode(rows, namesOf(COMPLAINT_STATUSES), 'status').map(({ code: _code, ...row }) => row),
        chart: { kind: 'bar', label: 'status', values: ['count'] },
      };
    },

    /** The dashboard's tables by key, in their order. */
    tables(): Record<string, (scope: Scope) => Promise<StatTable>> {
      return {
        'sellers-by-status': figures.sellersByStatus,
        'sellers-by-legal-form': figures.sellersByLegalForm,
        'products-by-status': figures.productsByStatus,
        'products-by-category': figures.productsByCategory,
        'products-by-department': figures.productsByDepartment,
        'products-by-licence-type': figures.productsByLicenceType,
        'products-by-ocop-stars': figures.productsByOcopStars,
        'licences-expiring': figures.licencesExpiring,
        'submissions-by-department': figures.submissionsByDepartment,
        'submissions-by-officer': figures.submissionsByOfficer,
        'orders-by-status': figures.ordersByStatus,
        'orders-by-month': figures.ordersByMonth,
        'reviews-by-status': figures.reviewsByStatus,
        'complaints-by-status': figures.complaintsByStatus,
      };
    },

    /** Every table of the dashboard, in its order; independent queries run side by side. */
    async dashboard(scope: Scope): Promise<StatTable[]> {
      return Promise.all(Object.values(figures.tables()).map((build) => build(scope)));
    },

    /** One table of the dashboard (an export computes only what it writes), or null. */
    async table(key: string, scope: Scope): Promise<StatTable | null> {
      const build = Object.hasOwn(figures.tables(), key) ? figures.tables()[key] : undefined;
      return build ? build(scope) : null;
    },

    /** Counts of things that happened in the period, for the yearly report. */
    async periodCounts(scope: Scope): Promise<Record<string, number>> {
      const s = sql();
      const count = async (qb: Knex.QueryBuilder) =>
        num(((await qb.count({ n: '*' }).first()) as Raw | undefined)?.n);
      const col = (uid: string, alias: string) => (a: string) => `${alias}.${s.column(uid, a)}`;
      const se = col(UID.seller, 's');
      const p = col(UID.product, 'p');
      const l = col(UID.licence, 'l');
      const o = col(UID.order, 'o');
      const c = col(UID.complaint, 'c');
      const [
        sellersRegistered,
        sellersVerified,
        productsPosted,
        productsApprovedNow,
        licencesSubmitted,
        licencesVerified,
        ordersPlaced,
        ordersDelivered,
        ordersCancelled,
        complaintsOpened,
        complaintsEscalated,
      ] = await Promise.all([
        count(between(scoped(UID.seller, 's', scope), se('createdAt'), scope)),
        count(
          between(scoped(UID.seller, 's', scope), se('verifiedAt'), scope).where(
            se('verificationStatus'),
            'verified',
          ),
        ),
        count(between(scoped(UID.product, 'p', scope), p('createdAt'), scope)),
        count(between(figures.approvedProducts(scope), p('createdAt'), scope)),
        count(between(scoped(UID.licence, 'l', scope), l('createdAt'), scope)),
        count(
          between(scoped(UID.licence, 'l', scope), l('verifiedAt'), scope).where(
            l('verificationStatus'),
            'verified',
          ),
        ),
        count(between(scoped(UID.order, 'o', scope), o('placedAt'), scope)),
        count(
          between(scoped(UID.order, 'o', scope), o('placedAt'), scope).where(o('orderStatus'), 'delivered'),
        ),
        count(
          between(scoped(UID.order, 'o', scope), o('placedAt'), scope).where(o('orderStatus'), 'cancelled'),
        ),
        count(between(scoped(UID.complaint, 'c', scope), c('openedAt'), scope)),
        count(
          between(scoped(UID.complaint, 'c', scope), c('openedAt'), scope).whereIn(c('complaintStatus'), [
            'escalated',
            'forwarded',
            'closed',
          ]),
        ),
      ]);
      return {
        sellersRegistered,
        sellersVerified,
        productsPosted,
        productsApprovedNow,
        licencesSubmitted,
        licencesVerified,
        ordersPlaced,
        ordersDelivered,
        ordersCancelled,
        complaintsOpened,
        complaintsEscalated,
      };
    },
  };

  /** Names of departments or categories by id (ids from aggregated rows; nulls skipped). */
  async function namesById(uid: string, ids: unknown[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(num))];
    if (wanted.length === 0) return new Map();
    const rows = (await strapi.db
      .query(uid as StrapiUID.Schema)
      .findMany({ where: { id: { $in: wanted } }, select: ['id', 'name'] })) as {
      id: number;
      name: string;
    }[];
    return new Map(rows.map((d) => [d.id, d.name]));
  }
  const departmentNames = (ids: unknown[]) => namesById(UID.department, ids);

  /** Officers by their staff name (or admin first and last name); never their email. */
  async function officerNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const users = (await strapi.db.query('admin::user').findMany({
      where: { id: { $in: unique } },
      select: ['id', 'firstname', 'lastname'],
    })) as { id: number; firstname: string | null; lastname: string | null }[];
    const staff = (await strapi.db.query('plugin::workflow.staff').findMany({
      where: { user: { id: { $in: unique } } },
      select: ['fullName'],
      populate: { user: { select: ['id'] } },
    })) as { fullName: string | null; user?: { id: number } }[];
    const names = new Map(users.map((u) => [u.id, personName(u)]));
    for (const row of staff) if (row.user && row.fullName) names.set(row.user.id, row.fullName);
    return new Map([...names].map(([id, name]) => [id, name || `Cán bộ #${id}`]));
  }

  return figures;
};
