import { workflowDefinitionSchema, type DefinitionProblem, type WorkflowDefinition } from '@sgd/contracts';
import { relationProblem, type SchemaLookup } from './paths';

export const DEPARTMENT_TARGET = 'plugin::core.department';
export const COMMUNE_TARGET = 'plugin::core.administrative-unit';

/** What a definition is checked against: the installed system. */
export interface DefinitionContext {
  /** Admin role codes a stage may name (the super admin acts everywhere and is not listed). */
  roles: string[];
  /** Content types that declare `pluginOptions.workflow`, with their display names. */
  reviewable: Record<string, string>;
  departments: string[];
  communes: string[];
  schemaOf: SchemaLookup;
}

const FIELD_NAMES: Record<string, string> = {
  code: 'mã',
  name: 'tên',
  roles: 'vai trò được xử lý',
  actions: 'thao tác được phép',
  deadlineDays: 'thời hạn',
  templates: 'mẫu trả lời',
  subject: 'tiêu đề thư',
  body: 'nội dung thư',
  action: 'thao tác',
  uid: 'loại nội dung',
  routing: 'phân công sở xử lý',
  path: 'trường',
  department: 'sở',
  departments: 'bảng xã, phường – sở',
  by: 'cách phân công',
};

/**
 * Where a problem is, in the words of the editor: "Bước 2 «Lãnh đạo phòng duyệt», thời hạn".
 */
export function describePath(path: (string | number)[], candidate: unknown): string {
  const workflow = (candidate ?? {}) as {
    stages?: { name?: string }[];
    contentTypes?: { uid?: string }[];
  };
  const [head, index, field, subIndex, subField] = path;
  const label = (name: unknown) => FIELD_NAMES[String(name)] ?? String(name);
  if (head === 'stages' && typeof index === 'number') {
    const name = workflow.stages?.[index]?.name;
    const stage = `Bước ${index + 1}${typeof name === 'string' && name.trim() ? ` «${name.trim()}»` : ''}`;
    if (field === undefined) return stage;
    if (field === 'templates' && typeof subIndex === 'number') {
      return `${stage}, mẫu trả lời ${subIndex + 1}${subField !== undefined ? `, ${label(subField)}` : ''}`;
    }
    return `${stage}, ${label(field)}`;
  }
  if (head === 'contentTypes' && typeof index === 'number') {
    const uid = workflow.contentTypes?.[index]?.uid;
    const type = `Loại nội dung ${index + 1}${typeof uid === 'string' ? ` (${uid})` : ''}`;
    if (field === 'routing' && typeof subIndex === 'number') {
      return `${type}, quy tắc phân công ${subIndex + 1}${subField !== undefined ? `, ${label(subField)}` : ''}`;
    }
    return field === undefined ? type : `${type}, ${label(field)}`;
  }
  if (head === 'stages') return 'Các bước';
  if (head === 'contentTypes') return 'Loại nội dung';
  if (head === 'name') return 'Tên quy trình';
  if (head === 'code') return 'Mã quy trình';
  return 'Quy trình';
}

/**
 * Checks one workflow definition: its shape (the shared contract) and, against the installed
 * system, its roles, content types, routing paths, departments and communes. Answers the parsed
 * definition or every problem with its path.
 */
export function checkDefinition(
  candidate: unknown,
  context: DefinitionContext,
): { ok: true; workflow: WorkflowDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const parsed = workflowDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    };
  }
  const workflow = parsed.data;
  const problems: DefinitionProblem[] = [];
  workflow.stages.forEach((stage, s) =>
    stage.roles.forEach((role, r) => {
      if (!context.roles.includes(role)) {
        problems.push({ path: ['stages', s, 'roles', r], message: `Vai trò "${role}" không tồn tại.` });
      }
    }),
  );
  workflow.contentTypes.forEach((binding, b) => {
    if (!(binding.uid in context.reviewable)) {
      problems.push({
        path: ['contentTypes', b, 'uid'],
        message: `Loại nội dung "${binding.uid}" không tồn tại hoặc chưa khai báo tham gia quy trình duyệt.`,
      });
      return;
    }
    binding.routing.forEach((rule, r) => {
      const at = ['contentTypes', b, 'routing', r];
      if (rule.by === 'path') {
        const problem = relationProblem(binding.uid, rule.path, DEPARTMENT_TARGET, context.schemaOf);
        if (problem) problems.push({ path: [...at, 'path'], message: `Trường ${problem}` });
      } else if (rule.by === 'commune') {
        const problem = relationProblem(binding.uid, rule.path, COMMUNE_TARGET, context.schemaOf);
        if (problem) problems.push({ path: [...at, 'path'], message: `Trường ${problem}` });
        for (const [commune, department] of Object.entries(rule.departments)) {
          if (!context.communes.includes(commune)) {
            problems.push({
              path: [...at, 'departments'],
              message: `Xã, phường mã "${commune}" không tồn tại.`,
            });
          }
          if (!context.departments.includes(department)) {
            problems.push({ path: [...at, 'departments'], message: `Sở mã "${department}" không tồn tại.` });
          }
        }
      } else if (!context.departments.includes(rule.department)) {
        problems.push({ path: [...at, 'department'], message: `Sở mã "${rule.department}" không tồn tại.` });
      }
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, workflow };
}
