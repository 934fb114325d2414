import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STAFF_LEVELS, WORKFLOWS, type WorkflowDefinition } from '@sgd/config';
import { SUPER_ADMIN_ROLE } from '@sgd/plugin-core';
import { UID } from '../constants';
import { checkDefinitions } from '../engine/definitions';
import { workflowService } from '../utils/get-service';

interface DefinitionRow {
  id: number;
  code: string;
  definition: WorkflowDefinition;
}

/**
 * Workflows live in the database (seeded from config/src/workflows.ts) so the super admin can edit
 * them; every read goes through a cache the save refreshes.
 */
const definitionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: WorkflowDefinition[] | null = null;
  const boundTypes = () => workflowService(strapi, 'targets').boundTypes();

  return {
    async seed(): Promise<void> {
      const existing = (await strapi.db.query(UID.definition).findMany({ select: ['code'] })) as {
        code: string;
      }[];
      const known = new Set(existing.map((row) => row.code));
      for (const workflow of WORKFLOWS) {
        if (!known.has(workflow.code)) {
          await strapi.db
            .query(UID.definition)
            .create({ data: { code: workflow.code, definition: workflow } });
        }
      }
      cache = null;
    },

    async all(): Promise<WorkflowDefinition[]> {
      if (!cache) {
        const rows = (await strapi.db
          .query(UID.definition)
          .findMany({ orderBy: { id: 'asc' } })) as DefinitionRow[];
        cache = rows.map((row) => row.definition);
      }
      return cache;
    },

    async byCode(code: string): Promise<WorkflowDefinition> {
      const workflow = (await this.all()).find((wf) => wf.code === code);
      if (!workflow) throw new errors.ApplicationError(`Quy trình ${code} không còn tồn tại.`);
      return workflow;
    },

    async forType(uid: string): Promise<WorkflowDefinition | null> {
      return (await this.all()).find((wf) => wf.contentTypes.includes(uid)) ?? null;
    },

    /** Replaces all workflows after validating them together; answers 400 with every problem. */
    async save(candidates: unknown): Promise<WorkflowDefinition[]> {
      if (!Array.isArray(candidates)) {
        throw new errors.ValidationError('Dữ liệu phải là danh sách các quy trình.');
      }
      const roles = (
        (await strapi.db.query('admin::role').findMany({ select: ['code'] })) as { code: string }[]
      )
        .map((role) => role.code)
        .concat(STAFF_LEVELS.map((level) => level.role))
        .filter((code) => code !== SUPER_ADMIN_ROLE);
      const result = checkDefinitions(candidates, { roles, contentTypes: boundTypes() });
      if (!result.ok) {
        throw new errors.ValidationError(result.problems.map((p) => p.message).join(' '), {
          errors: result.problems.map((p) => ({
            path: p.path.split('.'),
            message: p.message,
            name: 'ValidationError',
          })),
        });
      }
      const covered = new Set(result.workflows.flatMap((wf) => wf.contentTypes));
      const orphan = boundTypes().filter((uid) => !covered.has(uid));
      if (orphan.length > 0) {
        const names = orphan.map((uid) => strapi.contentType(uid as never).info.displayName).join(', ');
        throw new errors.ValidationError(`Các loại nội dung sau chưa có quy trình duyệt: ${names}.`);
      }
      const kept = new Set(result.workflows.map((wf) => wf.code));
      await strapi.db.transaction(async () => {
        await strapi.db.query(UID.definition).deleteMany({ where: { code: { $notIn: [...kept] } } });
        for (const workflow of result.workflows) {
          const row = await strapi.db.query(UID.definition).findOne({ where: { code: workflow.code } });
          if (row)
            await strapi.db
              .query(UID.definition)
              .update({ where: { id: row.id }, data: { definition: workflow } });
          else
            await strapi.db
              .query(UID.definition)
              .create({ data: { code: workflow.code, definition: workflow } });
        }
      });
      cache = null;
      return this.all();
    },
  };
};

export default definitionsService;
