import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  workflowDefinitionSchema,
  type DefinitionProblem,
  type DefinitionView,
  type StageTemplate,
  type WorkflowDefinition,
} from '@sgd/contracts';
import { STAFF_LEVELS, WORKFLOWS } from '@sgd/config';
import { SUPER_ADMIN_ROLE, coreService, sharedCache } from '@sgd/plugin-core';
import { DEPARTMENT_UID, STRAPI_ROLE_NAMES, UID } from '../constants';
import { checkDefinition, describePath, type DefinitionContext } from '../engine/definitions';
import type { SchemaLookup } from '../engine/paths';
import { fail } from '../utils/errors';
import { workflowService } from '../utils/get-service';
import { sqlNames } from '../utils/sql';

/** One saved version of a workflow. Versions never change: a task keeps the one it was submitted under. */
export interface StoredDefinition {
  id: number;
  code: string;
  version: number;
  definition: WorkflowDefinition;
  savedAt: string | null;
}

interface DefinitionRow {
  id: number;
  code: string;
  version: number;
  definition: unknown;
  createdAt: string | null;
}

const OPEN_STATES = ['in_review', 'supplement_requested'];

const isUniqueViolation = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(message ?? '');
};
const COMMUNE_UID = 'plugin::core.administrative-unit';

/** Stage templates live as reply-template rows (by workflow and stage), not in the versioned JSON. */
const withoutTemplates = (workflow: WorkflowDefinition): WorkflowDefinition => ({
  ...workflow,
  stages: workflow.stages.map((stage) => ({ ...stage, templates: [] })),
});

const sameDefinition = (a: WorkflowDefinition, b: WorkflowDefinition) =>
  JSON.stringify(withoutTemplates(a)) === JSON.stringify(withoutTemplates(b));

/** Refuses a definition: the message locates each problem in words, `details.errors` by path. */
function refuse(problems: DefinitionProblem[], candidate: unknown): never {
  const located = problems.map((p) => `${describePath(p.path, candidate)}: ${p.message}`);
  throw new errors.ValidationError(located.join(' '), {
    errors: problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError' })),
  });
}

/**
 * Workflows are versioned data: saving one writes a new version (seeded from config/src/workflows.ts
 * as version 1). Every instance keeps them in memory and reloads within a second of a save made
 * through any instance (a version row checked on use).
 */
const definitionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const targets = () => workflowService(strapi, 'targets');

  const cache = sharedCache<Map<string, StoredDefinition[]>>(strapi, {
    name: 'workflow-definitions',
    async load() {
      const rows = (await strapi.db
        .query(UID.definition)
        .findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] })) as DefinitionRow[];
      const byCode = new Map<string, StoredDefinition[]>();
      for (const row of rows) {
        const definition = workflowDefinitionSchema.parse(row.definition);
        const versions = byCode.get(row.code) ?? [];
        versions.push({
          id: row.id,
          code: row.code,
          version: row.version,
          definition,
          savedAt: row.createdAt ? new Date(row.createdAt).toISOString() : null,
        });
        byCode.set(row.code, versions);
      }
      return byCode;
    },
  });

  /** The latest version of every workflow, in the order they were first saved. */
  async function current(): Promise<StoredDefinition[]> {
    return [...(await cache.get()).values()]
      .sort((a, b) => a[0].id - b[0].id)
      .map((versions) => versions[versions.length - 1]);
  }

  async function byCode(code: string): Promise<StoredDefinition> {
    const versions = (await cache.get()).get(code);
    if (!versions) throw new errors.ApplicationError(`Quy trình ${code} không còn tồn tại.`);
    return versions[versions.length - 1];
  }

  /** A task's version; a version row is never deleted, so only a corrupted task misses it. */
  async function version(code: string, number: number): Promise<StoredDefinition> {
    const found = (await cache.get()).get(code)?.find((stored) => stored.version === number);
    if (!found) throw new errors.ApplicationError(`Quy trình ${code} không có phiên bản ${number}.`);
    return found;
  }

  async function forType(uid: string): Promise<StoredDefinition | null> {
    return (
      (await current()).find((stored) => stored.definition.contentTypes.some((b) => b.uid === uid)) ?? null
    );
  }

  const schemaOf: SchemaLookup = (uid) =>
    strapi.contentType(uid as never)?.attributes as ReturnType<SchemaLookup>;

  /** The installed system a definition is checked against. */
  async function context(): Promise<DefinitionContext> {
    const roles = (
      (await strapi.db.query('admin::role').findMany({ select: ['code'] })) as { code: string }[]
    )
      .map((role) => role.code)
      .concat(STAFF_LEVELS.map((level) => level.role))
      .filter((code, index, all) => code !== SUPER_ADMIN_ROLE && all.indexOf(code) === index);
    const departments = (
      (await strapi.db.query(DEPARTMENT_UID).findMany({ select: ['code'] })) as { code: string }[]
    ).map((row) => row.code);
    const communes = (
      (await strapi.db.query(COMMUNE_UID).findMany({ select: ['code'] })) as { code: string }[]
    ).map((row) => row.code);
    const reviewable = Object.fromEntries(
      targets()
        .reviewableTypes()
        .map((uid) => [uid, strapi.contentType(uid as never).info.displayName]),
    );
    return { roles, departments, communes, reviewable, schemaOf };
  }

  /** Writes the next version of a workflow (a unique index refuses a second writer of the same number). */
  async function insertVersion(workflow: WorkflowDefinition, savedBy: number | null): Promise<void> {
    const latest = (await strapi.db.query(UID.definition).findOne({
      where: { code: workflow.code },
      orderBy: { version: 'desc' },
      select: ['version'],
    })) as { version: number } | null;
    await strapi.db.query(UID.definition).create({
      data: {
        code: workflow.code,
        version: (latest?.version ?? 0) + 1,
        definition: withoutTemplates(workflow),
        savedBy,
      },
    });
  }

  /** Stage templates of a workflow become reply-template rows: updated, added, the others removed. */
  async function syncTemplates(workflow: WorkflowDefinition): Promise<void> {
    const existing = (await strapi.db.query(UID.template).findMany({
      where: { workflow: workflow.code, stage: { $notNull: true } },
    })) as { id: number; stage: string }[];
    const kept = new Set<number>();
    for (const stage of workflow.stages) {
      for (const template of stage.templates) {
        const data = {
          workflow: workflow.code,
          stage: stage.code,
          action: template.action,
          name: template.name,
          subject: template.subject,
          body: template.body,
        };
        const mine = template.id ? existing.find((row) => row.id === template.id) : undefined;
        if (mine) {
          await strapi.db.query(UID.template).update({ where: { id: mine.id }, data });
          kept.add(mine.id);
        } else {
          const created = (await strapi.db.query(UID.template).create({ data })) as { id: number };
          kept.add(created.id);
        }
      }
    }
    const removed = existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
    if (removed.length > 0)
      await strapi.db.query(UID.template).deleteMany({ where: { id: { $in: removed } } });
  }

  /** Stage templates of the saved workflows, for the editor. */
  async function stageTemplates(code: string): Promise<Map<string, StageTemplate[]>> {
    const rows = (await strapi.db.query(UID.template).findMany({
      where: { workflow: code, stage: { $notNull: true } },
      orderBy: { id: 'asc' },
    })) as (StageTemplate & { id: number; stage: string })[];
    const byStage = new Map<string, StageTemplate[]>();
    for (const row of rows) {
      byStage.set(row.stage, [
        ...(byStage.get(row.stage) ?? []),
        { id: row.id, action: row.action, name: row.name, subject: row.subject, body: row.body },
      ]);
    }
    return byStage;
  }

  return {
    current,
    byCode,
    version,
    forType,
    context,

    /**
     * Shipped workflows missing from the database get their version 1; a type that declares
     * `pluginOptions.workflow` but no workflow covers yet joins the one it names (in that version 1 on a
     * new database, else in a new version).
     */
    async seed(): Promise<void> {
      const stored = await cache.get();
      const covered = new Set(
        [...stored.values()].flatMap((versions) =>
          versions[versions.length - 1].definition.contentTypes.map((binding) => binding.uid),
        ),
      );
      const joining = new Map<string, string[]>();
      for (const uid of targets().reviewableTypes()) {
        const declared = targets().optionsOf(uid)?.workflow;
        if (covered.has(uid) || !declared) continue;
        if (!stored.has(declared) && !WORKFLOWS.some((workflow) => workflow.code === declared)) continue;
        joining.set(declared, [...(joining.get(declared) ?? []), uid]);
      }
      const bindingsOf = (code: string) =>
        (joining.get(code) ?? []).map((uid) => ({ uid, routing: targets().optionsOf(uid)?.routing ?? [] }));
      const missing = WORKFLOWS.filter((workflow) => !stored.has(workflow.code));
      for (const workflow of missing) {
        const definition = {
          ...workflow,
          contentTypes: [...workflow.contentTypes, ...bindingsOf(workflow.code)],
        };
        await strapi.db.query(UID.definition).create({
          data: { code: workflow.code, version: 1, definition, savedBy: null },
        });
      }
      const extended = [...joining.keys()].filter((code) => stored.has(code));
      for (const code of extended) {
        const latest = (await byCode(code)).definition;
        await insertVersion({ ...latest, contentTypes: [...latest.contentTypes, ...bindingsOf(code)] }, null);
      }
      if (missing.length > 0 || extended.length > 0) await cache.changed();
    },

    /**
     * Saves a workflow as a new version, after checking it; answers 400 with every problem, each
     * with its path. A content type added here leaves the workflow that had it (a new version of that
     * one too); a content type removed must belong to another workflow. Running tasks keep their
     * version. Nothing changes when the definition is the same as the latest.
     */
    async save(code: string, candidate: unknown, savedBy: number | null): Promise<void> {
      const checked = checkDefinition(candidate, await context());
      if (!checked.ok) refuse(checked.problems, candidate);
      const workflow = checked.workflow;
      if (workflow.code !== code) {
        refuse([{ path: ['code'], message: 'Không được đổi mã của một quy trình đã có.' }], candidate);
      }
      const all = await current();
      const previous = all.find((stored) => stored.code === code) ?? null;
      const mine = new Set(workflow.contentTypes.map((binding) => binding.uid));
      const elsewhere = new Set(
        all
          .filter((stored) => stored.code !== code)
          .flatMap((stored) => stored.definition.contentTypes.map((binding) => binding.uid)),
      );
      const orphans = (previous?.definition.contentTypes ?? [])
        .filter((binding) => !mine.has(binding.uid) && !elsewhere.has(binding.uid))
        .map((binding) => strapi.contentType(binding.uid as never)?.info.displayName ?? binding.uid);
      if (orphans.length > 0) {
        refuse(
          [
            {
              path: ['contentTypes'],
              message: `Không thể bỏ ${orphans.join(', ')} khỏi quy trình: mỗi loại nội dung phải thuộc một quy trình. Hãy thêm nó vào quy trình khác (nó sẽ tự rời quy trình này).`,
            },
          ],
          candidate,
        );
      }
      const moved = all.filter(
        (stored) =>
          stored.code !== code && stored.definition.contentTypes.some((binding) => mine.has(binding.uid)),
      );
      try {
        await strapi.db.transaction(async () => {
          if (!previous || !sameDefinition(previous.definition, workflow))
            await insertVersion(workflow, savedBy);
          for (const other of moved) {
            await insertVersion(
              {
                ...other.definition,
                contentTypes: other.definition.contentTypes.filter((binding) => !mine.has(binding.uid)),
              },
              savedBy,
            );
          }
          await syncTemplates(workflow);
          await cache.changed();
        });
      } catch (error) {
        // Two people saved the same workflow at once: the unique (code, version) index kept one.
        if (isUniqueViolation(error))
          fail(409, 'Quy trình vừa được người khác lưu. Hãy tải lại trang rồi sửa tiếp.');
        throw error;
      }
    },

    /** Every workflow's latest version for the editor, with how many open tasks each version still has. */
    async views(): Promise<DefinitionView[]> {
      const { table, column } = sqlNames(strapi);
      const counts = (await strapi.db
        .connection(table(UID.task))
        .select({ workflow: column(UID.task, 'workflow'), version: column(UID.task, 'workflowVersion') })
        .count({ open: '*' })
        .whereIn(column(UID.task, 'state'), OPEN_STATES)
        .groupBy(column(UID.task, 'workflow'), column(UID.task, 'workflowVersion'))) as {
        workflow: string;
        version: number;
        open: number | string;
      }[];
      const openOf = (code: string, number: number) =>
        Number(counts.find((row) => row.workflow === code && Number(row.version) === number)?.open ?? 0);
      const stored = await cache.get();
      return Promise.all(
        (await current()).map(async (latest) => {
          const templates = await stageTemplates(latest.code);
          return {
            ...latest.definition,
            stages: latest.definition.stages.map((stage) => ({
              ...stage,
              templates: templates.get(stage.code) ?? [],
            })),
            version: latest.version,
            savedAt: latest.savedAt,
            versions: (stored.get(latest.code) ?? [])
              .map((entry) => ({
                version: entry.version,
                savedAt: entry.savedAt,
                openTasks: openOf(entry.code, entry.version),
              }))
              .reverse(),
          };
        }),
      );
    },

    /**
     * A candidate definition, checked as a save would check it, and the path a task submitted now
     * would take: each stage with its deadline if every earlier stage used its whole time.
     */
    async preview(candidate: unknown) {
      const checked = checkDefinition(candidate, await context());
      if (!checked.ok) return { problems: checked.problems, path: [] };
      const roles = (await strapi.db.query('admin::role').findMany({ select: ['code', 'name'] })) as {
        code: string;
        name: string;
      }[];
      const calendar = await coreService(strapi, 'calendar').get();
      let from = coreService(strapi, 'clock').now();
      return {
        problems: [],
        path: checked.workflow.stages.map((stage) => {
          const due = calendar.addWorkingDays(from, stage.deadlineDays);
          from = due;
          return {
            stage: stage.name,
            roles: stage.roles.map(
              (code) => STRAPI_ROLE_NAMES[code] ?? roles.find((role) => role.code === code)?.name ?? code,
            ),
            deadlineDays: stage.deadlineDays,
            dueAt: due.toISOString(),
            actions: stage.actions,
          };
        }),
      };
    },

    /** The definition cache: dropped by a save here, reloaded when another instance saved. */
    changed: () => cache.changed(),
  };
};

export default definitionsService;
