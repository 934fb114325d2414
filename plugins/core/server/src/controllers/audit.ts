import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUDIT_ACTIONS } from '@sgd/config';
import { AUDIT_EXPORT_BATCH, MESSAGES, UID } from '../constants';
import { recordAudit } from '../lib/audit';
import { csvStream, type CsvValue } from '../lib/csv';

export interface AuditExportCtx {
  query: Record<string, unknown>;
  state: { userAbility?: { can(action: string, subject: string): boolean } };
  body: unknown;
  set(name: string, value: string): void;
  type: string;
}

/** What the content manager's list of the audit log filters on, and how. */
const FIELDS = new Set(['actorName', 'actorEmail', 'actorId', 'action', 'target', 'ip', 'createdAt']);
const OPERATORS = new Set([
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$contains',
  '$containsi',
  '$notContains',
  '$notContainsi',
  '$startsWith',
  '$endsWith',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
]);

/**
 * The list's filters (`filters[$and][0][action][$eq]=…`, as the content manager writes them in its
 * address) as a Query Engine `where`, refused unless it names only the log's fields and operators.
 */
export function auditWhere(filters: unknown, depth = 0): Record<string, unknown> {
  const fail = () => {
    throw new errors.ValidationError(MESSAGES.auditBadFilter);
  };
  if (filters === undefined || filters === '') return {};
  if (depth > 4 || typeof filters !== 'object' || filters === null || Array.isArray(filters)) fail();
  const where: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (key === '$and' || key === '$or') {
      const parts = Array.isArray(value)
        ? value
        : typeof value === 'object' && value
          ? Object.values(value)
          : fail();
      where[key] = (parts as unknown[]).map((part) => auditWhere(part, depth + 1));
    } else if (FIELDS.has(key)) {
      if (typeof value !== 'object' || value === null) {
        where[key] = { $eq: String(value) };
        continue;
      }
      const condition: Record<string, unknown> = {};
      for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
        if (!OPERATORS.has(operator)) fail();
        const values = Array.isArray(operand) ? operand : [operand];
        if (values.some((v) => typeof v === 'object' && v !== null)) fail();
        condition[operator] = Array.isArray(operand) ? operand.map(String) : String(operand);
      }
      where[key] = condition;
    } else {
      fail();
    }
  }
  return where;
}

const ACTION_NAMES: Record<string, string> = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a.code, a.name]));

/** A time as officers read it: dd/mm/yyyy hh:mm:ss, Vietnam time (UTC+7, no daylight saving). */
export const vietnamTime = (at: string | Date) => {
  const [date, time] = new Date(new Date(at).getTime() + 7 * 3600 * 1000).toISOString().split('T');
  return `${date.split('-').reverse().join('/')} ${time.slice(0, 8)}`;
};

interface Entry {
  id: number;
  createdAt: string;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: unknown;
}

/** `GET /core/audit-entries/export`: the audit log as CSV, filtered as the list is, newest first. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(ctx: AuditExportCtx) {
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', UID.auditEntry)) {
      // A PolicyError keeps its message through Strapi's error handling (a ForbiddenError does not).
      throw new errors.PolicyError(MESSAGES.auditExportForbidden);
    }
    const where = auditWhere(ctx.query.filters);
    await recordAudit(strapi, { action: 'audit.export', target: 'audit-log', details: { filters: where } });
    async function* rows(): AsyncGenerator<CsvValue[]> {
      for (let offset = 0; ; offset += AUDIT_EXPORT_BATCH) {
        const batch = (await strapi.db.query(UID.auditEntry).findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset,
          limit: AUDIT_EXPORT_BATCH,
        })) as Entry[];
        for (const entry of batch) {
          yield [
            vietnamTime(entry.createdAt),
            entry.actorName,
            entry.actorEmail,
            ACTION_NAMES[entry.action] ?? entry.action,
            entry.target,
            entry.ip,
            entry.details ? JSON.stringify(entry.details) : null,
          ];
        }
        if (batch.length < AUDIT_EXPORT_BATCH) return;
      }
    }
    const today = vietnamTime(new Date()).slice(0, 10).replace(/\//g, '-');
    const name = `Nhật ký thao tác ${today}.csv`;
    ctx.set(
      'Content-Disposition',
      `attachment; filename="nhat-ky-thao-tac-${today}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(
      csvStream(
        ['Thời điểm', 'Cán bộ', 'Email cán bộ', 'Thao tác', 'Đối tượng', 'Địa chỉ máy', 'Chi tiết'],
        rows(),
      ),
    );
  },
});
