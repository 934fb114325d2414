import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
}

interface OutboxRow {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

const MAX_ATTEMPTS = 12;
const BATCH = 25;
const LEASE_MS = 2 * 60 * 1000;

/** Minutes to wait before the next attempt: 1, 2, 4 … capped at one hour. */
export const backoffMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/** Who is told: by email when an address is known, in the app when they have an account. */
export interface Recipient {
  email: string | null;
  userId: number | null;
}

/** What is told, and the item it is about (the in-app notice links to it). */
export interface Notice {
  subject: string;
  body: string;
  targetUid: string;
  targetDocumentId: string;
}

/**
 * Email goes through a table: the caller's transaction only writes a row, and `deliver` (a job every
 * minute, `OUTBOX_JOB_RULE`) sends pending rows with retries. Each row is claimed with a conditional
 * update, so several instances never send the same message twice.
 */
const outboxService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Tells one person: an email through the outbox and an in-app notice (`GET /api/notifications`), both written in the caller's transaction, so nothing is sent for
   * a change that was not saved and nothing is lost while the mail server is down.
   */
  async tell(to: Recipient, notice: Notice, now: Date): Promise<void> {
    if (to.email) await this.enqueue({ to: to.email, subject: notice.subject, body: notice.body }, now);
    if (to.userId) {
      await strapi.db.query(UID.notification).create({
        data: {
          userId: to.userId,
          title: notice.subject,
          body: notice.body,
          targetUid: notice.targetUid,
          targetDocumentId: notice.targetDocumentId,
          createdAt: now,
        },
      });
    }
  },

  async enqueue(email: OutgoingEmail, now: Date): Promise<void> {
    await strapi.db.query(UID.outbox).create({
      data: {
        recipient: email.to,
        subject: email.subject.slice(0, 255),
        body: email.body,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
      },
    });
  },

  async deliver(now: Date): Promise<{ sent: number; failed: number }> {
    const due = (await strapi.db.query(UID.outbox).findMany({
      where: {
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', lockedUntil: { $lt: now } },
        ],
      },
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as (OutboxRow & { status: string; lockedUntil: string | null })[];
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      const claimed = await strapi.db.query(UID.outbox).updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts },
        data: { status: 'sending', lockedUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count !== 1) continue;
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send({ to: row.recipient, subject: row.subject, text: row.body });
        await strapi.db.query(UID.outbox).update({
          where: { id: row.id },
          data: {
            status: 'sent',
            sentAt: now,
            attempts: row.attempts + 1,
            lockedUntil: null,
            lastError: null,
          },
        });
        sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        await strapi.db.query(UID.outbox).update({
          where: { id: row.id },
          data: {
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            lockedUntil: null,
            lastError: message.slice(0, 2000),
            nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60 * 1000),
          },
        });
        failed += 1;
        strapi.log.warn(`Gửi thư tới ${row.recipient} thất bại (lần ${attempts}): ${message}`);
      }
    }
    return { sent, failed };
  },
});

export default outboxService;
export type Outbox = ReturnType<typeof outboxService>;
