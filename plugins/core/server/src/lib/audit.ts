import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { nameInVietnameseOrder } from './names';

export interface AuditEntry {
  /** What was done, e.g. `admin.login`, `role.update`, `workflow.approve`, `private_file.open`. */
  action: string;
  actorId?: number | null;
  actorEmail?: string | null;
  /** Who acted, named in Vietnamese order; by default the signed-in officer's name. */
  actorName?: string | null;
  /** What it was done to, e.g. `plugin::sellers.seller:abc123` or `role:sgd-specialist`. */
  target?: string | null;
  details?: Record<string, unknown> | null;
}

interface RequestLike {
  request?: { ip?: string; body?: unknown };
  state?: { user?: { id?: number; email?: string; firstname?: string | null; lastname?: string | null } };
}

const refuse = () => {
  throw new Error('Nhật ký thao tác không được sửa hoặc xóa.');
};

/** The admin's request being served, if any (who acted, from where). */
const currentRequest = (strapi: Core.Strapi): RequestLike | undefined =>
  strapi.requestContext.get() as RequestLike | undefined;

/**
 * Writes one audit entry; the actor and address default to the request being served. A failure to
 * write is logged, never turned into a failure of the action itself.
 */
export async function recordAudit(strapi: Core.Strapi, entry: AuditEntry): Promise<void> {
  const ctx = currentRequest(strapi);
  try {
    await strapi.db.query(UID.auditEntry).create({
      data: {
        action: entry.action,
        actorId: entry.actorId ?? ctx?.state?.user?.id ?? null,
        actorEmail: entry.actorEmail ?? ctx?.state?.user?.email ?? null,
        actorName:
          entry.actorName ?? (ctx?.state?.user ? nameInVietnameseOrder(ctx.state.user) || null : null),
        target: entry.target ?? null,
        details: entry.details ?? null,
        ip: ctx?.request?.ip ?? null,
      },
    });
  } catch (error) {
    strapi.log.error(`[nhật ký] không ghi được "${entry.action}": ${(error as Error).message}`);
  }
}

type Payload = {
  user?: { id?: number; email?: string; firstname?: string | null; lastname?: string | null };
  role?: { id?: number; code?: string; name?: string };
  permission?: { action?: string; subject?: string | null };
  error?: Error;
};

/** The officer an admin event is about, as the audit log names them. */
const actor = (p: Payload): Partial<AuditEntry> => ({
  actorId: p.user?.id,
  actorEmail: p.user?.email,
  actorName: p.user ? nameInVietnameseOrder(p.user) || null : null,
});

/** Admin events Strapi emits that belong in the audit log, with the target they name. */
const ADMIN_EVENTS: Record<string, (payload: Payload) => Partial<AuditEntry>> = {
  'admin.auth.success': (p) => ({ action: 'admin.login', ...actor(p) }),
  'admin.logout': (p) => ({ action: 'admin.logout', ...actor(p) }),
  'role.create': (p) => ({ target: `role:${p.role?.code ?? p.role?.id}`, details: { name: p.role?.name } }),
  'role.update': (p) => ({ target: `role:${p.role?.code ?? p.role?.id}`, details: { name: p.role?.name } }),
  'role.delete': (p) => ({ target: `role:${p.role?.code ?? p.role?.id}` }),
  'permission.create': (p) => ({
    details: { permission: p.permission?.action, subject: p.permission?.subject },
  }),
  'permission.update': (p) => ({
    details: { permission: p.permission?.action, subject: p.permission?.subject },
  }),
  'permission.delete': (p) => ({
    details: { permission: p.permission?.action, subject: p.permission?.subject },
  }),
  'user.create': (p) => ({ target: `admin-user:${p.user?.id}`, details: { email: p.user?.email } }),
  'user.update': (p) => ({ target: `admin-user:${p.user?.id}`, details: { email: p.user?.email } }),
  'user.delete': (p) => ({ target: `admin-user:${p.user?.id}`, details: { email: p.user?.email } }),
};

/**
 * The audit trail: entries cannot be changed or deleted by any route (db.query included), and
 * staff sign-ins (and failed attempts), sign-outs, role, permission and admin-user changes are
 * recorded from Strapi's own events. Other plugins call `recordAudit` for their actions.
 */
export function registerAuditTrail(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [UID.auditEntry],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
  strapi.eventHub.subscribe(async (event: string, ...args: unknown[]) => {
    const payload = (args[0] ?? {}) as Payload;
    if (event === 'admin.auth.error') {
      const body = currentRequest(strapi)?.request?.body as { email?: unknown } | undefined;
      await recordAudit(strapi, {
        action: 'admin.login_failed',
        actorId: null,
        actorEmail: typeof body?.email === 'string' ? body.email.slice(0, 254) : null,
        details: { reason: payload.error?.message ?? null },
      });
      return;
    }
    const describe = ADMIN_EVENTS[event];
    if (describe) await recordAudit(strapi, { action: event, ...describe(payload) });
  });
}
