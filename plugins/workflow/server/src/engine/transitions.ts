import type {
  TaskState as TaskStateCode,
  WorkflowAction as WorkflowActionCode,
  WorkflowDefinition,
} from '@sgd/contracts';

/** Where a submission stands: its state and, while in review, its stage. */
export interface Position {
  state: TaskStateCode;
  stageIndex: number;
}

/** Officer actions (from the workflow) plus what the submitter does. */
export type TransitionAction = WorkflowActionCode | 'resubmit' | 'cancel';

interface Transition {
  action: TransitionAction;
  from: TaskStateCode[];
  /** Why the transition is not possible from this position, if it is not. */
  guard?: (position: Position, workflow: WorkflowDefinition) => string | null;
  to: (position: Position, workflow: WorkflowDefinition) => Position;
  /** Officer actions are checked against the stage's roles and actions; submitter actions are not. */
  by: 'officer' | 'submitter';
}

const isLastStage = (p: Position, wf: WorkflowDefinition) => p.stageIndex >= wf.stages.length - 1;

/** Every allowed move, in one table. */
export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'approve',
    by: 'officer',
    from: ['in_review'],
    to: (p, wf) =>
      isLastStage(p, wf)
        ? { state: 'approved', stageIndex: p.stageIndex }
        : { state: 'in_review', stageIndex: p.stageIndex + 1 },
  },
  {
    action: 'forward',
    by: 'officer',
    from: ['in_review'],
    guard: (p, wf) =>
      isLastStage(p, wf) ? 'Hồ sơ đang ở bước cuối cùng, không có bước tiếp theo để chuyển.' : null,
    to: (p) => ({ state: 'in_review', stageIndex: p.stageIndex + 1 }),
  },
  {
    action: 'reject',
    by: 'officer',
    from: ['in_review'],
    to: (p) => ({ state: 'rejected', stageIndex: p.stageIndex }),
  },
  {
    action: 'request_supplement',
    by: 'officer',
    from: ['in_review'],
    to: () => ({ state: 'supplement_requested', stageIndex: 0 }),
  },
  {
    action: 'return',
    by: 'officer',
    from: ['in_review'],
    guard: (p) => (p.stageIndex === 0 ? 'Hồ sơ đang ở bước đầu tiên, không có bước trước để trả về.' : null),
    to: (p) => ({ state: 'in_review', stageIndex: p.stageIndex - 1 }),
  },
  {
    action: 'resubmit',
    by: 'submitter',
    from: ['supplement_requested'],
    to: () => ({ state: 'in_review', stageIndex: 0 }),
  },
  {
    action: 'cancel',
    by: 'submitter',
    from: ['in_review', 'supplement_requested'],
    to: (p) => ({ state: 'cancelled', stageIndex: p.stageIndex }),
  },
];

const STATE_NAMES: Record<TaskStateCode, string> = {
  in_review: 'đang xử lý',
  supplement_requested: 'đang chờ bổ sung',
  approved: 'đã được duyệt',
  rejected: 'đã bị từ chối',
  cancelled: 'đã hủy',
};

export interface Actor {
  /** Admin role codes of the officer; empty for a submitter. */
  roles: string[];
  superAdmin: boolean;
}

export type TransitionResult =
  { ok: true; to: Position } | { ok: false; status: 403 | 409 | 400; message: string };

/**
 * The one function that decides every move: is `action` allowed for `actor` on a submission at
 * `position` in `workflow`, and where does it lead?
 */
export function transition(
  workflow: WorkflowDefinition,
  position: Position,
  action: TransitionAction,
  actor: Actor,
): TransitionResult {
  const rule = TRANSITIONS.find((t) => t.action === action);
  if (!rule) return { ok: false, status: 400, message: `Thao tác "${action}" không tồn tại.` };
  if (!rule.from.includes(position.state)) {
    return {
      ok: false,
      status: 409,
      message: `Không thể thực hiện thao tác này: hồ sơ ${STATE_NAMES[position.state]}.`,
    };
  }
  if (rule.by === 'officer') {
    const stage = workflow.stages[position.stageIndex];
    if (!stage) return { ok: false, status: 409, message: 'Bước xử lý của hồ sơ không còn trong quy trình.' };
    if (!stage.actions.includes(action as WorkflowActionCode)) {
      return { ok: false, status: 400, message: `Bước "${stage.name}" không cho phép thao tác này.` };
    }
    if (!actor.superAdmin && !actor.roles.some((role) => stage.roles.includes(role))) {
      return { ok: false, status: 403, message: `Bạn không có quyền xử lý bước "${stage.name}".` };
    }
  }
  const refused = rule.guard?.(position, workflow);
  if (refused) return { ok: false, status: 409, message: refused };
  return { ok: true, to: rule.to(position, workflow) };
}

/** The officer actions `actor` may take now, for the action panel. */
export function allowedActions(
  workflow: WorkflowDefinition,
  position: Position,
  actor: Actor,
): WorkflowActionCode[] {
  return TRANSITIONS.filter((t) => t.by === 'officer')
    .map((t) => t.action as WorkflowActionCode)
    .filter((action) => transition(workflow, position, action, actor).ok);
}
