import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { recordAudit, parseInput } from '@sgd/plugin-core';
import { MESSAGES } from '../constants';
import { addInfoSheet, addTableSheet, newWorkbook, tableToCsv, workbookBuffer } from '../services/exporter';
import type { ScopeDescription } from '../services/scope';
import type { Scope, StatTable } from '../services/types';
import {
  dashboardQuery,
  exportQuery,
  periodOf,
  periodProblem,
  reportQuery,
  vietnamDate,
  type Period,
} from '../validation/query';
import { statsService, type StatsServices } from '../services';

export interface Ctx {
  query: Record<string, unknown>;
  params: Record<string, string>;
  state: { user: { id: number } };
  body: unknown;
  set(name: string, value: string): void;
  type: string;
}

const dmy = (date: string) => date.split('-').reverse().join('/');

/** Excel has no time zone: write the Vietnam wall-clock time. */
const vietnamClock = (at: Date) => new Date(at.getTime() + 7 * 3600 * 1000);

function describe(period: Period, description: ScopeDescription): [string, string][] {
  return [
    ['Kỳ thống kê', `${dmy(period.from)} – ${dmy(period.to)}`],
    [
      'Sở',
      description.department?.name ??
        (description.departments.length === 1 ? description.departments[0].name : 'Tất cả các sở'),
    ],
    ['Xã, phường', description.commune?.name ?? 'Tất cả'],
  ];
}

function attachment(ctx: Ctx, name: string, type: string, body: Buffer) {
  ctx.set(
    'Content-Disposition',
    `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  ctx.set('Cache-Control', 'no-store');
  ctx.type = type;
  ctx.body = body;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <K extends keyof StatsServices>(name: K) => statsService(strapi, name);

  async function scoped(
    ctx: Ctx,
    raw: { from?: string; to?: string; department?: number; commune?: string },
  ) {
    const now = new Date();
    const period = periodOf(raw, now);
    const problem = periodProblem(period);
    if (problem) throw new errors.ValidationError(problem);
    const { scope, description } = await service('scope').resolve(ctx.state.user.id, raw, period, now);
    return { scope, description, period };
  }

  const filtersOf = (scope: Scope) => ({
    from: scope.period.from,
    to: scope.period.to,
    departmentIds: scope.departmentIds,
    commune: scope.commune,
  });

  return {
    async dashboard(ctx: Ctx) {
      const query = parseInput(dashboardQuery, ctx.query);
      const { scope, description, period } = await scoped(ctx, query);
      const [{ tables, at }, communes] = await Promise.all([
        service('cache').dashboard(scope, { fresh: query.fresh === '1' }),
        service('scope').communes(),
      ]);
      ctx.body = {
        data: tables,
        meta: {
          period: { from: period.from, to: period.to },
          ...description,
          communes,
          at: at.toISOString(),
        },
      };
    },

    async exportTable(ctx: Ctx) {
      const query = parseInput(exportQuery, ctx.query);
      const { scope, description, period } = await scoped(ctx, query);
      const table = await service('figures').table(ctx.params.table, scope);
      if (!table) throw new errors.NotFoundError(MESSAGES.unknownTable);
      const base = `thong-ke-${table.key}-${period.from}-${period.to}`;
      await recordAudit(strapi, {
        action: 'stats.export',
        target: `stats:${table.key}`,
        details: { format: query.format, ...filtersOf(scope) },
      });
      if (query.format === 'csv') {
        attachment(ctx, `${base}.csv`, 'text/csv; charset=utf-8', tableToCsv(table));
        return;
      }
      const workbook = newWorkbook();
      addTableSheet(workbook, table);
      addInfoSheet(workbook, [
        ['Bảng', table.title],
        ...describe(period, description),
        ...(table.note ? ([['Ghi chú', table.note]] as [string, string][]) : []),
        ['Thời điểm xuất', vietnamClock(scope.now)],
      ]);
      attachment(
        ctx,
        `${base}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await workbookBuffer(workbook),
      );
    },

    async report(ctx: Ctx) {
      const { summary, details, title, info, scope, departments } = await yearlyReport(ctx);
      await recordAudit(strapi, {
        action: 'stats.report',
        target: `stats:yearly-report:${scope.period.from.slice(0, 4)}`,
        details: { format: 'page', ...filtersOf(scope) },
      });
      ctx.body = {
        data: { title, info, summary, details },
        meta: { at: scope.now.toISOString(), departments },
      };
    },

    async reportWorkbook(ctx: Ctx) {
      const { summary, details, title, info, scope } = await yearlyReport(ctx);
      const year = scope.period.from.slice(0, 4);
      await recordAudit(strapi, {
        action: 'stats.export',
        target: `stats:yearly-report:${year}`,
        details: { format: 'xlsx', ...filtersOf(scope) },
      });
      const workbook = newWorkbook();
      const sheet = addTableSheet(workbook, summary, 'Tổng hợp');
      sheet.columns[1].width = 45;
      for (const table of details) addTableSheet(workbook, table);
      addInfoSheet(workbook, [['Báo cáo', title], ...info, ['Thời điểm lập', vietnamClock(scope.now)]]);
      attachment(
        ctx,
        `bao-cao-thuong-mai-dien-tu-${year}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await workbookBuffer(workbook),
      );
    },
  };

  async function yearlyReport(ctx: Ctx) {
    const query = parseInput(reportQuery, ctx.query);
    const now = new Date();
    const period = periodOf({ from: `${query.year}-01-01`, to: `${query.year}-12-31` }, now);
    if (period.start.getTime() > now.getTime()) throw new errors.ValidationError('Năm báo cáo chưa bắt đầu.');
    const { scope, description } = await service('scope').resolve(
      ctx.state.user.id,
      { department: query.department },
      period,
      now,
    );
    const { summary, details } = await service('report').yearly(scope);
    const info = describe(period, description).filter(([label]) => label !== 'Xã, phường');
    const departmentName = info.find(([label]) => label === 'Sở')?.[1] ?? '';
    const title = `Báo cáo tình hình thương mại điện tử năm ${query.year} – ${departmentName}`;
    return {
      summary,
      details: details as StatTable[],
      title,
      info: [...info, ['Lập ngày', dmy(vietnamDate(now))]] as [string, string][],
      scope,
      departments: description.departments,
    };
  }
};
