import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DATA_REQUEST_KINDS } from '@sgd/config';
import { CORE_UID, coreService } from '@sgd/plugin-core';
import { WORKFLOW_UID, workflowApi } from '@sgd/plugin-workflow';
import { SELLER_UID as SELLER, UID, USER_UID } from '../constants';
import { ownedSpecs } from '../lib/owned';
import { accountsService } from '../utils/get-service';
import type { UserRow } from './accounts';

type Row = Record<string, unknown>;

const TASK = WORKFLOW_UID.task;
const DATA_REQUEST = UID.dataRequest;
const NOTIFICATION = CORE_UID.notification;

/** Only what a person may see of their own stored data (no password hash, tokens, internal notes). */
const strip = (row: Row | null) => {
  if (!row) return row;
  const { password: _p, resetPasswordToken: _r, confirmationToken: _c, internalNote: _n, ...rest } = row;
  return rest;
};

/** The personal page's data, what "download my data" returns, and deleting an account (QC Điều 16). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function user(userId: number): Promise<UserRow> {
    const row = (await strapi.db
      .query(USER_UID)
      .findOne({ where: { id: userId }, populate: ['role'] })) as UserRow | null;
    if (!row || row.deletedAt) throw new errors.NotFoundError('Không tìm thấy tài khoản.');
    return row;
  }

  const privateFiles = () => accountsService(strapi, 'private-files');
  /** The content types a person owns directly, and those that belong to their seller. */
  const owned = (through: 'owner' | 'seller') =>
    [...ownedSpecs(strapi).values()].filter((spec) => spec.through === through).map((spec) => spec.uid);
  const drafts = (uid: string, where: Row) =>
    strapi.db.query(uid as never).findMany({ where: { ...where, publishedAt: null } }) as Promise<Row[]>;

  return {
    /** A request about my personal data, sent to the staff queue (2 working days). */
    async request(userId: number, input: { kind: string; details: string }) {
      const row = await user(userId);
      const kind = DATA_REQUEST_KINDS.find((k) => k.code === input.kind) as { name: string };
      const department = (await strapi.db
        .query('plugin::core.department')
        .findOne({ where: { code: 'SCT' } })) as { id: number };
      const created = (await strapi.documents(DATA_REQUEST as never).create({
        data: {
          kind: input.kind,
          title: `${kind.name} – ${row.fullName ?? row.email ?? row.phone ?? `tài khoản ${row.id}`}`,
          details: input.details,
          owner: userId,
          department: department.id,
          reviewStatus: 'draft',
        },
      } as never)) as unknown as { documentId: string };
      await workflowApi(strapi).submit(DATA_REQUEST, created.documentId, {
        userId,
        name: row.fullName,
      });
      return (await this.requests(userId))[0];
    },

    /** My requests, newest first, with their state and deadline. */
    async requests(userId: number) {
      const rows = (await strapi.db.query(DATA_REQUEST).findMany({
        where: { owner: { id: userId }, publishedAt: null },
        orderBy: { id: 'desc' },
      })) as Row[];
      const tasks = (await strapi.db.query(TASK).findMany({
        where: { targetUid: DATA_REQUEST, targetDocumentId: { $in: rows.map((r) => r.documentId) } },
        orderBy: { id: 'desc' },
      })) as Row[];
      return rows.map((r) => {
        const task = tasks.find((t) => t.targetDocumentId === r.documentId);
        return {
          documentId: r.documentId,
          kind: r.kind,
          title: r.title,
          details: r.details,
          state: task?.state ?? r.reviewStatus,
          submittedAt: task?.submittedAt ?? r.createdAt,
          dueAt: task?.state === 'in_review' ? task.dueAt : null,
          closedAt: task?.closedAt ?? null,
        };
      });
    },

    /** The profile as the owner sees it. */
    async profile(userId: number) {
      const row = await user(userId);
      return {
        id: row.id,
        fullName: row.fullName,
        email: row.email,
        phone: row.phone,
        confirmed: row.confirmed,
        blocked: row.blocked,
        role: row.role?.type ?? null,
        createdAt: row.createdAt,
        consent: { privacyPolicyVersion: row.consentPolicyVersion, at: row.consentAt },
      };
    },

    async update(userId: number, data: { fullName: string }) {
      await user(userId);
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { fullName: data.fullName } });
      return this.profile(userId);
    },

    /** Everything stored about the person and what they submitted, as JSON. */
    async export(userId: number) {
      const profile = await this.profile(userId);
      const sellers = await drafts(SELLER, { owner: { id: userId } });
      const sellerIds = sellers.map((s) => s.id as number);
      const bySeller = Object.fromEntries(
        await Promise.all(
          owned('seller').map(async (uid) => [
            uid.split('.').pop(),
            (await drafts(uid, { seller: { id: { $in: sellerIds.length ? sellerIds : [-1] } } })).map(strip),
          ]),
        ),
      );
      const direct = Object.fromEntries(
        await Promise.all(
          owned('owner').map(async (uid) => [
            uid.split('.').pop(),
            (await drafts(uid, { owner: { id: userId } })).map(strip),
          ]),
        ),
      );
      const tasks = (await strapi.db.query(TASK).findMany({ where: { submitterUserId: userId } })) as Row[];
      const notifications = await strapi.db.query(NOTIFICATION).findMany({ where: { userId } });
      return {
        exportedAt: new Date().toISOString(),
        profile,
        sellers: sellers.map(strip),
        ...bySeller,
        ...direct,
        submissions: tasks.map((t) => ({
          type: t.targetUid,
          documentId: t.targetDocumentId,
          title: t.title,
          state: t.state,
          submittedAt: t.submittedAt,
          closedAt: t.closedAt,
        })),
        notifications,
        // What the other plugins keep (orders, complaints, reports, reviews…), each registered with core.
        ...(await coreService(strapi, 'personal-data').exportFor(userId)),
        dataRequests: await this.requests(userId),
        privateFiles: (
          await Promise.all(
            sellers.map((seller) => privateFiles().ofItem(SELLER, seller.documentId as string)),
          )
        )
          .flat()
          .map(privateFiles().present),
      };
    },

    /**
     * Deletes the account: personal fields are erased, the login is closed, the person's own posts
     * and unverified business drafts are deleted. A verified seller is stopped by the exchange first
     * (its records are kept by law), so the account of an active seller is not deleted here.
     */
    async remove(userId: number) {
      await user(userId);
      const sellers = await drafts(SELLER, { owner: { id: userId } });
      if (sellers.some((s) => s.verificationStatus === 'verified' || s.verificationStatus === 'locked')) {
        throw new errors.ApplicationError(
          'Tài khoản đang đứng tên một doanh nghiệp đã xác thực trên Sàn. Hãy đề nghị Ban quản lý ngừng hoạt động ' +
            'doanh nghiệp trước khi xóa tài khoản.',
        );
      }
      const documents = (uid: string) => strapi.documents(uid as never);
      for (const uid of owned('owner')) {
        for (const row of await drafts(uid, { owner: { id: userId } })) {
          await documents(uid).delete({ documentId: row.documentId as string } as never);
        }
      }
      const sellerIds = sellers.map((s) => s.id as number);
      if (sellerIds.length) {
        for (const uid of owned('seller')) {
          for (const row of await drafts(uid, { seller: { id: { $in: sellerIds } } })) {
            await documents(uid).delete({ documentId: row.documentId as string } as never);
          }
        }
        for (const seller of sellers) {
          await privateFiles().removeOf(SELLER, seller.documentId as string);
          await documents(SELLER).delete({ documentId: seller.documentId as string } as never);
        }
      }
      await coreService(strapi, 'personal-data').removeFor(userId);
      await strapi.db.query(NOTIFICATION).deleteMany({ where: { userId } });
      await strapi.db.query(UID.code).deleteMany({ where: { userId } });
      await strapi.db.query(TASK).updateMany({
        where: { submitterUserId: userId },
        data: { submitterEmail: null, submitterName: null },
      });
      // The review history (append-only, an administrative record) keeps what was decided and when.
      const { password } = (await (
        strapi.plugin('users-permissions').service('user') as {
          ensureHashedPasswords(values: Row): Promise<Row>;
        }
      ).ensureHashedPasswords({ password: crypto.randomBytes(32).toString('hex') })) as { password: string };
      await strapi.db.query(USER_UID).update({
        where: { id: userId },
        data: {
          username: `da-xoa-${userId}-${crypto.randomBytes(4).toString('hex')}`,
          email: null,
          phone: null,
          fullName: null,
          password,
          confirmed: false,
          blocked: true,
          deletedAt: new Date(),
        },
      });
    },
  };
};
