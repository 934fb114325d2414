import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WORKFLOW_ACTION_CODES } from '@sgd/config';
import { z } from 'zod';
import { coreService } from '@sgd/plugin-core';
import { DEPARTMENT_UID, UID } from '../constants';
import { id, parse, period, text } from './input';
import type { Officer } from '../services/staff';
import type { TaskRow } from '../types';
import { workflowService } from '../utils/get-service';

type Ctx = {
  state: { user?: { id: number } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body?: unknown;
};

const inboxQuery = z
  .object({
    state: z
      .enum(['in_review', 'supplement_requested', 'approved', 'rejected', 'cancelled', 'open', 'all'])
      .default('open'),
    workflow: z.string().max(60).optional(),
    stage: z.string().max(60).optional(),
    type: z.string().max(120).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    assignee: z.union([z.enum(['me', 'none']), id]).optional(),
    departmentId: id.optional(),
    q: z.string().max(100).optional(),
    page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'Mỗi trang tối đa 100 hồ sơ.').default(20),
  })
  .strict('Tham số không được hỗ trợ.');

const actionBody = z
  .object({
    action: z.enum(WORKFLOW_ACTION_CODES as [string, ...string[]], { message: 'Thao tác không hợp lệ.' }),
    comment: text(5000, 'Nội dung trả lời').nullish(),
    internalComment: text(5000, 'Ghi chú nội bộ').nullish(),
    templateId: id.nullish(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');

const bulkBody = z
  .object({
    ids: z.array(id).min(1, 'Chọn ít nhất một hồ sơ.').max(100, 'Mỗi lần xử lý tối đa 100 hồ sơ.'),
    action: z.enum(['approve', 'reject'], { message: 'Xử lý hàng loạt chỉ gồm duyệt hoặc từ chối.' }),
    comment: text(5000, 'Nội dung trả lời').nullish(),
    templateId: id.nullish(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');

const lockBody = z
  .object({
    uid: z.string().max(120),
    documentId: z.string().min(1).max(64),
    reason: text(2000, 'Lý do').optional(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');

const adminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const staff = () => workflowService(strapi, 'staff');
  const workflow = () => workflowService(strapi, 'workflow');
  const definitions = () => workflowService(strapi, 'definitions');
  const calendar = () => coreService(strapi, 'calendar');
  const now = () => coreService(strapi, 'clock').now();

  async function officerOf(ctx: Ctx): Promise<Officer> {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    const officer = await staff().officer(ctx.state.user.id);
    if (!officer.superAdmin && officer.departmentIds.length === 0) {
      throw new errors.PolicyError('Tài khoản của bạn chưa được gán vào sở nào. Liên hệ quản trị viên.');
    }
    return officer;
  }

  /** Adds names and the countdown a person reads in the inbox. */
  async function present(tasks: TaskRow[]) {
    const cal = await calendar().get();
    const at = now();
    const departmentIds = [
      ...new Set(tasks.map((t) => t.departmentId).filter((v): v is number => v !== null)),
    ];
    const assigneeIds = [...new Set(tasks.map((t) => t.assigneeId).filter((v): v is number => v !== null))];
    const departments = (await strapi.db
      .query(DEPARTMENT_UID)
      .findMany({ where: { id: { $in: departmentIds } }, select: ['id', 'name', 'code'] })) as {
      id: number;
      name: string;
      code: string;
    }[];
    const users = (await strapi.db.query('admin::user').findMany({
      where: { id: { $in: assigneeIds } },
      select: ['id', 'firstname', 'lastname', 'email'],
    })) as {
      id: number;
      firstname?: string;
      lastname?: string;
      email: string;
    }[];
    const workflows = await definitions().all();
    return tasks.map((task) => {
      const due = task.dueAt ? new Date(task.dueAt) : null;
      const open = task.state === 'in_review';
      const overdueDays = open && due && due < at ? cal.workingDaysBetween(due, at) : 0;
      const leftDays = open && due && due >= at ? cal.workingDaysBetween(at, due) : null;
      const wf = workflows.find((w) => w.code === task.workflow);
      const user = users.find((u) => u.id === task.assigneeId);
      return {
        ...task,
        workflowName: wf?.name ?? task.workflow,
        stageName: wf?.stages[task.stageIndex]?.name ?? task.stage,
        stageCount: wf?.stages.length ?? 1,
        typeName: strapi.contentType(task.targetUid as never)?.info.displayName ?? task.targetUid,
        department: departments.find((d) => d.id === task.departmentId) ?? null,
        assigneeName: user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email : null,
        countdown:
          open && due
            ? { overdue: due < at, overdueWorkingDays: overdueDays, workingDaysLeft: leftDays }
            : null,
      };
    });
  }

  return {
    async me(ctx: Ctx) {
      const officer = await officerOf(ctx);
      ctx.body = { data: officer };
    },

    async inbox(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const query = parse(inboxQuery, ctx.query);
      const where: Record<string, unknown> = {};
      if (query.state === 'open') where.state = { $in: ['in_review', 'supplement_requested'] };
      else if (query.state !== 'all') where.state = query.state;
      if (query.workflow) where.workflow = query.workflow;
      if (query.stage) where.stage = query.stage;
      if (query.type) where.targetUid = query.type;
      if (query.overdue === 'true') Object.assign(where, { state: 'in_review', dueAt: { $lt: now() } });
      if (query.overdue === 'false') Object.assign(where, { dueAt: { $gte: now() } });
      if (query.assignee === 'me') where.assigneeId = officer.id;
      else if (query.assignee === 'none') where.assigneeId = null;
      else if (typeof query.assignee === 'number') where.assigneeId = query.assignee;
      if (query.q) where.title = { $containsi: query.q };
      const scope = staff().scopeOf(officer);
      if (query.departmentId !== undefined) {
        if (scope && !scope.includes(query.departmentId)) where.departmentId = -1;
        else where.departmentId = query.departmentId;
      } else if (scope) {
        where.departmentId = { $in: scope };
      }
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.task).findMany({
          where,
          orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        strapi.db.query(UID.task).count({ where }),
      ]);
      ctx.body = {
        data: await present(rows as TaskRow[]),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize),
          },
        },
      };
    },

    async task(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const task = await workflow().getTask(parse(id, ctx.params.id), officer);
      ctx.body = { data: await this.detail(task, officer) };
    },

    async detail(task: TaskRow, officer: Officer) {
      const [presented] = await present([task]);
      const allowed = await workflow().allowed(task, officer);
      const wf = await definitions().byCode(task.workflow);
      const templates = await strapi.db.query(UID.template).findMany({
        where: {
          action: { $in: allowed },
          $or: [{ workflow: task.workflow }, { workflow: null }, { workflow: '' }],
        },
        orderBy: { id: 'asc' },
        select: ['id', 'name', 'action', 'workflow', 'subject', 'body'],
      });
      return {
        task: presented,
        allowedActions: allowed,
        stages: wf.stages.map((s) => ({ code: s.code, name: s.name, deadlineDays: s.deadlineDays })),
        templates,
        history: await workflowService(strapi, 'history').list(task, true),
      };
    },

    /** The panel of an item's edit view: its latest submission, if the item is in my scope. */
    async item(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const uid = ctx.params.uid;
      const documentId = ctx.params.documentId;
      if (!workflowService(strapi, 'targets').binding(uid)) {
        ctx.body = { data: null };
        return;
      }
      const task = await workflow().latestTask(uid, documentId);
      if (!task) {
        ctx.body = { data: null };
        return;
      }
      if (!staff().inScope(officer, task.departmentId))
        throw new errors.NotFoundError('Không tìm thấy hồ sơ.');
      ctx.body = { data: await this.detail(task, officer) };
    },

    async claim(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const task = await workflow().claim(parse(id, ctx.params.id), officer);
      ctx.body = { data: await this.detail(task, officer) };
    },

    async assign(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(
        z.object({ assigneeId: id }).strict('Dữ liệu có trường không được hỗ trợ.'),
        ctx.request.body,
      );
      const task = await workflow().assign(parse(id, ctx.params.id), body.assigneeId, officer);
      ctx.body = { data: await this.detail(task, officer) };
    },

    async act(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(actionBody, ctx.request.body);
      const task = await workflow().act(parse(id, ctx.params.id), body as never, officer);
      ctx.body = { data: await this.detail(task, officer) };
    },

    /** Bulk approve or reject, for single-stage workflows (reviews, comments, consumer posts). */
    async bulk(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(bulkBody, ctx.request.body);
      const results: { id: number; ok: boolean; message?: string }[] = [];
      for (const taskId of body.ids) {
        try {
          const task = await workflow().getTask(taskId, officer);
          const wf = await definitions().byCode(task.workflow);
          if (wf.stages.length !== 1) {
            results.push({ id: taskId, ok: false, message: 'Chỉ xử lý hàng loạt được quy trình một bước.' });
            continue;
          }
          await workflow().act(
            taskId,
            { action: body.action, comment: body.comment, templateId: body.templateId },
            officer,
          );
          results.push({ id: taskId, ok: true });
        } catch (error) {
          results.push({
            id: taskId,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
      ctx.body = { data: results };
    },

    async overdue(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const query = parse(period, ctx.query);
      const at = now();
      const cal = await calendar().get();
      const from = query.from
        ? new Date(query.from)
        : cal.startOfVietnamDay(`${cal.vietnamDate(at).slice(0, 4)}-01-01`);
      const to = query.to ? cal.endOfVietnamDay(query.to.slice(0, 10)) : at;
      if (from > to) throw new errors.ValidationError('Ngày bắt đầu phải trước ngày kết thúc.');
      const scope = staff().scopeOf(officer);
      let departmentIds = scope;
      if (query.departmentId !== undefined) {
        departmentIds = scope === null || scope.includes(query.departmentId) ? [query.departmentId] : [];
      }
      const stats = workflowService(strapi, 'stats');
      ctx.body = { data: await stats.overdue({ from, to, departmentIds }, at, cal) };
    },

    async templates(ctx: Ctx) {
      await officerOf(ctx);
      const query = parse(
        z
          .object({ workflow: z.string().max(60).optional(), action: z.string().max(40).optional() })
          .strict('Tham số không được hỗ trợ.'),
        ctx.query,
      );
      const where: Record<string, unknown> = {};
      if (query.action) where.action = query.action;
      if (query.workflow) where.$or = [{ workflow: query.workflow }, { workflow: null }, { workflow: '' }];
      ctx.body = { data: await strapi.db.query(UID.template).findMany({ where, orderBy: { id: 'asc' } }) };
    },

    async definitionsList(ctx: Ctx) {
      await officerOf(ctx);
      const all = await definitions().all();
      // Display names of the bound content types, for the inbox's type filter.
      const typeNames = Object.fromEntries(
        all
          .flatMap((wf) => wf.contentTypes)
          .map((uid) => [uid, strapi.contentType(uid as never)?.info.displayName ?? uid]),
      );
      ctx.body = { data: all, meta: { typeNames } };
    },

    async definitionsSave(ctx: Ctx) {
      const body = ctx.request.body as { data?: unknown } | undefined;
      ctx.body = { data: await definitions().save(body?.data) };
    },

    async lock(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(lockBody, ctx.request.body);
      await workflowService(strapi, 'locking').lock(body.uid, body.documentId, body.reason ?? '', officer);
      ctx.body = { data: { locked: true } };
    },

    async unlock(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(lockBody, ctx.request.body);
      const task = await workflowService(strapi, 'locking').unlock(
        body.uid,
        body.documentId,
        body.reason ?? '',
        officer,
      );
      ctx.body = { data: { locked: false, taskId: task?.id ?? null } };
    },
  };
};

export default adminController;
