import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { submitBodySchema, type SubmissionView } from '@sgd/contracts';
import type { TaskRow } from '../types';
import { workflowService } from '../utils/get-service';
import { parse } from './input';

type Ctx = {
  state: { user?: { id: number; username?: string } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body?: unknown;
};

/**
 * What a signed-in seller or consumer does with their own items: submit for review (or resubmit
 * after a request for supplement), follow the decision and its history.
 */
const submissionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => workflowService(strapi, 'workflow');
  const definitions = () => workflowService(strapi, 'definitions');

  /** Short public names of the types under a workflow: `product`, `seller`, `licence` … */
  const typeUid = (type: string): string => {
    const uid = workflowService(strapi, 'targets')
      .reviewableTypes()
      .find((candidate) => strapi.contentType(candidate as never).info.singularName === type);
    if (!uid) throw new errors.ValidationError(`Loại hồ sơ "${type}" không hợp lệ.`);
    return uid;
  };

  const userOf = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    return ctx.state.user;
  };

  /** The item, if the signed-in user owns it; otherwise 404, whether it exists or not. */
  async function owned(ctx: Ctx, type: string, documentId: string) {
    const user = userOf(ctx);
    const uid = typeUid(type);
    const owner = await workflow().ownerOf(uid, documentId);
    if (owner !== user.id) throw new errors.NotFoundError('Không tìm thấy hồ sơ.');
    return { uid, user };
  }

  return {
    async submit(ctx: Ctx) {
      const input = parse(submitBodySchema, ctx.request.body);
      const { uid, user } = await owned(ctx, input.type, input.documentId);
      const task = await workflow().submit(uid, input.documentId, {
        userId: user.id,
        name: user.username ?? null,
      });
      ctx.body = { data: await this.view(task) };
    },

    async status(ctx: Ctx) {
      const { uid } = await owned(ctx, ctx.params.type, ctx.params.documentId);
      const task = await workflow().latestTask(uid, ctx.params.documentId);
      ctx.body = { data: task ? await this.view(task) : null };
    },

    /** The submitter's view: no officer names, no internal notes, no email addresses. */
    async view(task: TaskRow): Promise<SubmissionView> {
      const { definition } = await definitions().version(task.workflow, task.workflowVersion);
      const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
      return {
        state: task.state,
        kind: task.kind,
        round: task.round,
        stage: definition.stages[task.stageIndex]?.name ?? null,
        submittedAt: new Date(task.submittedAt).toISOString(),
        dueAt: task.state === 'in_review' ? iso(task.dueAt) : null,
        closedAt: iso(task.closedAt),
        history: (await workflowService(strapi, 'history').list(task, false)).map((entry) => ({
          action: entry.action,
          comment: entry.comment,
          createdAt: entry.createdAt,
          round: entry.round,
        })),
      };
    },
  };
};

export default submissionsController;
