import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import type {
  TaskKindCode,
  TaskStateCode,
  WorkflowActionCode,
  WorkflowBinding,
  WorkflowDefinition,
} from '@sgd/config';
import { UID } from '../constants';
import { firstOf, populateFor, readPath } from '../engine/paths';
import { fillTemplate } from '../engine/template';
import { transition, allowedActions, type Actor, type TransitionAction } from '../engine/transitions';
import { publishApproved } from '../publish-guard';
import type { Officer } from './staff';

type Row = Record<string, unknown>;

export interface TaskRow {
  id: number;
  workflow: string;
  targetUid: string;
  targetDocumentId: string;
  title: string | null;
  kind: TaskKindCode;
  round: number;
  state: TaskStateCode;
  stage: string | null;
  stageIndex: number;
  departmentId: number | null;
  assigneeId: number | null;
  submitterUserId: number | null;
  submitterEmail: string | null;
  submitterName: string | null;
  submittedAt: string;
  stageStartedAt: string;
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  approvedVersion: string | null;
  lastAction: string | null;
}

export interface ActionInput {
  action: WorkflowActionCode;
  comment?: string | null;
  internalComment?: string | null;
  templateId?: number | null;
}

interface Target {
  row: Row;
  binding: WorkflowBinding;
  title: string;
  departmentId: number | null;
  ownerId: number | null;
  email: string | null;
  name: string | null;
  hasPublished: boolean;
}

/** Who did something: an officer, the submitter (a site user) or the system (jobs, imports). */
export type Doer = { officer: Officer } | { userId: number | null; name?: string | null };

const OPEN: TaskStateCode[] = ['in_review', 'supplement_requested'];
const REASON_REQUIRED: TransitionAction[] = ['reject', 'request_supplement', 'return'];
const USER_UID = 'plugin::users-permissions.user';
const DEFAULT_DEPARTMENT = 'SCT';

const notFound = () => new errors.NotFoundError('Không tìm thấy hồ sơ.');

/**
 * Throws the HTTP error a person reads. 403 is a PolicyError: Strapi replaces the message of any
 * other ForbiddenError raised behind its authorisation step by a bare "Forbidden".
 */
function fail(status: number, message: string): never {
  if (status === 403) throw new errors.PolicyError(message);
  if (status === 404) throw new errors.NotFoundError(message);
  if (status === 409) throw createError(409, message, { name: 'ConflictError' });
  throw new errors.ValidationError(message);
}

export type ApprovedHook = (event: { uid: string; documentId: string; task: TaskRow }) => Promise<void>;
/** Runs when a task is closed by a decision (approved at the last stage, or rejected), with the officer's reply. */
export type DecidedHook = (event: {
  uid: string;
  documentId: string;
  task: TaskRow;
  comment: string | null;
}) => Promise<void>;
/**
 * Runs inside `submit`, before anything is written: a check of another plugin may refuse the
 * submission (by throwing) or note something on the item (banned-goods flags).
 */
export type SubmitHook = (event: { uid: string; documentId: string; doer: Doer }) => Promise<void>;

