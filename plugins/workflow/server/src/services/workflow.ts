import type { Core } from '@strapi/strapi';
import { coreService } from '@sgd/plugin-core';
import type {
  TaskKind as TaskKindCode,
  TaskState as TaskStateCode,
  WorkflowAction as WorkflowActionCode,
  WorkflowDefinition,
} from '@sgd/contracts';
import { UID } from '../constants';
import { transition, allowedActions, type Actor, type TransitionAction } from '../engine/transitions';
import { publishApproved } from '../publish-guard';
import { isOfficer, type ActionInput, type Doer, type TaskRow } from '../types';
import { fail, notFound } from '../utils/errors';
import { workflowService } from '../utils/get-service';
import { formatDate } from './replies';
import type { Officer } from './staff';

type Row = Record<string, unknown>;

const OPEN: TaskStateCode[] = ['in_review', 'supplement_requested'];
const REASON_REQUIRED: TransitionAction[] = ['reject', 'request_supplement', 'return'];

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

const workflowEngine = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <K extends Parameters<typeof workflowService>[1]>(name: K) => workflowService(strapi, name);
  const now = () => coreService(strapi, 'clock').now();

  async function latestTask(uid: string, documentId: string): Promise<TaskRow | null> {
    return (await strapi.db.query(UID.task).findOne({
      where: { targetUid: uid, targetDocumentId: documentId },
      orderBy: { id: 'desc' },
    })) as TaskRow | null;
  }

  async function dueAfter(start: Date, workflow: WorkflowDefinition, stageIndex: number): Promise<Date> {
    const days = workflow.stages[stageIndex]?.deadlineDays ?? 3;
    return (await coreService(strapi, 'calendar').get()).addWorkingDays(start, days);
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

  async function getTask(taskId: number, officer: Officer): Promise<TaskRow> {
    const task = (await strapi.db.query(UID.task).findOne({ where: { id: taskId } })) as TaskRow | null;
    if (!task || !service('staff').inScope(officer, task.departmentId)) throw notFound();
    return task;
  }

  /**
   * The submitter (or staff on their behalf) submits an item: a new submission, an edit of an
   * approved item, or a resubmission after a request for supplement (the clock restarts).
   */
  async function submit(
    uid: string,
    documentId: string,
    doer: Doer,
    kind?: TaskKindCode,
    options: { notify: boolean } = { notify: true },
  ): Promise<TaskRow> {
    const definitions = service('definitions');
    const targets = service('targets');
    const history = service('history');
    const replies = service('replies');
    const latest = await latestTask(uid, documentId);
    const resubmitting = latest?.state === 'supplement_requested';
    // A resubmission continues under the version its task started with; a new one takes the latest.
    const stored =
      latest && resubmitting
        ? await definitions.version(latest.workflow, latest.workflowVersion)
        : await definitions.forType(uid);
    if (!stored) fail(400, 'Loại nội dung này chưa có quy trình duyệt.');
    const workflow = stored.definition;
    const target = await targets.load(uid, documentId, targets.routingIn(workflow, uid));
    if (targets.statusOf(target) === 'locked' && kind !== 'reverification') {
      fail(409, 'Nội dung đang bị khóa. Hãy đề nghị mở khóa để được xác minh lại.');
    }
    if (target.departmentId === null) {
      fail(
        400,
        'Chưa xác định được sở xử lý hồ sơ này: quy tắc phân công của quy trình không chỉ ra sở nào. Hãy báo quản trị viên.',
      );
    }
    if (isOfficer(doer) && !service('staff').inScope(doer.officer, target.departmentId)) throw notFound();

    const at = now();
    const due = await dueAfter(at, workflow, 0);
    let task: TaskRow;
    if (latest && latest.state === 'in_review') {
      fail(409, 'Hồ sơ đang được xử lý, không thể nộp lại lúc này.');
    }
    for (const hook of submitHooks.get(uid) ?? []) await hook({ uid, documentId, doer });
    // Content written in the admin has no owner: the officer who submits it is told.
    const submitter =
      target.options.owner || !isOfficer(doer)
        ? { userId: target.ownerId, adminId: null, email: target.email, name: target.name }
        : { userId: null, adminId: doer.officer.id, email: doer.officer.email, name: doer.officer.name };
    if (latest && resubmitting) {
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
      await history.record(
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
          workflowVersion: stored.version,
          targetUid: uid,
          targetDocumentId: documentId,
          title: target.title,
          kind: kind ?? (target.hasPublished ? 'edit' : 'new'),
          round: 1,
          state: 'in_review',
          stage: workflow.stages[0].code,
          stageIndex: 0,
          departmentId: target.departmentId,
          submitterUserId: submitter.userId,
          submitterAdminId: submitter.adminId,
          submitterEmail: submitter.email,
          submitterName: submitter.name,
          submittedAt: at,
          stageStartedAt: at,
          dueAt: due,
          lastAction: 'submit',
        },
      })) as TaskRow;
      await history.record(
        task,
        { action: 'submit', toState: 'in_review', toStage: task.stage, dueAt: due },
        doer,
      );
    }
    const hasDepartmentField = 'department' in strapi.contentType(uid as never).attributes;
    await targets.setStatus(
      uid,
      documentId,
      'pending',
      hasDepartmentField && target.departmentId ? { department: target.departmentId } : {},
    );
    if (kind !== 'reverification' && options.notify) {
      await replies.tell(task, await replies.templateFor(workflow.code, null, 'submit'), {
        deadlineDays: String(workflow.stages[0].deadlineDays),
        dueDate: formatDate(due),
      });
    }
    return task;
  }

  /** An officer acts on a task at its current stage; the one transition table decides. */
  async function act(taskId: number, input: ActionInput, officer: Officer): Promise<TaskRow> {
    const task = await getTask(taskId, officer);
    const workflow = (await service('definitions').version(task.workflow, task.workflowVersion)).definition;
    const moved = transition(workflow, task, input.action, officer as Actor);
    if (!moved.ok) fail(moved.status, moved.message);
    const comment = input.comment?.trim() ?? '';
    if (REASON_REQUIRED.includes(input.action) && comment.length < 5) {
      fail(400, 'Cần ghi rõ lý do (ít nhất 5 ký tự) khi từ chối, yêu cầu bổ sung hoặc trả về.');
    }
    if (comment.length > 5000) fail(400, 'Nội dung trả lời quá dài (tối đa 5.000 ký tự).');
    const replies = service('replies');
    const targets = service('targets');
    const final = moved.to.state === 'approved' || moved.to.state === 'rejected';
    const decision: WorkflowActionCode | null =
      moved.to.state === 'approved' ? 'approve' : moved.to.state === 'in_review' ? null : input.action;
    const template = decision
      ? await replies.templateFor(task.workflow, task.stage, decision, input.templateId)
      : null;
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
    // The move, the item's status and publication, the history and the reply go together or not at
    // all: a publication refused (a rule of the content type, such as the regulation's notice
    // period) leaves the task at its stage, as if the officer had not acted.
    const after = await strapi.db.transaction(async () => {
      const updated = await strapi.db.query(UID.task).updateMany({
        where: { id: task.id, state: task.state, stageIndex: task.stageIndex, round: task.round },
        data,
      });
      if (updated.count !== 1) fail(409, 'Hồ sơ vừa được người khác xử lý. Hãy tải lại trang.');

      if (moved.to.state === 'approved') {
        const options = targets.optionsOf(task.targetUid);
        const extra = options?.approvedAt ? { [options.approvedAt]: at } : {};
        await targets.setStatus(
          task.targetUid,
          task.targetDocumentId,
          options?.status.approved ?? 'approved',
          extra,
        );
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
        await targets.setStatus(task.targetUid, task.targetDocumentId, 'rejected');
      } else if (moved.to.state === 'supplement_requested') {
        await targets.setStatus(task.targetUid, task.targetDocumentId, 'supplement_requested');
      }

      const row = (await strapi.db.query(UID.task).findOne({ where: { id: task.id } })) as TaskRow;
      await service('history').record(
        task,
        {
          action: input.action,
          fromState: task.state,
          toState: row.state,
          fromStage: task.stage,
          toStage: row.stage,
          comment: comment || null,
          internalComment: input.internalComment?.trim() || null,
          templateId: template ? (template.id as number) : null,
          dueAt: task.dueAt,
          late,
        },
        { officer },
      );
      if (template) await replies.tell(task, template, { reason: comment });
      return row;
    });
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
  }

  return {
    /** Runs `hook` once a decision closing a task of `uid` (approved at its last stage, or rejected) is recorded. */
    onDecided(uid: string, hook: DecidedHook): void {
      decidedHooks.set(uid, [...(decidedHooks.get(uid) ?? []), hook]);
    },

    /** Runs `hook` when an item of `uid` is submitted, before the task is written; it may refuse by throwing. */
    beforeSubmit(uid: string, hook: SubmitHook): void {
      submitHooks.set(uid, [...(submitHooks.get(uid) ?? []), hook]);
    },

    /** Runs `hook` after an item of `uid` is approved at its last stage (and published). */
    onApproved(uid: string, hook: ApprovedHook): void {
      approvedHooks.set(uid, [...(approvedHooks.get(uid) ?? []), hook]);
    },

    submit,
    getTask,
    act,

    /** The officer takes the task (or keeps it); someone else's task cannot be taken over. */
    async claim(taskId: number, officer: Officer): Promise<TaskRow> {
      const task = await getTask(taskId, officer);
      if (task.state !== 'in_review') fail(409, 'Chỉ nhận xử lý được hồ sơ đang chờ xử lý.');
      const workflow = (await service('definitions').version(task.workflow, task.workflowVersion)).definition;
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
      const task = await getTask(taskId, officer);
      if (!officer.superAdmin && officer.level !== 'head_of_division' && officer.level !== 'head_of_unit') {
        fail(403, 'Chỉ lãnh đạo phòng hoặc lãnh đạo đơn vị được phân công hồ sơ.');
      }
      if (task.state !== 'in_review') fail(409, 'Chỉ phân công được hồ sơ đang chờ xử lý.');
      const staff = service('staff');
      const assignee = await staff.officer(assigneeId).catch(() => null);
      if (!assignee || !staff.inScope(assignee, task.departmentId) || assignee.superAdmin) {
        fail(400, 'Cán bộ được phân công phải thuộc sở phụ trách hồ sơ.');
      }
      await strapi.db.query(UID.task).update({ where: { id: task.id }, data: { assigneeId } });
      return (await strapi.db.query(UID.task).findOne({ where: { id: task.id } })) as TaskRow;
    },

    async allowed(task: TaskRow, officer: Officer): Promise<WorkflowActionCode[]> {
      const workflow = (await service('definitions').version(task.workflow, task.workflowVersion)).definition;
      return allowedActions(workflow, task, officer);
    },

    latestTask,

    /** An item's history, oldest first; the submitter's view has no officer names or internal notes. */
    history: (task: Pick<TaskRow, 'targetUid' | 'targetDocumentId'>, forStaff: boolean) =>
      service('history').list(task, forStaff),

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
        await service('history').record(
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
      return (await service('targets').load(uid, documentId)).ownerId;
    },

    /**
     * An item's title and the department the workflow covering its type routes it to: for other
     * plugins that file something about it (a report of a violation goes to that department).
     */
    async describe(uid: string, documentId: string): Promise<{ title: string; departmentId: number | null }> {
      const targets = service('targets');
      const stored = await service('definitions').forType(uid);
      const target = await targets.load(uid, documentId, targets.routingIn(stored?.definition ?? null, uid));
      return { title: target.title, departmentId: target.departmentId };
    },
  };
};

export default workflowEngine;
export type WorkflowEngine = ReturnType<typeof workflowEngine>;

/**
 * The engine's surface for other plugins: submit an item, act on a task, read an item's latest task
 * and history, describe an item (its title and the department it is routed to), and react to
 * submissions and decisions.
 */
export type WorkflowApi = Pick<
  WorkflowEngine,
  | 'submit'
  | 'act'
  | 'latestTask'
  | 'history'
  | 'describe'
  | 'ownerOf'
  | 'beforeSubmit'
  | 'onApproved'
  | 'onDecided'
>;
