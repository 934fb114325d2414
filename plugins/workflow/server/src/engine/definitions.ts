import { WORKFLOW_ACTION_CODES, type WorkflowDefinition } from '@sgd/config';
import { z } from 'zod';

const code = z
  .string({ required_error: 'Thiếu mã.' })
  .regex(/^[a-z][a-z0-9_]{1,59}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới (2–60 ký tự).');

const stageSchema = z
  .object({
    code,
    name: z.string().trim().min(2, 'Tên bước quá ngắn.').max(150, 'Tên bước quá dài.'),
    roles: z.array(z.string().min(1)).min(1, 'Mỗi bước cần ít nhất một vai trò được xử lý.'),
    actions: z
      .array(z.enum(WORKFLOW_ACTION_CODES as [string, ...string[]], { message: 'Thao tác không hợp lệ.' }))
      .min(1, 'Mỗi bước cần ít nhất một thao tác.')
      .refine((actions) => actions.includes('approve'), 'Mỗi bước phải có thao tác duyệt.'),
    deadlineDays: z
      .number({ invalid_type_error: 'Thời hạn phải là số ngày làm việc.' })
      .int('Thời hạn phải là số nguyên ngày làm việc.')
      .min(1, 'Thời hạn ít nhất 1 ngày làm việc.')
      .max(60, 'Thời hạn tối đa 60 ngày làm việc.'),
  })
  .strict('Bước có trường không được hỗ trợ.');

export const workflowSchema = z
  .object({
    code,
    name: z.string().trim().min(2, 'Tên quy trình quá ngắn.').max(200, 'Tên quy trình quá dài.'),
    contentTypes: z.array(
      z.string().regex(/^(plugin|api)::[a-z0-9-]+\.[a-z0-9-]+$/, 'Mã loại nội dung không hợp lệ.'),
    ),
    stages: z.array(stageSchema).min(1, 'Quy trình cần ít nhất một bước.').max(6, 'Quy trình tối đa 6 bước.'),
  })
  .strict('Quy trình có trường không được hỗ trợ.')
  .superRefine((wf, ctx) => {
    const codes = wf.stages.map((s) => s.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: 'Mã các bước trong một quy trình phải khác nhau.',
      });
    }
    if (wf.stages[0]?.actions.includes('return')) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 0, 'actions'],
        message: 'Bước đầu tiên không thể trả về bước trước.',
      });
    }
  });

export interface DefinitionProblem {
  path: string;
  message: string;
}

/**
 * Checks one workflow and, across all of them, that a content type uses one workflow only and that
 * every role exists.
 */
export function checkDefinitions(
  workflows: unknown[],
  known: { roles: string[]; contentTypes: string[] },
): { ok: true; workflows: WorkflowDefinition[] } | { ok: false; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const parsed: WorkflowDefinition[] = [];
  workflows.forEach((candidate, index) => {
    const result = workflowSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ path: [index, ...issue.path].join('.'), message: issue.message });
      }
      return;
    }
    parsed.push(result.data as WorkflowDefinition);
  });
  const owner = new Map<string, string>();
  parsed.forEach((wf, index) => {
    wf.contentTypes.forEach((uid, i) => {
      if (!known.contentTypes.includes(uid)) {
        problems.push({
          path: `${index}.contentTypes.${i}`,
          message: `Loại nội dung ${uid} không tồn tại hoặc chưa hỗ trợ quy trình.`,
        });
      }
      const other = owner.get(uid);
      if (other && other !== wf.code) {
        problems.push({
          path: `${index}.contentTypes.${i}`,
          message: `Loại nội dung ${uid} đã dùng quy trình ${other}.`,
        });
      }
      owner.set(uid, wf.code);
    });
    wf.stages.forEach((stage, s) =>
      stage.roles.forEach((role, r) => {
        if (!known.roles.includes(role)) {
          problems.push({
            path: `${index}.stages.${s}.roles.${r}`,
            message: `Vai trò ${role} không tồn tại.`,
          });
        }
      }),
    );
  });
  const codes = parsed.map((wf) => wf.code);
  if (new Set(codes).size !== codes.length)
    problems.push({ path: '', message: 'Mã các quy trình phải khác nhau.' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, workflows: parsed };
}