const isOfficer = (doer: Doer): doer is { officer: Officer } => 'officer' in doer;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <T>(name: string) => strapi.plugin('workflow').service(name) as T;
  const definitions = () => service<ReturnType<typeof import('./definitions').default>>('definitions');
  const calendar = () => service<ReturnType<typeof import('./calendar').default>>('calendar');
  const outbox = () => service<ReturnType<typeof import('./outbox').default>>('outbox');
  const staff = () => service<ReturnType<typeof import('./staff').default>>('staff');
  const now = () => service<{ now: () => Date }>('clock').now();

  async function loadTarget(uid: string, documentId: string): Promise<Target> {
    const binding = definitions().binding(uid);
    if (!binding || !strapi.contentType(uid as never))
      fail(400, 'Loại nội dung này không dùng quy trình duyệt.');
    const departmentPaths = binding.departmentFrom.map((p) => `${p}.id`);
    const ownerPath = `${binding.ownerPath}.id`;
    const sellerStatus = binding.ownerPath.startsWith('seller.') ? ['seller.verificationStatus'] : [];
    const populate = populateFor([
      ...departmentPaths,
      ownerPath,
      ...binding.emailFrom,
      ...binding.nameFrom,
      ...sellerStatus,
    ]);
    const row = (await strapi.db.query(uid as never).findOne({
      where: { documentId, publishedAt: null },
      populate,
    })) as Row | null;
    if (!row) throw notFound();
    const published = await strapi.db
      .query(uid as never)
      .count({ where: { documentId, publishedAt: { $notNull: true } } });
    let departmentId = (firstOf(row, departmentPaths) as number | undefined) ?? null;
    if (departmentId === null) {
      const fallback = (await strapi.db
        .query('plugin::core.department')
        .findOne({ where: { code: DEFAULT_DEPARTMENT }, select: ['id'] })) as { id: number } | null;
      departmentId = fallback?.id ?? null;
    }
    return {
      row,
      binding,
      title: String(row[binding.titleField] ?? documentId),
      departmentId,
      ownerId: (readPath(row, ownerPath) as number | undefined) ?? null,
      email: (firstOf(row, binding.emailFrom) as string | undefined) ?? null,
      name: (firstOf(row, binding.nameFrom) as string | undefined) ?? null,
      hasPublished: published > 0,
    };
  }

  /** Sets the content's own status field on its draft, and on its published version when asked. */
  async function setStatus(
    uid: string,
    documentId: string,
    value: string,
    extra: Row = {},
    published = false,
  ) {
    const binding = definitions().binding(uid) as WorkflowBinding;
    const where = published ? { documentId } : { documentId, publishedAt: null };
    const { department, ...columns } = extra;
    await strapi.db.query(uid as never).updateMany({
      where,
      data: { [binding.statusField]: value, ...columns },
    });
    // A bulk update writes columns only: the department is a relation, set row by row, so the
    // "belongs to my department" condition of the content manager finds the item.
    if (department !== undefined) {
      for (const row of (await strapi.db.query(uid as never).findMany({ where, select: ['id'] })) as {
        id: number;
      }[]) {
        await strapi.db.query(uid as never).update({ where: { id: row.id }, data: { department } });
      }
    }
  }

  async function latestTask(uid: string, documentId: string): Promise<TaskRow | null> {
    return (await strapi.db.query(UID.task).findOne({
      where: { targetUid: uid, targetDocumentId: documentId },
      orderBy: { id: 'desc' },
    })) as TaskRow | null;
  }

  async function dueAfter(start: Date, workflow: WorkflowDefinition, stageIndex: number): Promise<Date> {
    const days = workflow.stages[stageIndex]?.deadlineDays ?? 3;
    return (await calendar().get()).addWorkingDays(start, days);
  }

  async function record(task: TaskRow, entry: Row & { action: string }, doer: Doer): Promise<void> {
    await strapi.db.query(UID.history).create({
      data: {
        taskId: task.id,
        workflow: task.workflow,
        targetUid: task.targetUid,
        targetDocumentId: task.targetDocumentId,
        round: task.round,
        departmentId: task.departmentId,
        createdAt: now(),
        ...(isOfficer(doer)
          ? { actorAdminId: doer.officer.id, actorName: doer.officer.name }
          : { actorUserId: doer.userId, actorName: doer.name ?? null }),
        ...entry,
      },
    });
  }

  /** Picks the template for a decision: the one chosen (checked), else the workflow's, else the generic one. */
  async function templateFor(workflow: string | null, action: string, templateId?: number | null) {
    if (templateId) {
      const chosen = (await strapi.db
        .query(UID.template)
        .findOne({ where: { id: templateId } })) as Row | null;
      if (!chosen || chosen.action !== action || (chosen.workflow && chosen.workflow !== workflow)) {
        fail(400, 'Mẫu trả lời không dùng được cho thao tác này.');
      }
      return chosen;
    }
    const candidates = (await strapi.db.query(UID.template).findMany({
      where: { action, $or: [{ workflow }, { workflow: null }, { workflow: '' }] },
      orderBy: { id: 'asc' },
    })) as Row[];
    return candidates.find((t) => t.workflow === workflow) ?? candidates[0] ?? null;
  }

  /** Email (through the outbox) and in-app notice to the submitter. */
  async function tellSubmitter(
    task: Pick<
      TaskRow,
      'targetUid' | 'targetDocumentId' | 'title' | 'submitterEmail' | 'submitterName' | 'submitterUserId'
    >,
    template: Row | null,
    values: Record<string, string>,
  ) {
    if (!template) return;
    const filled = {
      submitterName: task.submitterName ?? 'Quý vị',
      itemTitle: task.title ?? '',
      ...values,
      reasonLine: values.reason ? `\nGhi chú: ${values.reason}` : '',
    };
    const subject = fillTemplate(String(template.subject), filled);
    const body = fillTemplate(String(template.body), filled);
    const at = now();
    await outbox().tell(
      { email: task.submitterEmail ?? null, userId: task.submitterUserId ?? null },
      { subject, body, targetUid: task.targetUid, targetDocumentId: task.targetDocumentId },
      at,
    );
  }

  const formatDate = (date: Date) =>
    new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(date);

  /**
   * Blocks or unblocks a site user in the officer's scope; answers the user and the history entry's
   * target (user accounts have no task).
   */
  async function setBlocked(documentId: string, officer: Officer, blocked: boolean) {
    const user = (await strapi.db.query(USER_UID).findOne({ where: { documentId } })) as Row | null;
    if (!user) throw notFound();
    if (!officer.superAdmin && !(await userInScope(Number(user.id), officer))) throw notFound();
    await strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { blocked } });
    const entry = {
      id: 0,
      workflow: null,
      targetUid: USER_UID,
      targetDocumentId: documentId,
      round: 0,
      departmentId: null,
    } as unknown as TaskRow;
    return { user, entry };
  }

  /** People whose seller belongs to the officer's departments, or who submitted there. */
  async function userInScope(userId: number, officer: Officer): Promise<boolean> {
    if (officer.superAdmin) return true;
    if (officer.departmentIds.length === 0) return false;
    const sellers = await strapi.db.query('plugin::sellers.seller' as never).count({
      where: { owner: { id: userId }, department: { id: { $in: officer.departmentIds } } },
    });
    if (sellers > 0) return true;
    const tasks = await strapi.db.query(UID.task).count({
      where: { submitterUserId: userId, departmentId: { $in: officer.departmentIds } },
    });
    return tasks > 0;
  }

  /** Other plugins' reactions to an approval (a seller verified → the owner becomes a seller). */
  const approvedHooks = new Map<string, ApprovedHook[]>();
  async function runApprovedHooks(task: TaskRow) {
    for (const hook of approvedHooks.get(task.targetUid) ?? []) {
      try {
        await hook({ uid: task.targetUid, documentId: task.targetDocumentId, task });
      } catch (error) {
        // The approval stands; the hook's owner reconciles later (and the error is logged for staff).
        strapi.log.error(
          `Xử lý sau khi duyệt ${task.targetUid} ${task.targetDocumentId} lỗi: ${(error as Error).message}`,
        );
      }
    }
  }

  const decidedHooks = new Map<string, DecidedHook[]>();
  const submitHooks = new Map<string, SubmitHook[]>();

  return {
    /** Runs `hook` once a decision closing a task of `uid` (approved at its last stage, or rejected) is recorded. */
    onDecided(uid: string, hook: DecidedHook) {
      decidedHooks.set(uid, [...(decidedHooks.get(uid) ?? []), hook]);
    },

    /** Runs `hook` when an item of `uid` is submitted, before the task is written; it may refuse by throwing. */
    beforeSubmit(uid: string, hook: SubmitHook) {
      submitHooks.set(uid, [...(submitHooks.get(uid) ?? []), hook]);
    },

    /** Runs `hook` after an item of `uid` is approved at its last stage (and published). */
    onApproved(uid: string, hook: ApprovedHook) {
      approvedHooks.set(uid, [...(approvedHooks.get(uid) ?? []), hook]);
    },

    /**
     * The submitter (or staff on their behalf) submits an item: a new submission, an edit of an
     * approved item, or a resubmission after a request for supplement (the clock restarts).
     */
    async submit(
      uid: string,
      documentId: string,
      doer: Doer,
      kind?: TaskKindCode,
      options: { notify: boolean } = { notify: true },
    ): Promise<TaskRow> {
      const workflow = await definitions().forType(uid);
      if (!workflow) fail(400, 'Loại nội dung này chưa có quy trình duyệt.');
      const target = await loadTarget(uid, documentId);
      const status = target.row[target.binding.statusField];
      if (status === 'locked' && kind !== 'reverification') {
        fail(409, 'Nội dung đang bị khóa. Hãy đề nghị mở khóa để được xác minh lại.');
      }
      if (readPath(target.row, 'seller.verificationStatus') === 'locked') {
        fail(409, 'Chủ thể kinh doanh đang bị khóa nên không thể nộp hồ sơ.');
      }
      if (isOfficer(doer) && !staff().inScope(doer.officer, target.departmentId)) throw notFound();

      const at = now();
      const due = await dueAfter(at, workflow, 0);
      const latest = await latestTask(uid, documentId);
      let task: TaskRow;
      if (latest && latest.state === 'in_review') {
        fail(409, 'Hồ sơ đang được xử lý, không thể nộp lại lúc này.');
      }
      for (const hook of submitHooks.get(uid) ?? []) await hook({ uid, documentId, doer });
      if (latest && latest.state === 'supplement_requested') {
        const moved = transition(workflow, latest, 'resubmit', { roles: [], superAdmin: false });
        if (!moved.ok) fail(moved.status, moved.message);
        const updated = await strapi.db.query(UID.task).updateMany({
          where: { id: latest.id, state: 'supplement_requested' },
          data: {
            state: moved.to.state,
            stageIndex: moved.to.stageIndex,
            stage: workflow.stages[moved.to.stageIndex].code,
            round: latest.round + 1,
            title: target.title,
            departmentId: target.departmentId,
            submittedAt: at,
            stageStartedAt: at,
            dueAt: due,
            overdue: false,
            reminderSentAt: null,
            lastAction: 'resubmit',
          },
        });
        if (updated.count !== 1) fail(409, 'Hồ sơ vừa thay đổi trạng thái. Hãy tải lại trang.');
        task = (await strapi.db.query(UID.task).findOne({ where: { id: latest.id } })) as TaskRow;
        await record(
          task,
          {
            action: 'resubmit',
            fromState: 'supplement_requested',
            toState: 'in_review',
            toStage: task.stage,
            dueAt: due,
          },
          doer,
        );
      } else {
        task = (await strapi.db.query(UID.task).create({
          data: {
            workflow: workflow.code,
            targetUid: uid,
            targetDocumentId: documentId,
            title: target.title,
            kind: kind ?? (target.hasPublished ? 'edit' : 'new'),
            round: 1,
            state: 'in_review',
            stage: workflow.stages[0].code,
            stageIndex: 0,
            departmentId: target.departmentId,
            submitterUserId: target.ownerId,
            submitterEmail: target.email,
            submitterName: target.name,
            submittedAt: at,
            stageStartedAt: at,
            dueAt: due,
            lastAction: 'submit',
          },
        })) as TaskRow;
        await record(task, { action: 'submit', toState: 'in_review', toStage: task.stage, dueAt: due }, doer);
      }
      const hasDepartmentField = 'department' in strapi.contentType(uid as never).attributes;
      await setStatus(
        uid,
        documentId,
        'pending',
        hasDepartmentField && target.departmentId ? { department: target.departmentId } : {},
      );
      if (kind !== 'reverification' && options.notify) {
        await tellSubmitter(task, await templateFor(workflow.code, 'submit'), {
          deadlineDays: String(workflow.stages[0].deadlineDays),
          dueDate: formatDate(due),
        });
      }
      return task;
    },

    async getTask(taskId: number, officer: Officer): Promise<TaskRow> {
      const task = (await strapi.db.query(UID.task).findOne({ where: { id: taskId } })) as TaskRow | null;
      if (!task || !staff().inScope(officer, task.departmentId)) throw notFound();
      return task;
    },

    /** An officer acts on a task at its current stage; the one transition table decides. */
    async act(taskId: number, input: ActionInput, officer: Officer): Promise<TaskRow> {
      const task = await this.getTask(taskId, officer);
      const workflow = await definitions().byCode(task.workflow);
      const moved = transition(workflow, task, input.action, officer as Actor);
      if (!moved.ok) fail(moved.status, moved.message);
      const comment = input.comment?.trim() ?? '';
      if (REASON_REQUIRED.includes(input.action) && comment.length < 5) {
        fail(400, 'Cần ghi rõ lý do (ít nhất 5 ký tự) khi từ chối, yêu cầu bổ sung hoặc trả về.');
      }
      if (comment.length > 5000) fail(400, 'Nội dung trả lời quá dài (tối đa 5.000 ký tự).');
      const final = moved.to.state === 'approved' || moved.to.state === 'rejected';
      const decision: WorkflowActionCode | null =
        moved.to.state === 'approved' ? 'approve' : moved.to.state === 'in_review' ? null : input.action;
      const template = decision ? await templateFor(task.workflow, decision, input.templateId) : null;
      if (!decision && input.templateId)
        fail(400, 'Thao tác chuyển bước không gửi thư nên không dùng mẫu trả lời.');

      const at = now();
      const late = task.dueAt ? at.getTime() > new Date(task.dueAt).getTime() : false;
      const data: Row = {
        state: moved.to.state,
        stageIndex: moved.to.stageIndex,
        stage: workflow.stages[moved.to.stageIndex]?.code ?? task.stage,
        lastAction: input.action,
      };
      if (moved.to.state === 'in_review') {
        Object.assign(data, {
          stageStartedAt: at,
          dueAt: await dueAfter(at, workflow, moved.to.stageIndex),
          overdue: false,
          reminderSentAt: null,
          assigneeId: null,
        });
      } else if (final) {
        Object.assign(data, { closedAt: at });
      } else {
        Object.assign(data, { dueAt: null, overdue: false });
      }
      const updated = await strapi.db.query(UID.task).updateMany({
        where: { id: task.id, state: task.state, stageIndex: task.stageIndex, round: task.round },
        data,
      });
      if (updated.count !== 1) fail(409, 'Hồ sơ vừa được người khác xử lý. Hãy tải lại trang.');

      const binding = definitions().binding(task.targetUid) as WorkflowBinding;
      if (moved.to.state === 'approved') {
        const extra = binding.approvedAtField ? { [binding.approvedAtField]: at } : {};
        await setStatus(task.targetUid, task.targetDocumentId, binding.approvedValue, extra);
        await publishApproved(task.targetUid, task.targetDocumentId, () =>
          strapi.documents(task.targetUid as never).publish({ documentId: task.targetDocumentId } as never),
        );
        const draft = (await strapi.db.query(task.targetUid as never).findOne({
          where: { documentId: task.targetDocumentId, publishedAt: null },
          select: ['updatedAt'],
        })) as { updatedAt: string } | null;
        await strapi.db.query(UID.task).update({
          where: { id: task.id },
          data: { approvedVersion: draft ? new Date(draft.updatedAt).toISOString() : null },
        });
      } else if (moved.to.state === 'rejected') {
        await setStatus(task.targetUid, task.targetDocumentId, 'rejected');
      } else if (moved.to.state === 'supplement_requested') {
        await setStatus(task.targetUid, task.targetDocumentId, 'supplement_requested');
      }

      const after = (await strapi.db.query(UID.task).findOne({ where: { id: task.id } })) as TaskRow;
      await record(
        task,
        {
          action: input.action,
          fromState: task.state,
          toState: after.state,
          fromStage: task.stage,
          toStage: after.stage,
          comment: comment || null,
          internalComment: input.internalComment?.trim() || null,
          templateId: template ? (template.id as number) : null,
          dueAt: task.dueAt,
          late,
        },
        { officer },
      );
      if (template) await tellSubmitter(task, template, { reason: comment });
      if (final) {
        for (const hook of decidedHooks.get(task.targetUid) ?? []) {
          await hook({
            uid: task.targetUid,
            documentId: task.targetDocumentId,
            task: after,
            comment: comment || null,
          });
        }
      }
      if (after.state === 'approved') await runApprovedHooks(after);
      return after;
    },

    /** The officer takes the task (or keeps it); someone else's task cannot be taken over. */
    async claim(taskId: number, officer: Officer): Promise<TaskRow> {
      const task = await this.getTask(taskId, officer);
      if (task.state !== 'in_review') fail(409, 'Chỉ nhận xử lý được hồ sơ đang chờ xử lý.');
      const workflow = await definitions().byCode(task.workflow);
      const stage = workflow.stages[task.stageIndex];
      if (!officer.superAdmin && !officer.roles.some((role) => stage.roles.includes(role))) {
        fail(403, `Bạn không có quyền xử lý bước "${stage.name}".`);
      }
      const updated = await strapi.db.query(UID.task).updateMany({
        where: { id: task.id, state: 'in_review', $or: [{ assigneeId: null }, { assigneeId: officer.id }] },
        data: { assigneeId: officer.id },
      });
      if (updated.count !== 1) fail(409, 'Hồ sơ đã có cán bộ khác nhận xử lý.');
      return (await strapi.db.query(UID.task).findOne({ where: { id: task.id } })) as TaskRow;
    },

    /** A head of division or unit assigns a task to an officer of the task's department. */
    async assign(taskId: number, assigneeId: number, officer: Officer): Promise<TaskRow> {
      const task = await this.getTask(taskId, officer);
      if (!officer.superAdmin && officer.level !== 'head_of_division' && officer.level !== 'head_of_unit') {
        fail(403, 'Chỉ lãnh đạo phòng hoặc lãnh đạo đơn vị được phân công hồ sơ.');
      }
      if (task.state !== 'in_review') fail(409, 'Chỉ phân công được hồ sơ đang chờ xử lý.');
      const assignee = await staff()
        .officer(assigneeId)
        .catch(() => null);
      if (!assignee || !staff().inScope(assignee, task.departmentId) || assignee.superAdmin) {
        fail(400, 'Cán bộ được phân công phải thuộc sở phụ trách hồ sơ.');
      }
      await strapi.db.query(UID.task).update({ where: { id: task.id }, data: { assigneeId } });
      return (await strapi.db.query(UID.task).findOne({ where: { id: task.id } })) as TaskRow;
    },

    async history(task: Pick<TaskRow, 'targetUid' | 'targetDocumentId'>, forStaff: boolean) {
      const rows = (await strapi.db.query(UID.history).findMany({
        where: { targetUid: task.targetUid, targetDocumentId: task.targetDocumentId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as Row[];
      return rows.map((row) => ({
        id: row.id,
        taskId: row.taskId,
        round: row.round,
        action: row.action,
        fromState: row.fromState,
        toState: row.toState,
        fromStage: row.fromStage,
        toStage: row.toStage,
        comment: row.comment,
        createdAt: row.createdAt,
        ...(forStaff
          ? {
              actorName: row.actorName,
              actorAdminId: row.actorAdminId,
              internalComment: row.internalComment,
              templateId: row.templateId,
              late: Boolean(row.late),
              dueAt: row.dueAt,
            }
          : {}),
      }));
    },

    async allowed(task: TaskRow, officer: Officer): Promise<WorkflowActionCode[]> {
      const workflow = await definitions().byCode(task.workflow);
      return allowedActions(workflow, task, officer);
    },

    latestTask,

    /**
     * An item was deleted (by its owner, with their account, or by staff): its open submissions are
     * cancelled, each with a history entry, so no officer's inbox keeps work about nothing. Answers
     * how many were closed.
     */
    async closeDeleted(uid: string, documentId: string): Promise<number> {
      const open = (await strapi.db.query(UID.task).findMany({
        where: { targetUid: uid, targetDocumentId: documentId, state: { $in: OPEN } },
      })) as TaskRow[];
      const at = now();
      for (const task of open) {
        await strapi.db.query(UID.task).update({
          where: { id: task.id },
          data: { state: 'cancelled', closedAt: at, lastAction: 'cancel', overdue: false },
        });
        await record(
          task,
          {
            action: 'cancel',
            fromState: task.state,
            toState: 'cancelled',
            fromStage: task.stage,
            comment: 'Nội dung đã bị xóa nên hồ sơ được đóng.',
          },
          { userId: null, name: null },
        );
      }
      return open.length;
    },

    /** The users-permissions id of the item's owner (`null` when nobody owns it). */
    async ownerOf(uid: string, documentId: string): Promise<number | null> {
      return (await loadTarget(uid, documentId)).ownerId;
    },

    /**
     * Locks a seller, a product (any bound type) or a user account (QC Điều 9): it disappears from
     * the public site, open submissions are cancelled, and the owner is emailed why.
     */
    async lock(uid: string, documentId: string, reason: string, officer: Officer): Promise<void> {
      const text = reason?.trim() ?? '';
      if (text.length < 5) fail(400, 'Cần ghi rõ lý do khóa (ít nhất 5 ký tự).');
      const at = now();
      if (uid === USER_UID) {
        const { user, entry } = await setBlocked(documentId, officer, true);
        await record(entry, { taskId: null, action: 'lock', comment: text, toState: 'locked' }, { officer });
        await tellSubmitter(
          {
            targetUid: uid,
            targetDocumentId: documentId,
            title: `Tài khoản ${user.username}`,
            submitterEmail: user.email as string,
            submitterName: user.username as string,
            submitterUserId: null,
          },
          await templateFor(null, 'lock'),
          { reason: text },
        );
        return;
      }
      const target = await loadTarget(uid, documentId);
      if (!staff().inScope(officer, target.departmentId)) throw notFound();
      if (target.row[target.binding.statusField] === 'locked') fail(409, 'Nội dung này đã bị khóa.');
      await strapi.db.query(UID.task).updateMany({
        where: { targetUid: uid, targetDocumentId: documentId, state: { $in: OPEN } },
        data: { state: 'cancelled', closedAt: at, lastAction: 'lock' },
      });
      if (target.hasPublished) await strapi.documents(uid as never).unpublish({ documentId } as never);
      await setStatus(uid, documentId, 'locked', {}, true);
      const entry = {
        id: 0,
        workflow: null,
        targetUid: uid,
        targetDocumentId: documentId,
        round: 0,
        departmentId: target.departmentId,
      } as unknown as TaskRow;
      await record(entry, { taskId: null, action: 'lock', comment: text, toState: 'locked' }, { officer });
      await tellSubmitter(
        {
          targetUid: uid,
          targetDocumentId: documentId,
          title: target.title,
          submitterEmail: target.email,
          submitterName: target.name,
          submitterUserId: target.ownerId,
        },
        await templateFor(null, 'lock'),
        { reason: text },
      );
    },

    /** Unlocks: a user account is unblocked; content goes back through its workflow (re-verification). */
    async unlock(uid: string, documentId: string, reason: string, officer: Officer): Promise<TaskRow | null> {
      const text = reason?.trim() ?? '';
      if (text.length < 5) fail(400, 'Cần ghi rõ lý do mở khóa (ít nhất 5 ký tự).');
      if (uid === USER_UID) {
        const { entry } = await setBlocked(documentId, officer, false);
        await record(
          entry,
          { taskId: null, action: 'unlock', comment: text, fromState: 'locked' },
          { officer },
        );
        return null;
      }
      const target = await loadTarget(uid, documentId);
      if (!staff().inScope(officer, target.departmentId)) throw notFound();
      if (target.row[target.binding.statusField] !== 'locked') fail(409, 'Nội dung này không bị khóa.');
      await setStatus(uid, documentId, 'pending');
      const task = await this.submit(uid, documentId, { officer }, 'reverification');
      await record(
        task,
        { action: 'unlock', comment: text, fromState: 'locked', toState: 'in_review' },
        { officer },
      );
      await tellSubmitter(task, await templateFor(null, 'unlock'), { reason: text });
      return task;
    },

    /** A user is in an officer's scope when they own a seller of one of the officer's departments. */
    userInScope,
  };
};
