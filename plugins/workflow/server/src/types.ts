import type { TaskKindCode, TaskStateCode, WorkflowActionCode } from '@sgd/config';
import type { Officer } from './services/staff';

/** One submission of one item, as stored in `wf_tasks`. */
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

/** Who did something: an officer, the submitter (a site user) or the system (jobs, imports). */
export type Doer = { officer: Officer } | { userId: number | null; name?: string | null };

export const isOfficer = (doer: Doer): doer is { officer: Officer } => 'officer' in doer;

/** Where a history entry belongs when there is no task (locking a user account or an item). */
export interface HistoryTarget {
  id: number | null;
  workflow: string | null;
  targetUid: string;
  targetDocumentId: string;
  round: number;
  departmentId: number | null;
}
