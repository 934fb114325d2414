import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REPORT_REASONS, REPORT_TARGET_TYPES } from '@sgd/config';
import { workflowApi } from '@sgd/plugin-workflow';
import { MESSAGES, UID } from '../constants';
import type { NewReport } from '../validation';

type Row = Record<string, unknown>;

/**
 * Reports of violations (QC Điều 26.2): anyone reports a product, a seller or a post, with a reason;
 * the report lands in the review queue of the target's department (found as the target's workflow
 * finds it), where an officer decides and, when needed, locks the target (`POST /workflow/locks`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => workflowApi(strapi);

  /**
   * The public item reported (by documentId, or by slug when the type has one), with its title and
   * the department its own workflow routes it to.
   */
  async function target(type: NewReport['targetType'], key: string) {
    const spec = REPORT_TARGET_TYPES.find((t) => t.code === type);
    const model = spec ? strapi.contentType(spec.uid as never) : undefined;
    if (!spec || !model) throw new errors.NotFoundError(MESSAGES.targetNotFound);
    const bySlug = 'slug' in model.attributes ? [{ slug: key }] : [];
    const row = (await strapi.db.query(spec.uid as never).findOne({
      where: { publishedAt: { $notNull: true }, $or: [{ documentId: key }, ...bySlug] },
      select: ['documentId'],
    })) as Row | null;
    if (!row) throw new errors.NotFoundError(MESSAGES.targetNotFound);
    const documentId = String(row.documentId);
    const { title, departmentId } = await workflow().describe(spec.uid, documentId);
    return { spec, documentId, title, departmentId };
  }

  return {
    /** The reports the person made while signed in: part of their personal-data export. */
    async exportFor(userId: number) {
      const rows = (await strapi.db.query(UID.report as never).findMany({
        where: { publishedAt: null, reporter: { id: userId } },
        select: [
          'documentId',
          'title',
          'targetType',
          'targetDocumentId',
          'reason',
          'details',
          'reviewStatus',
          'createdAt',
        ],
        orderBy: { id: 'desc' },
      })) as Row[];
      return rows;
    },

    async create(input: NewReport, user: { id: number; username?: string | null } | null) {
      const item = await target(input.targetType, input.target);
      const reason = REPORT_REASONS.find((r) => r.code === input.reason)?.name ?? input.reason;
      return strapi.db.transaction(async () => {
        const created = (await strapi.documents(UID.report as never).create({
          data: {
            title: `Phản ánh ${item.spec.name.toLowerCase()} "${item.title}": ${reason}`.slice(0, 255),
            targetType: input.targetType,
            targetUid: item.spec.uid,
            targetDocumentId: item.documentId,
            targetTitle: item.title.slice(0, 255),
            reason: input.reason,
            details: input.details,
            reporter: user?.id ?? null,
            reporterName: input.name,
            reporterEmail: input.email,
            reviewStatus: 'draft',
            department: item.departmentId,
          } as never,
        })) as unknown as { documentId: string };
        const task = await workflow().submit(UID.report, created.documentId, {
          userId: user?.id ?? null,
          name: input.name ?? user?.username ?? null,
        });
        return {
          documentId: created.documentId,
          targetType: input.targetType,
          target: { documentId: item.documentId, title: item.title },
          reason: input.reason,
          reasonName: reason,
          state: task.state,
          dueAt: task.dueAt ? new Date(task.dueAt).toISOString() : null,
        };
      });
    },
  };
};
