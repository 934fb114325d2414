import type { Core } from '@strapi/strapi';
import { coreService } from '@sgd/plugin-core';
import { UID } from '../constants';
import { fillTemplate } from '../engine/template';
import type { TaskRow } from '../types';
import { fail } from '../utils/errors';

type Row = Record<string, unknown>;

/** Who and what a reply is about. */
export type ReplyTarget = Pick<
  TaskRow,
  'targetUid' | 'targetDocumentId' | 'title' | 'submitterEmail' | 'submitterName' | 'submitterUserId'
>;

export const formatDate = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);

/** Reply templates and the email and in-app notice they become for the submitter. */
const repliesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The template for a decision taken at a stage: the one chosen (checked: same action, and the
   * workflow's or the stage's own when it has one), else the stage's, else the workflow's, else the
   * generic one.
   */
  async templateFor(
    workflow: string | null,
    stage: string | null,
    action: string,
    templateId?: number | null,
  ): Promise<Row | null> {
    if (templateId) {
      const chosen = (await strapi.db
        .query(UID.template)
        .findOne({ where: { id: templateId } })) as Row | null;
      if (
        !chosen ||
        chosen.action !== action ||
        (chosen.workflow && chosen.workflow !== workflow) ||
        (chosen.stage && chosen.stage !== stage)
      ) {
        fail(400, 'Mẫu trả lời không dùng được cho thao tác này.');
      }
      return chosen;
    }
    const candidates = (await strapi.db.query(UID.template).findMany({
      where: { action, $or: [{ workflow }, { workflow: null }, { workflow: '' }] },
      orderBy: { id: 'asc' },
    })) as Row[];
    return (
      candidates.find((t) => t.workflow === workflow && stage !== null && t.stage === stage) ??
      candidates.find((t) => t.workflow === workflow && !t.stage) ??
      candidates.find((t) => !t.workflow && !t.stage) ??
      null
    );
  },

  /** Email (through the outbox) and in-app notice to the submitter, from a template. */
  async tell(target: ReplyTarget, template: Row | null, values: Record<string, string>): Promise<void> {
    if (!template) return;
    const filled = {
      submitterName: target.submitterName ?? 'Quý vị',
      itemTitle: target.title ?? '',
      ...values,
      reasonLine: values.reason ? `\nGhi chú: ${values.reason}` : '',
    };
    await coreService(strapi, 'outbox').tell(
      { email: target.submitterEmail ?? null, userId: target.submitterUserId ?? null },
      {
        subject: fillTemplate(String(template.subject), filled),
        body: fillTemplate(String(template.body), filled),
        targetUid: target.targetUid,
        targetDocumentId: target.targetDocumentId,
      },
      coreService(strapi, 'clock').now(),
    );
  },
});

export default repliesService;
