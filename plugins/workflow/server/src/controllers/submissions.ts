import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
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
      .boundTypes()
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

  const body = z
    .object({
      type: z.string({ required_error: 'Thiếu loại hồ sơ.' }).max(60),
      documentId: z.string({ required_error: 'Thiếu mã hồ sơ.' }).min(1).max(64),
    })
    .strict('Dữ liệu có trường không được hỗ trợ.');

  return {
    async submit(ctx: Ctx) {
      const input = parse(body, ctx.request.body);
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
    async view(task: TaskRow) {
      const wf = await definitions().byCode(task.workflow);
      return {
        state: task.state,
        kind: task.kind,
        round: task.round,
        stage: wf.stages[task.stageIndex]?.name ?? null,
        submittedAt: task.submittedAt,
        dueAt: task.state === 'in_review' ? task.dueAt : null,
        closedAt: task.closedAt,
        history: await workflowService(strapi, 'history').list(task, false),
      };
    },
  };
};

export default submissionsController;
