import type { Core } from '@strapi/strapi';
import { HISTORY_ACTION_NAMES } from '@sgd/contracts';
import { coreService } from '@sgd/plugin-core';
import { UID } from '../constants';
import { isOfficer, type Doer, type HistoryTarget, type TaskRow } from '../types';
import { workflowService } from '../utils/get-service';

type Row = Record<string, unknown>;

/** The append-only history of every submission and decision (`wf_history`). */
const historyService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(target: HistoryTarget, entry: Row & { action: string }, doer: Doer): Promise<void> {
    await strapi.db.query(UID.history).create({
      data: {
        taskId: target.id,
        workflow: target.workflow,
        workflowVersion: target.workflowVersion ?? null,
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

  /**
   * An item's history, oldest first, with the action and the stages in words (the stage names of
   * the version each entry was recorded under); the submitter's view has no officer names or internal
   * notes.
   */
  async list(task: Pick<TaskRow, 'targetUid' | 'targetDocumentId'>, forStaff: boolean) {
    const rows = (await strapi.db.query(UID.history).findMany({
      where: { targetUid: task.targetUid, targetDocumentId: task.targetDocumentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as Row[];
    const definitions = workflowService(strapi, 'definitions');
    const stageName = async (row: Row, code: unknown): Promise<string | null> => {
      if (typeof code !== 'string' || typeof row.workflow !== 'string') return null;
      const stored =
        typeof row.workflowVersion === 'number'
          ? await definitions.version(row.workflow, row.workflowVersion).catch(() => null)
          : null;
      return stored?.definition.stages.find((stage) => stage.code === code)?.name ?? null;
    };
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id as number,
        taskId: (row.taskId as number | null) ?? null,
        round: (row.round as number | null) ?? null,
        action: row.action as string,
        actionName: HISTORY_ACTION_NAMES[row.action as string] ?? String(row.action),
        fromState: (row.fromState as string | null) ?? null,
        toState: (row.toState as string | null) ?? null,
        fromStage: (row.fromStage as string | null) ?? null,
        toStage: (row.toStage as string | null) ?? null,
        fromStageName: await stageName(row, row.fromStage),
        toStageName: await stageName(row, row.toStage),
        workflowVersion: (row.workflowVersion as number | null) ?? null,
        comment: (row.comment as string | null) ?? null,
        createdAt: new Date(row.createdAt as string).toISOString(),
        ...(forStaff
          ? {
              actorName: (row.actorName as string | null) ?? null,
              actorAdminId: (row.actorAdminId as number | null) ?? null,
              internalComment: (row.internalComment as string | null) ?? null,
              templateId: (row.templateId as number | null) ?? null,
              late: Boolean(row.late),
              dueAt: (row.dueAt as string | null) ?? null,
            }
          : {}),
      })),
    );
  },
});

export default historyService;
