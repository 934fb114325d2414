import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import {
  allowedComplaintActions,
  assertComplaintTransition,
  complaintStatusName,
  ComplaintTransitionError,
  OPEN_COMPLAINT_STATUSES,
  type ComplaintPartyCode,
  type ComplaintStatusCode,
  type ComplaintTransition,
} from '@sgd/config';
import { coreService } from '@sgd/plugin-core';
import { workflowApi } from '@sgd/plugin-workflow';
import type { ComplaintsConfig } from '../config';
import { MESSAGES, UID } from '../constants';
import { complaintsService } from '../utils/get-service';
import type { ComplaintActionInput, ListQuery, NewComplaint } from '../validation';
import { remedyName, type NoticeComplaint, type Recipient } from './notifier';

type Party = Extract<ComplaintPartyCode, 'buyer' | 'seller'>;
type Viewer = Party | 'staff';

export interface Officer {
  id: number;
  name: string;
  superAdmin: boolean;
  departmentIds: number[];
}

interface ComplaintRow {
  id: number;
  documentId: string;
  title: string;
  orderCode: string;
  sellerName: string;
  subject: string;
  description: string;
  remedy: string;
  complaintStatus: ComplaintStatusCode;
  openedAt: string | Date;
  sellerDueAt: string | Date;
  statusChangedAt: string | Date;
  buyer?: { id: number; email: string | null } | null;
  seller?: {
    documentId: string;
    slug: string | null;
    email: string | null;
    owner?: { id: number; email: string | null } | null;
  } | null;
  order?: { contactName: string; contactPhone: string; contactEmail: string | null } | null;
  department?: { id: number } | null;
}

interface EventRow {
  action: string;
  fromStatus: ComplaintStatusCode | null;
  toStatus: ComplaintStatusCode;
  actorRole: ComplaintPartyCode;
  actorName: string | null;
  message: string | null;
  recipient: string | null;
  createdAt: string | Date;
}

interface OrderRow {
  id: number;
  code: string;
  sellerName: string;
  buyer?: { id: number } | null;
  seller?: { id: number; documentId: string; department?: { id: number } | null } | null;
  department?: { id: number } | null;
}

interface Actor {
  role: ComplaintPartyCode;
  userId?: number | null;
  adminId?: number | null;
  name: string | null;
}

const POPULATE = {
  buyer: { select: ['id', 'email'] },
  seller: { select: ['documentId', 'slug', 'email'], populate: { owner: { select: ['id', 'email'] } } },
  order: { select: ['contactName', 'contactPhone', 'contactEmail'] },
  department: { select: ['id'] },
};

const iso = (value: string | Date) => new Date(value).toISOString();
const conflict = (message: string) => createError(409, message, { name: 'ConflictError' });
const notFound = () => new errors.NotFoundError(MESSAGES.notFound);

/** Turns a refused transition into the HTTP error a person reads. */
function refusal(error: ComplaintTransitionError): Error {
  switch (error.problem) {
    case 'not_allowed':
      // PolicyError: Strapi replaces the message of a plain ForbiddenError by "Forbidden".
      return new errors.PolicyError(error.message);
    case 'wrong_status':
      return conflict(error.message);
    default:
      return new errors.ValidationError(error.message, {
        errors: [
          {
            path: [error.problem === 'message_required' ? 'message' : 'action'],
            message: error.message,
            name: 'ValidationError',
          },
        ],
      });
  }
}

function check(
  status: ComplaintStatusCode,
  action: string,
  party: ComplaintPartyCode,
  message?: string | null,
) {
  try {
    return assertComplaintTransition(status, action, party, message);
  } catch (error) {
    throw error instanceof ComplaintTransitionError ? refusal(error) : error;
  }
}

