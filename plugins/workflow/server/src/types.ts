import type { TaskKind, TaskState, WorkflowAction } from '@sgd/contracts';
import type { Officer } from './services/staff';

/** One submission of one item, as stored in `wf_tasks`. */
export interface TaskRow {
  id: number;
  workflow: string;
  /** The version of the workflow the task was submitted under: it follows it until it ends. */
  workflowVersion: number;
  targetUid: string;
  targetDocumentId: string;
  title: string | null;
  kind: TaskKind;
  round: number;
  state: TaskState;
  stage: string | null;
  stageIndex: number;
  departmentId: number | null;
  assigneeId: number | null;
  submitterUserId: number | null;
  /** The officer who submitted content written in the admin (news, legal documents). */
  submitterAdminId: number | null;
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
  action: WorkflowAction;
  comment?: string | null;
  internalComment?: string | null;
  templateId?: number | null;
}

/** Who did something: an officer, the submitter (a site user) or the system (jobs, imports). */
export type Doer = { officer: Officer } | { userId: number | null; name?: string | null };

export const isOfficer = (doer: Doer): doer is { officer: Officer } => 'officer' in doer;

/** Where a history entry belongs (a task, or an item or account locked without one). */
export interface HistoryTarget {
  id: number | null;
  workflow: string | null;
  workflowVersion?: number | null;
  targetUid: string;
  targetDocumentId: string;
  round: number;
  departmentId: number | null;
}
