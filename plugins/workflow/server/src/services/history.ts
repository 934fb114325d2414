import type { Core } from '@strapi/strapi';
import { coreService } from '@sgd/plugin-core';
import { UID } from '../constants';
import { isOfficer, type Doer, type HistoryTarget, type TaskRow } from '../types';

type Row = Record<string, unknown>;

/** The append-only history of every submission and decision (`wf_history`). */
const historyService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(target: HistoryTarget, entry: Row & { action: string }, doer: Doer): Promise<void> {
    await strapi.db.query(UID.history).create({
      data: {
        taskId: target.id,
        workflow: target.workflow,
        targetUid: target.targetUid,
        targetDocumentId: target.targetDocumentId,
        round: target.round,
        departmentId: target.departmentId,
        createdAt: coreService(strapi, 'clock').now(),
        ...(isOfficer(doer)
          ? { actorAdminId: doer.officer.id, actorName: doer.officer.name }
          : { actorUserId: doer.userId, actorName: doer.name ?? null }),
        ...entry,
      },
    });
  },

  /** An item's history, oldest first; the submitter's view has no officer names or internal notes. */
  async list(task: Pick<TaskRow, 'targetUid' | 'targetDocumentId'>, forStaff: boolean) {
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
});

export default historyService;