/**
 * Complaints about orders (QC Điều 11, 13, 19.8, 24): the buyer complains to the seller; the seller
 * answers; the buyer accepts or escalates to the board, and an unsettled complaint escalates by itself
 * after `sellerDays` working days. The board handles it in the `complaint_handling` workflow of the
 * seller's department; an officer may forward it to the consumer protection association. Every move
 * goes through `assertComplaintTransition`, is a conditional update, is recorded and told to the
 * parties. Someone who is neither the buyer nor the seller's owner is told "not found".
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const q = (uid: string) => strapi.db.query(uid as never);
  const now = () => coreService(strapi, 'clock').now();
  const config = () => strapi.config.get('plugin::complaints') as ComplaintsConfig;
  const notifier = () => complaintsService(strapi, 'notifier');
  const workflow = () => workflowApi(strapi);
  const formatDate = (date: Date) =>
    new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(date);

  async function userName(userId: number): Promise<string | null> {
    const user = (await q(UID.user).findOne({ where: { id: userId }, select: ['username', 'fullName'] })) as {
      username: string | null;
      fullName?: string | null;
    } | null;
    return user?.fullName || user?.username || null;
  }

  async function load(documentId: string): Promise<ComplaintRow | null> {
    if (!/^[a-z0-9]{1,64}$/.test(documentId)) return null;
    return (await q(UID.complaint).findOne({
      where: { documentId, publishedAt: null },
      populate: POPULATE,
    })) as ComplaintRow | null;
  }

  async function findForUser(
    documentId: string,
    userId: number,
  ): Promise<{ complaint: ComplaintRow; party: Party }> {
    const complaint = await load(documentId);
    if (complaint?.buyer?.id === userId) return { complaint, party: 'buyer' };
    if (complaint?.seller?.owner?.id === userId) return { complaint, party: 'seller' };
    throw notFound();
  }

  async function history(documentId: string) {
    const rows = (await q(UID.event).findMany({
      where: { complaintDocumentId: documentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as EventRow[];
    return rows.map((row) => ({
      action: row.action,
      from: row.fromStatus,
      to: row.toStatus,
      toName: complaintStatusName(row.toStatus),
      by: row.actorRole,
      actorName: row.actorName,
      message: row.message,
      at: iso(row.createdAt),
    }));
  }

  async function view(complaint: ComplaintRow, viewer: Viewer) {
    const task = await workflow().latestTask(UID.complaint, complaint.documentId);
    return {
      documentId: complaint.documentId,
      orderCode: complaint.orderCode,
      seller: {
        documentId: complaint.seller?.documentId ?? null,
        slug: complaint.seller?.slug ?? null,
        name: complaint.sellerName,
      },
      subject: complaint.subject,
      description: complaint.description,
      remedy: complaint.remedy,
      remedyName: remedyName(complaint.remedy),
      status: complaint.complaintStatus,
      statusName: complaintStatusName(complaint.complaintStatus),
      openedAt: iso(complaint.openedAt),
      sellerDueAt: iso(complaint.sellerDueAt),
      statusChangedAt: iso(complaint.statusChangedAt),
      board: task ? { state: task.state, dueAt: task.dueAt ? iso(task.dueAt) : null } : null,
      viewerRole: viewer,
      actions:
        viewer === 'staff'
          ? []
          : allowedComplaintActions(complaint.complaintStatus, viewer).map((t) => ({
              action: t.action,
              name: t.name,
              messageRequired: t.messageRequired,
            })),
      history: await history(complaint.documentId),
    };
  }

  const notice = (c: ComplaintRow): NoticeComplaint => ({
    documentId: c.documentId,
    orderCode: c.orderCode,
    sellerName: c.sellerName,
    subject: c.subject,
    description: c.description,
    remedy: c.remedy,
  });
  const buyerOf = (c: ComplaintRow): Recipient => ({
    userId: c.buyer?.id ?? null,
    email: c.order?.contactEmail ?? c.buyer?.email ?? null,
  });
  const sellerOf = (c: ComplaintRow): Recipient => ({
    userId: c.seller?.owner?.id ?? null,
    email: c.seller?.email ?? c.seller?.owner?.email ?? null,
  });

  async function record(
    documentId: string,
    action: string,
    from: ComplaintStatusCode | null,
    to: ComplaintStatusCode,
    actor: Actor,
    message: string | null,
    at: Date,
    recipient: string | null = null,
  ) {
    await q(UID.event).create({
      data: {
        complaintDocumentId: documentId,
        action,
        fromStatus: from,
        toStatus: to,
        actorRole: actor.role,
        actorUserId: actor.userId ?? null,
        actorAdminId: actor.adminId ?? null,
        actorName: actor.name,
        message,
        recipient,
        createdAt: at,
      },
    });
  }

  /**
   * Moves the complaint (a conditional update on its status: of two concurrent moves, or two job
   * instances, only one applies), records it, sends it to the board when it escalates, and tells the
   * parties. Runs in the caller's transaction.
   */
  async function apply(
    complaint: ComplaintRow,
    transition: ComplaintTransition,
    actor: Actor,
    message: string | null,
    at: Date,
    recipient: string | null = null,
  ): Promise<boolean> {
    const moved = await q(UID.complaint).updateMany({
      where: { id: complaint.id, complaintStatus: complaint.complaintStatus },
      data: { complaintStatus: transition.to, statusChangedAt: at },
    });
    if (moved.count !== 1) return false;
    await record(
      complaint.documentId,
      transition.action,
      complaint.complaintStatus,
      transition.to,
      actor,
      message,
      at,
      recipient,
    );
    let what = transition.name;
    if (transition.to === 'escalated') {
      const task = await workflow().submit(
        UID.complaint,
        complaint.documentId,
        { userId: actor.role === 'buyer' ? (actor.userId ?? null) : null, name: actor.name ?? 'Hệ thống' },
        undefined,
        { notify: false },
      );
      if (task.dueAt) what += ` (hạn xử lý: ${formatDate(new Date(task.dueAt))})`;
    }
    const recipients: Recipient[] =
      actor.role === 'buyer'
        ? [sellerOf(complaint)]
        : actor.role === 'seller'
          ? [buyerOf(complaint)]
          : transition.action === 'close'
            ? [sellerOf(complaint)]
            : [buyerOf(complaint), sellerOf(complaint)];
    await notifier().changed(recipients, notice(complaint), transition.to, what, message, at);
    return true;
  }

  return {
    /** The buyer of an order opens a complaint to its seller (one open complaint per order). */
    async open(userId: number, input: NewComplaint) {
      const order = (await q(UID.order).findOne({
        where: { code: input.order },
        populate: {
          buyer: { select: ['id'] },
          seller: { select: ['id', 'documentId'], populate: { department: { select: ['id'] } } },
          department: { select: ['id'] },
        },
      })) as OrderRow | null;
      if (!order || order.buyer?.id !== userId) throw new errors.NotFoundError(MESSAGES.orderNotFound);
      const open = await q(UID.complaint).count({
        where: {
          order: { id: order.id },
          complaintStatus: { $in: OPEN_COMPLAINT_STATUSES },
          publishedAt: null,
        },
      });
      if (open > 0) throw conflict(MESSAGES.alreadyOpen);
      const at = now();
      const calendar = await coreService(strapi, 'calendar').get();
      const due = calendar.addWorkingDays(at, config().sellerDays);
      const name = await userName(userId);
      const documentId = await strapi.db.transaction(async () => {
        const created = (await strapi.documents(UID.complaint as never).create({
          data: {
            title: `Khiếu nại đơn hàng ${order.code}: ${input.subject}`.slice(0, 255),
            order: order.id,
            orderCode: order.code,
            buyer: userId,
            seller: order.seller?.documentId,
            sellerName: order.sellerName,
            subject: input.subject,
            description: input.description,
            remedy: input.remedy,
            complaintStatus: 'opened',
            reviewStatus: 'draft',
            department: order.department?.id ?? order.seller?.department?.id ?? null,
            openedAt: at,
            sellerDueAt: due,
            statusChangedAt: at,
          } as never,
        })) as unknown as { documentId: string };
        await record(created.documentId, 'open', null, 'opened', { role: 'buyer', userId, name }, null, at);
        const complaint = (await load(created.documentId)) as ComplaintRow;
        await notifier().opened(sellerOf(complaint), notice(complaint), formatDate(due), at);
        return created.documentId;
      });
      return this.read(documentId, userId);
    },

    async list(userId: number, party: Party, query: ListQuery) {
      const where = {
        publishedAt: null,
        ...(party === 'buyer' ? { buyer: { id: userId } } : { seller: { owner: { id: userId } } }),
        ...(query.status ? { complaintStatus: query.status } : {}),
      };
      const [rows, total] = await Promise.all([
        q(UID.complaint).findMany({
          where,
          populate: POPULATE,
          orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<ComplaintRow[]>,
        q(UID.complaint).count({ where }),
      ]);
      return {
        data: await Promise.all(rows.map((row) => view(row, party))),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },

    async read(documentId: string, userId: number) {
      const { complaint, party } = await findForUser(documentId, userId);
      return view(complaint, party);
    },

    /** The buyer's or the seller's action, checked against the status machine. */
    async act(documentId: string, userId: number, input: ComplaintActionInput) {
      const { complaint, party } = await findForUser(documentId, userId);
      const transition = check(complaint.complaintStatus, input.action, party, input.message);
      const name = party === 'seller' ? complaint.sellerName : await userName(userId);
      await strapi.db.transaction(async () => {
        if (!(await apply(complaint, transition, { role: party, userId, name }, input.message, now())))
          throw conflict(MESSAGES.changedMeanwhile);
      });
      return this.read(documentId, userId);
    },

    /**
     * Sends to the board every complaint the seller has not settled in time. Each one is claimed by the
     * conditional update in `apply`, so two instances running this at once escalate it once.
     */
    async escalateOverdue(at: Date = now()): Promise<number> {
      const due = (await q(UID.complaint).findMany({
        where: {
          publishedAt: null,
          complaintStatus: { $in: ['opened', 'answered'] },
          sellerDueAt: { $lt: at },
        },
        populate: POPULATE,
        orderBy: { sellerDueAt: 'asc' },
        limit: 200,
      })) as ComplaintRow[];
      let escalated = 0;
      for (const complaint of due) {
        const transition = check(complaint.complaintStatus, 'escalate_overdue', 'system');
        const done = await strapi.db.transaction(() =>
          apply(complaint, transition, { role: 'system', name: 'Hệ thống' }, null, at),
        );
        if (done) escalated += 1;
      }
      return escalated;
    },

    /** The complaints the person made, with their history: part of their personal-data export. */
    async exportFor(userId: number) {
      const rows = (await q(UID.complaint).findMany({
        where: { publishedAt: null, buyer: { id: userId } },
        populate: POPULATE,
        orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      })) as ComplaintRow[];
      return Promise.all(rows.map((row) => view(row, 'buyer')));
    },

    /** An officer of the seller's department reads the complaint (the super admin reads all). */
    async readForOfficer(documentId: string, officer: Officer) {
      const complaint = await load(documentId);
      if (!complaint || !inScope(officer, complaint)) throw new errors.NotFoundError(MESSAGES.outOfScope);
      return view(complaint, 'staff');
    },

    /** Forwards an escalated complaint to the consumer protection association, by email (QC Điều 19.8, 24). */
    async forward(documentId: string, officer: Officer, message: string) {
      const complaint = await load(documentId);
      if (!complaint || !inScope(officer, complaint)) throw new errors.NotFoundError(MESSAGES.outOfScope);
      const transition = check(complaint.complaintStatus, 'forward', 'staff', message);
      const address = config().consumerAssociationEmail;
      if (!address) throw new errors.ApplicationError(MESSAGES.noAssociation);
      const at = now();
      await strapi.db.transaction(async () => {
        const actor = { role: 'staff' as const, adminId: officer.id, name: officer.name };
        if (!(await apply(complaint, transition, actor, message, at, address)))
          throw conflict(MESSAGES.changedMeanwhile);
        const steps = (await history(complaint.documentId)).map(
          (h) => `- ${formatDate(new Date(h.at))}: ${h.toName}${h.message ? `. ${h.message}` : ''}`,
        );
        await notifier().toAssociation(
          address,
          notice(complaint),
          {
            name: complaint.order?.contactName ?? '',
            phone: complaint.order?.contactPhone ?? '',
            email: complaint.order?.contactEmail ?? complaint.buyer?.email ?? null,
          },
          message,
          steps,
          officer.name,
          at,
        );
      });
      return view((await load(documentId)) as ComplaintRow, 'staff');
    },

    /** The board's workflow closed the task (approved or rejected): the complaint is closed. */
    async closeByBoard(documentId: string, comment: string | null) {
      const complaint = await load(documentId);
      const [transition] = complaint ? allowedComplaintActions(complaint.complaintStatus, 'system') : [];
      if (!complaint || transition?.action !== 'close') return;
      await strapi.db.transaction(() =>
        apply(complaint, transition, { role: 'system', name: 'Ban quản lý Sàn' }, comment, now()),
      );
    },

    /** Only the complaint's own escalation sends it to the board (not a direct workflow submission). */
    async assertEscalated(documentId: string) {
      const complaint = await load(documentId);
      if (!complaint || !['escalated', 'forwarded'].includes(complaint.complaintStatus)) {
        throw conflict(MESSAGES.onlyThroughComplaint);
      }
    },
  };

  function inScope(officer: Officer, complaint: ComplaintRow): boolean {
    if (officer.superAdmin) return true;
    const department = complaint.department?.id;
    return department !== undefined && officer.departmentIds.includes(department);
  }
};
