import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SELLER_UID, USER_UID } from '../constants';
import { normalisePhone } from '@sgd/contracts';

type Row = Record<string, unknown>;
export interface Officer {
  id: number;
  superAdmin: boolean;
  departmentIds: number[];
}

/**
 * Staff look up site users (QC Điều 9): by name, email or phone, only among the people their
 * departments deal with (owners of their sellers, submitters of their tasks); the super admin
 * searches everyone. Each result carries the lock state and the latest lock or unlock reason.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The users an officer may look up: everyone for the super admin, else their departments' people. */
  async function scope(officer: Officer): Promise<Row[]> {
    const where: Row[] = [{ deletedAt: null }];
    if (!officer.superAdmin) {
      const ids = officer.departmentIds.length ? officer.departmentIds : [-1];
      const owners = (await strapi.db.query(SELLER_UID).findMany({
        where: { department: { id: { $in: ids } } },
        select: ['id'],
        populate: { owner: { select: ['id'] } },
      })) as { owner: { id: number } | null }[];
      const submitters = (await strapi.db.query('plugin::workflow.task').findMany({
        where: { departmentId: { $in: ids }, submitterUserId: { $notNull: true } },
        select: ['submitterUserId'],
      })) as { submitterUserId: number }[];
      const inScope = [
        ...new Set([
          ...owners.flatMap((s) => (s.owner ? [s.owner.id] : [])),
          ...submitters.map((t) => t.submitterUserId),
        ]),
      ];
      where.push({ id: { $in: inScope.length ? inScope : [-1] } });
    }
    return where;
  }

  /** Users as staff see them, with the latest lock or unlock and its reason. */
  async function present(rows: Row[]) {
    const locks = (await strapi.db.query('plugin::workflow.history-entry').findMany({
      where: {
        targetUid: USER_UID,
        targetDocumentId: { $in: rows.map((r) => r.documentId) },
        action: { $in: ['lock', 'unlock'] },
      },
      orderBy: { id: 'desc' },
    })) as Row[];
    return rows.map((r) => {
      const last = locks.find((l) => l.targetDocumentId === r.documentId);
      return {
        id: r.id,
        documentId: r.documentId,
        fullName: r.fullName,
        email: r.email,
        phone: r.phone,
        confirmed: r.confirmed,
        blocked: r.blocked,
        role: (r.role as Row | null)?.type ?? null,
        createdAt: r.createdAt,
        lastLock: last ? { action: last.action, reason: last.comment, at: last.createdAt } : null,
      };
    });
  }

  return {
    async search(officer: Officer, q: string, page: number, pageSize: number) {
      const where = await scope(officer);
      const phone = normalisePhone(q);
      where.push({
        $or: [
          { fullName: { $containsi: q } },
          { email: { $containsi: q } },
          ...(phone ? [{ phone }] : /^\d{3,}$/.test(q) ? [{ phone: { $contains: q } }] : []),
        ],
      });
      const [rows, total] = await Promise.all([
        strapi.db.query(USER_UID).findMany({
          where: { $and: where },
          populate: { role: { select: ['type', 'name'] } },
          orderBy: { id: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }) as Promise<Row[]>,
        strapi.db.query(USER_UID).count({ where: { $and: where } }),
      ]);
      return {
        data: await present(rows),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /** One user in the officer's scope; anyone else is "not found". */
    async one(officer: Officer, id: number) {
      const where = await scope(officer);
      where.push({ id });
      const row = (await strapi.db.query(USER_UID).findOne({
        where: { $and: where },
        populate: { role: { select: ['type', 'name'] } },
      })) as Row | null;
      if (!row) throw new errors.NotFoundError('Không tìm thấy người dùng trong phạm vi của bạn.');
      return (await present([row]))[0];
    },
  };
};
