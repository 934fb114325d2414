import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  TASK_KINDS,
  actionBodySchema,
  lockBodySchema,
  saveDefinitionBodySchema,
  type DefinitionsResponse,
  type TaskDetail,
  type TaskView,
} from '@sgd/contracts';
import { SUPER_ADMIN_ROLE, coreService } from '@sgd/plugin-core';
import { DEPARTMENT_UID, PLUGIN_ID, STRAPI_ROLE_NAMES, UID } from '../constants';
import { COMMUNE_TARGET, DEPARTMENT_TARGET } from '../engine/definitions';
import { pathsTo, type SchemaLookup } from '../engine/paths';
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

const bulkBody = z
  .object({
    ids: z.array(id).min(1, 'Chọn ít nhất một hồ sơ.').max(100, 'Mỗi lần xử lý tối đa 100 hồ sơ.'),
    action: z.enum(['approve', 'reject'], { message: 'Xử lý hàng loạt chỉ gồm duyệt hoặc từ chối.' }),
    comment: text(5000, 'Nội dung trả lời').nullish(),
    templateId: id.nullish(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');

const OPEN = ['in_review', 'supplement_requested'];

const SETTINGS_ACTION = `plugin::${PLUGIN_ID}.settings`;
const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

const adminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const staff = () => workflowService(strapi, 'staff');
  const workflow = () => workflowService(strapi, 'workflow');
  const definitions = () => workflowService(strapi, 'definitions');
  const targets = () => workflowService(strapi, 'targets');
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

  /** Whether the officer holds the permission to save workflows. */
  async function mayEditWorkflows(officer: Officer): Promise<boolean> {
    if (officer.superAdmin) return true;
    const granted = await strapi.db.query('admin::permission').count({
      where: { action: SETTINGS_ACTION, role: { code: { $in: officer.roles } } },
    });
    return granted > 0;
  }

  /** What a submission is called: a type's own label for a first one ("Khiếu nại"), else its kind. */
  const kindName = (task: TaskRow) =>
    (task.kind === 'new' ? targets().optionsOf(task.targetUid)?.label : undefined) ??
    TASK_KINDS.find((kind) => kind.code === task.kind)?.name ??
    task.kind;

  /** Adds names and the countdown a person reads in the inbox. */
  async function present(tasks: TaskRow[]): Promise<TaskView[]> {
    const cal = await calendar().get();
    const at = now();
    const departmentIds = [
      ...new Set(tasks.map((t) => t.departmentId).filter((v): v is number => v !== null)),
    ];
    const departments = (await strapi.db
      .query(DEPARTMENT_UID)
      .findMany({ where: { id: { $in: departmentIds } }, select: ['id', 'name', 'code'] })) as {
      id: number;
      name: string;
      code: string;
    }[];
    const names = await staff().names(tasks.map((t) => t.assigneeId).filter((v): v is number => v !== null));
    return Promise.all(
      tasks.map(async (task) => {
        const due = task.dueAt ? new Date(task.dueAt) : null;
        const open = task.state === 'in_review';
        const overdueDays = open && due && due < at ? cal.workingDaysBetween(due, at) : 0;
        const leftDays = open && due && due >= at ? cal.workingDaysBetween(at, due) : null;
        const stored = await definitions()
          .version(task.workflow, task.workflowVersion)
          .catch(() => null);
        return {
          id: task.id,
          workflow: task.workflow,
          workflowName: stored?.definition.name ?? task.workflow,
          workflowVersion: task.workflowVersion,
          targetUid: task.targetUid,
          targetDocumentId: task.targetDocumentId,
          title: task.title,
          typeName: strapi.contentType(task.targetUid as never)?.info.displayName ?? 'Nội dung đã gỡ',
          kind: task.kind,
          kindName: kindName(task),
          round: task.round,
          state: task.state,
          stage: task.stage,
          stageName: stored?.definition.stages[task.stageIndex]?.name ?? null,
          stageIndex: task.stageIndex,
          stageCount: stored?.definition.stages.length ?? 1,
          department: departments.find((d) => d.id === task.departmentId) ?? null,
          assigneeId: task.assigneeId,
          assigneeName: task.assigneeId ? (names.get(task.assigneeId) ?? null) : null,
          submitterName: task.submitterName,
          submitterEmail: task.submitterEmail,
          submittedAt: new Date(task.submittedAt).toISOString(),
          dueAt: iso(task.dueAt),
          countdown:
            open && due
              ? { overdue: due < at, overdueWorkingDays: overdueDays, workingDaysLeft: leftDays }
              : null,
        };
      }),
    );
  }

  async function detail(task: TaskRow, officer: Officer): Promise<TaskDetail> {
    const [presented] = await present([task]);
    const allowed = await workflow().allowed(task, officer);
    const { definition } = await definitions().version(task.workflow, task.workflowVersion);
    const templates = (await strapi.db.query(UID.template).findMany({
      where: {
        action: { $in: allowed },
        $or: [{ workflow: task.workflow }, { workflow: null }, { workflow: '' }],
      },
      orderBy: { id: 'asc' },
      select: ['id', 'name', 'action', 'workflow', 'stage', 'subject', 'body'],
    })) as (TaskDetail['templates'][number] & { stage: string | null })[];
    return {
      task: presented,
      allowedActions: allowed,
      stages: definition.stages.map((s) => ({ code: s.code, name: s.name, deadlineDays: s.deadlineDays })),
      // A stage's own templates are offered at that stage only.
      templates: templates.filter((template) => !template.stage || template.stage === task.stage),
      history: await workflowService(strapi, 'history').list(task, true),
    };
  }

  /**
   * Whether the officer may send an item written in the admin (news, legal documents) for review:
   * its type is under review without a site-user owner, no submission of it is open, and the
   * workflow routes it to one of the officer's departments.
   */
  async function maySubmit(uid: string, documentId: string, officer: Officer): Promise<boolean> {
    if (!targets().isReviewable(uid) || targets().ownedBySiteUsers(uid)) return false;
    const latest = await workflow().latestTask(uid, documentId);
    if (latest && OPEN.includes(latest.state)) return false;
    const { departmentId } = await workflow().describe(uid, documentId);
    return staff().inScope(officer, departmentId);
  }

  const schemaOf: SchemaLookup = (uid) =>
    strapi.contentType(uid as never)?.attributes as ReturnType<SchemaLookup>;

  /**
   * A relation path in words, for the routing picker: "Sở ghi trên nội dung", "Sở của Chủ thể sản
   * xuất, kinh doanh", "Xã, phường của Danh mục của Sản phẩm, dịch vụ".
   */
  const pathLabel = (uid: string, path: string, what: string): string => {
    const owners: string[] = [];
    let current = uid;
    for (const part of path.split('.').slice(0, -1)) {
      current = schemaOf(current)?.[part]?.target ?? current;
      owners.unshift(strapi.contentType(current as never)?.info.displayName ?? part);
    }
    return owners.length === 0 ? `${what} ghi trên nội dung` : `${what} của ${owners.join(' của ')}`;
  };

  async function definitionsResponse(officer: Officer): Promise<DefinitionsResponse> {
    const roles = (
      (await strapi.db.query('admin::role').findMany({
        where: { code: { $ne: SUPER_ADMIN_ROLE } },
        select: ['code', 'name'],
        orderBy: { id: 'asc' },
      })) as { code: string; name: string }[]
    ).map((role) => ({ code: role.code, name: STRAPI_ROLE_NAMES[role.code] ?? role.name }));
    const departments = (await strapi.db
      .query(DEPARTMENT_UID)
      .findMany({ select: ['code', 'name'], orderBy: { name: 'asc' } })) as { code: string; name: string }[];
    const communes = (await strapi.db.query(COMMUNE_TARGET).findMany({
      where: { level: 'commune', effectiveTo: null },
      select: ['code', 'name'],
      orderBy: { name: 'asc' },
    })) as { code: string; name: string }[];
    return {
      data: await definitions().views(),
      meta: {
        contentTypes: targets()
          .reviewableTypes()
          .map((uid) => ({
            uid,
            name: strapi.contentType(uid as never).info.displayName,
            departmentPaths: pathsTo(uid, DEPARTMENT_TARGET, schemaOf).map((path) => ({
              path,
              label: pathLabel(uid, path, 'Sở'),
            })),
            communePaths: pathsTo(uid, COMMUNE_TARGET, schemaOf).map((path) => ({
              path,
              label: pathLabel(uid, path, 'Xã, phường'),
            })),
          })),
        roles,
        departments,
        communes,
        canEdit: await mayEditWorkflows(officer),
      },
    };
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
      if (query.state === 'open') where.state = { $in: OPEN };
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
      ctx.body = { data: await detail(task, officer) };
    },

    /** The panel of an item's edit view: its latest submission (if in my scope), and whether I may submit it. */
    async item(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const { uid, documentId } = ctx.params;
      if (!targets().isReviewable(uid)) {
        ctx.body = { data: null, meta: { bound: false, canSubmit: false, lock: null } };
        return;
      }
      const task = await workflow().latestTask(uid, documentId);
      if (task && !staff().inScope(officer, task.departmentId)) {
        throw new errors.NotFoundError('Không tìm thấy hồ sơ.');
      }
      const canSubmit = await maySubmit(uid, documentId, officer).catch(() => false);
      const options = targets().optionsOf(uid);
      ctx.body = {
        data: task ? { ...(await detail(task, officer)), canSubmit } : null,
        meta: {
          bound: true,
          canSubmit,
          lock: options?.lock ? { name: options.lock.name, statusField: options.status.field } : null,
        },
      };
    },

    /** An officer sends content written in the admin (news, a legal document) for review. */
    async submitItem(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const { uid, documentId } = ctx.params;
      if (!targets().isReviewable(uid)) throw new errors.NotFoundError('Không tìm thấy hồ sơ.');
      if (targets().ownedBySiteUsers(uid)) {
        throw new errors.PolicyError('Nội dung này do người dùng của Sàn nộp, cán bộ không nộp thay được.');
      }
      const task = await workflow().submit(uid, documentId, { officer });
      ctx.body = { data: { ...(await detail(task, officer)), canSubmit: false } };
    },

    async claim(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const task = await workflow().claim(parse(id, ctx.params.id), officer);
      ctx.body = { data: await detail(task, officer) };
    },

    async assign(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(
        z.object({ assigneeId: id }).strict('Dữ liệu có trường không được hỗ trợ.'),
        ctx.request.body,
      );
      const task = await workflow().assign(parse(id, ctx.params.id), body.assigneeId, officer);
      ctx.body = { data: await detail(task, officer) };
    },

    async act(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(actionBodySchema, ctx.request.body);
      const task = await workflow().act(parse(id, ctx.params.id), body, officer);
      ctx.body = { data: await detail(task, officer) };
    },

    /** Bulk approve or reject, for single-stage workflows (reviews, comments, consumer posts). */
    async bulk(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(bulkBody, ctx.request.body);
      const results: { id: number; ok: boolean; message?: string }[] = [];
      for (const taskId of body.ids) {
        try {
          const task = await workflow().getTask(taskId, officer);
          const { definition } = await definitions().version(task.workflow, task.workflowVersion);
          if (definition.stages.length !== 1) {
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
      ctx.body = {
        data: await workflowService(strapi, 'stats').overdue({ from, to, departmentIds }, at, cal),
      };
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

    /** The workflows for the editor and the inbox's filters: every officer reads them. */
    async definitionsList(ctx: Ctx) {
      const officer = await officerOf(ctx);
      ctx.body = await definitionsResponse(officer);
    },

    /** Saves one workflow as a new version (the settings permission, checked by the route). */
    async definitionsSave(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(saveDefinitionBodySchema, ctx.request.body);
      await definitions().save(ctx.params.code, body.data, officer.id);
      ctx.body = await definitionsResponse(officer);
    },

    /** Checks a definition being edited and shows the path a task would take (nothing is saved). */
    async definitionsPreview(ctx: Ctx) {
      await officerOf(ctx);
      const body = parse(saveDefinitionBodySchema, ctx.request.body);
      ctx.body = { data: await definitions().preview(body.data) };
    },

    async lock(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(lockBodySchema, ctx.request.body);
      await workflowService(strapi, 'locking').lock(body.uid, body.documentId, body.reason ?? '', officer);
      ctx.body = { data: { locked: true } };
    },

    async unlock(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const body = parse(lockBodySchema, ctx.request.body);
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
