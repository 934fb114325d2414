import type { Core } from '@strapi/strapi';
import { coreService } from '@sgd/plugin-core';
import { UID } from '../constants';
import type { TaskRow } from '../types';
import { workflowService } from '../utils/get-service';

/**
 * Scheduled work. Every step claims its rows with a conditional update, so running it in several
 * instances at once does each thing once.
 */
const jobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** Marks open tasks whose deadline has passed. */
    async markOverdue(now: Date): Promise<number> {
      const result = await strapi.db.query(UID.task).updateMany({
        where: { state: 'in_review', overdue: false, dueAt: { $lt: now } },
        data: { overdue: true },
      });
      return result.count;
    },

    /**
     * Reminds the assignee and the heads of division when a task becomes due (today, Vietnam time):
     * one email per person listing all their tasks that became due.
     */
    async sendReminders(now: Date): Promise<number> {
      const calendar = await coreService(strapi, 'calendar').get();
      const endOfToday = calendar.endOfVietnamDay(calendar.vietnamDate(now));
      const due = (await strapi.db.query(UID.task).findMany({
        where: { state: 'in_review', reminderSentAt: null, dueAt: { $lte: endOfToday } },
        orderBy: { dueAt: 'asc' },
        limit: 500,
      })) as TaskRow[];
      const staff = workflowService(strapi, 'staff');
      const definitions = workflowService(strapi, 'definitions');
      const outbox = coreService(strapi, 'outbox');
      const when = new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      });
      const digests = new Map<string, { name: string; lines: string[]; late: boolean }>();
      const heads = new Map<number, { email: string; name: string }[]>();
      let reminded = 0;
      for (const task of due) {
        const claimed = await strapi.db.query(UID.task).updateMany({
          where: { id: task.id, reminderSentAt: null, state: 'in_review' },
          data: { reminderSentAt: now },
        });
        if (claimed.count !== 1) continue;
        reminded += 1;
        const recipients: { email: string; name: string }[] = [];
        if (task.assigneeId) {
          const assignee = (await strapi.db.query('admin::user').findOne({
            where: { id: task.assigneeId },
            select: ['email'],
          })) as { email: string } | null;
          const name = (await staff.names([task.assigneeId])).get(task.assigneeId) ?? '';
          if (assignee) recipients.push({ email: assignee.email, name });
        }
        if (task.departmentId) {
          if (!heads.has(task.departmentId))
            heads.set(task.departmentId, await staff.staffOf(task.departmentId, 'head_of_division'));
          recipients.push(...(heads.get(task.departmentId) ?? []));
        }
        const dueAt = task.dueAt ? new Date(task.dueAt) : now;
        const late = dueAt.getTime() < now.getTime();
        const stage = (await definitions.version(task.workflow, task.workflowVersion).catch(() => null))
          ?.definition.stages[task.stageIndex];
        const line = `- "${task.title ?? 'Hồ sơ không tên'}" (bước ${stage?.name ?? task.stageIndex + 1}): ${late ? 'quá hạn từ' : 'hạn'} ${when.format(dueAt)}`;
        for (const recipient of recipients) {
          const digest = digests.get(recipient.email) ?? { name: recipient.name, lines: [], late: false };
          digest.lines.push(line);
          digest.late ||= late;
          digests.set(recipient.email, digest);
        }
      }
      for (const [email, digest] of digests) {
        const count = digest.lines.length;
        await outbox.enqueue(
          {
            to: email,
            subject:
              count === 1
                ? `${digest.late ? 'Quá hạn' : 'Đến hạn'} xử lý hồ sơ ${digest.lines[0].slice(2, digest.lines[0].indexOf('" (') + 1)}`
                : `${count} hồ sơ đến hạn hoặc quá hạn xử lý`,
            body:
              `Kính gửi ${digest.name || 'đồng chí'},\n\nCác hồ sơ sau đến hạn hoặc đã quá hạn xử lý:\n${digest.lines.join('\n')}\n\n` +
              'Đề nghị xử lý trong Hộp duyệt của trang quản trị.\n\nSàn giao dịch điện tử',
          },
          now,
        );
      }
      return reminded;
    },

    async runAll(now: Date): Promise<{ overdue: number; reminders: number }> {
      const overdue = await this.markOverdue(now);
      const reminders = await this.sendReminders(now);
      return { overdue, reminders };
    },
  };
};

export default jobsService;
