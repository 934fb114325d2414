import { z } from 'zod';

/**
 * The review workflow engine's contracts: what a workflow definition is (the editor writes it, the
 * CMS validates it), what the inbox and the task panel read, and what a submitter sees. Messages are
 * Vietnamese: the editor shows them beside the field at fault.
 */

/** What an officer may do at a stage. `approve` at a stage that is not the last forwards with approval. */
export const WORKFLOW_ACTIONS = [
  { code: 'approve', name: 'Duyệt' },
  { code: 'forward', name: 'Chuyển bước tiếp theo' },
  { code: 'reject', name: 'Từ chối' },
  { code: 'request_supplement', name: 'Yêu cầu bổ sung' },
  { code: 'return', name: 'Trả về bước trước' },
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]['code'];
export const WORKFLOW_ACTION_CODES = WORKFLOW_ACTIONS.map((action) => action.code) as [
  WorkflowAction,
  ...WorkflowAction[],
];

/** The actions whose decision is told to the submitter by email, from a reply template. */
export const REPLY_ACTIONS = ['approve', 'reject', 'request_supplement'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

/** What a reply template answers: a submission, an officer's decision told by email, a lock or an unlock. */
export const TEMPLATE_ACTIONS = [
  { code: 'submit', name: 'Nộp hồ sơ' },
  ...WORKFLOW_ACTIONS.filter((action) => (REPLY_ACTIONS as readonly string[]).includes(action.code)),
  { code: 'lock', name: 'Khóa' },
  { code: 'unlock', name: 'Mở khóa' },
];

export const TASK_STATES = [
  { code: 'in_review', name: 'Đang xử lý' },
  { code: 'supplement_requested', name: 'Chờ bổ sung' },
  { code: 'approved', name: 'Đã duyệt' },
  { code: 'rejected', name: 'Đã từ chối' },
  { code: 'cancelled', name: 'Đã hủy' },
] as const;
export type TaskState = (typeof TASK_STATES)[number]['code'];
export const TASK_STATE_CODES = TASK_STATES.map((state) => state.code) as [TaskState, ...TaskState[]];

/** A submission: new, an edit of approved content, or a re-verification after a lock. */
export const TASK_KINDS = [
  { code: 'new', name: 'Đăng ký mới' },
  { code: 'edit', name: 'Đề nghị chỉnh sửa' },
  { code: 'reverification', name: 'Xác minh lại sau khi khóa' },
] as const;
export type TaskKind = (typeof TASK_KINDS)[number]['code'];
export const TASK_KIND_CODES = TASK_KINDS.map((kind) => kind.code) as [TaskKind, ...TaskKind[]];

/** Every history action, in Vietnamese (officers' actions, the submitter's, locking). */
export const HISTORY_ACTION_NAMES: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  resubmit: 'Nộp lại sau bổ sung',
  approve: 'Duyệt',
  forward: 'Chuyển bước tiếp theo',
  reject: 'Từ chối',
  request_supplement: 'Yêu cầu bổ sung',
  return: 'Trả về bước trước',
  cancel: 'Đóng hồ sơ',
  lock: 'Khóa',
  unlock: 'Mở khóa, xác minh lại',
};

const codeField = (what: string) =>
  z
    .string({ required_error: `Thiếu mã ${what}.`, invalid_type_error: `Mã ${what} phải là chuỗi ký tự.` })
    .regex(
      /^[a-z][a-z0-9_]{1,59}$/,
      `Mã ${what} chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (2–60 ký tự).`,
    );

const nameField = (what: string, max: number) =>
  z
    .string({ required_error: `Thiếu tên ${what}.`, invalid_type_error: `Tên ${what} phải là chuỗi ký tự.` })
    .trim()
    .min(2, `Tên ${what} cần ít nhất 2 ký tự.`)
    .max(max, `Tên ${what} tối đa ${max} ký tự.`);

/** A dotted relation path (`seller.department`), checked against the content type's schema by the CMS. */
const relationPath = z
  .string({
    required_error: 'Thiếu đường dẫn trường.',
    invalid_type_error: 'Đường dẫn trường phải là chuỗi.',
  })
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/,
    'Đường dẫn trường không hợp lệ (ví dụ: seller.department).',
  );

const departmentCode = z
  .string({ required_error: 'Chưa chọn sở.', invalid_type_error: 'Mã sở phải là chuỗi.' })
  .min(1, 'Chưa chọn sở.')
  .max(20, 'Mã sở quá dài.');

/**
 * Which department handles an item, rules tried in order until one gives a department: a relation
 * path ending at a department (`department`, `seller.department`), the item's commune mapped to a
 * department, or a fixed department.
 */
export const routingRuleSchema = z.discriminatedUnion(
  'by',
  [
    z
      .object({ by: z.literal('path'), path: relationPath })
      .strict('Quy tắc phân công có trường không được hỗ trợ.'),
    z
      .object({
        by: z.literal('commune'),
        path: relationPath,
        departments: z
          .record(z.string().min(1, 'Mã xã, phường không hợp lệ.'), departmentCode, {
            invalid_type_error: 'Bảng xã, phường – sở không hợp lệ.',
          })
          .refine((map) => Object.keys(map).length > 0, 'Cần ít nhất một xã, phường và sở phụ trách.'),
      })
      .strict('Quy tắc phân công có trường không được hỗ trợ.'),
    z
      .object({ by: z.literal('fixed'), department: departmentCode })
      .strict('Quy tắc phân công có trường không được hỗ trợ.'),
  ],
  {
    errorMap: () => ({
      message: 'Cách phân công không hợp lệ (theo trường, theo xã, phường hoặc một sở cố định).',
    }),
  },
);
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** A content type under a workflow, and how its items are routed to a department. */
export const workflowBindingSchema = z
  .object({
    uid: z
      .string({ required_error: 'Thiếu loại nội dung.' })
      .regex(/^(plugin|api)::[a-z0-9-]+\.[a-z0-9-]+$/, 'Loại nội dung không hợp lệ.'),
    routing: z
      .array(routingRuleSchema, { invalid_type_error: 'Cách phân công phải là danh sách quy tắc.' })
      .min(1, 'Cần ít nhất một quy tắc phân công sở xử lý.')
      .max(6, 'Tối đa 6 quy tắc phân công.'),
  })
  .strict('Loại nội dung có trường không được hỗ trợ.');
export type WorkflowBinding = z.infer<typeof workflowBindingSchema>;

/** A reply template of one stage: the email the submitter receives for a decision taken there. */
export const stageTemplateSchema = z
  .object({
    id: z.number().int().positive().optional(),
    action: z.enum(REPLY_ACTIONS, {
      message: 'Mẫu trả lời chỉ dùng cho duyệt, từ chối hoặc yêu cầu bổ sung.',
    }),
    name: nameField('mẫu', 150),
    subject: z
      .string({ required_error: 'Thiếu tiêu đề thư.' })
      .trim()
      .min(2, 'Tiêu đề thư cần ít nhất 2 ký tự.')
      .max(255, 'Tiêu đề thư tối đa 255 ký tự.'),
    body: z
      .string({ required_error: 'Thiếu nội dung thư.' })
      .trim()
      .min(10, 'Nội dung thư cần ít nhất 10 ký tự.')
      .max(10_000, 'Nội dung thư tối đa 10.000 ký tự.'),
  })
  .strict('Mẫu trả lời có trường không được hỗ trợ.');
export type StageTemplate = z.infer<typeof stageTemplateSchema>;

export const stageSchema = z
  .object({
    code: codeField('bước'),
    name: nameField('bước', 150),
    roles: z
      .array(z.string().min(1, 'Vai trò không hợp lệ.'), { invalid_type_error: 'Vai trò phải là danh sách.' })
      .min(1, 'Mỗi bước cần ít nhất một vai trò được xử lý.'),
    actions: z
      .array(z.enum(WORKFLOW_ACTION_CODES, { message: 'Thao tác không hợp lệ.' }))
      .min(1, 'Mỗi bước cần ít nhất một thao tác.')
      .refine((actions) => actions.includes('approve'), 'Mỗi bước phải có thao tác duyệt.'),
    deadlineDays: z
      .number({ required_error: 'Thiếu thời hạn.', invalid_type_error: 'Thời hạn phải là số ngày làm việc.' })
      .int('Thời hạn phải là số nguyên ngày làm việc.')
      .min(1, 'Thời hạn ít nhất 1 ngày làm việc.')
      .max(60, 'Thời hạn tối đa 60 ngày làm việc.'),
    templates: z.array(stageTemplateSchema).max(20, 'Mỗi bước tối đa 20 mẫu trả lời.').default([]),
  })
  .strict('Bước có trường không được hỗ trợ.');
export type WorkflowStage = z.infer<typeof stageSchema>;

export const workflowDefinitionSchema = z
  .object({
    code: codeField('quy trình'),
    name: nameField('quy trình', 200),
    stages: z.array(stageSchema).min(1, 'Quy trình cần ít nhất một bước.').max(6, 'Quy trình tối đa 6 bước.'),
    contentTypes: z.array(workflowBindingSchema).default([]),
  })
  .strict('Quy trình có trường không được hỗ trợ.')
  .superRefine((workflow, ctx) => {
    const seen = new Map<string, number>();
    workflow.stages.forEach((stage, index) => {
      if (seen.has(stage.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'code'],
          message: `Mã bước "${stage.code}" trùng với bước ${(seen.get(stage.code) ?? 0) + 1}.`,
        });
      }
      seen.set(stage.code, index);
    });
    const first = workflow.stages[0];
    if (first?.actions.includes('return')) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 0, 'actions'],
        message: 'Bước đầu tiên không thể trả về bước trước.',
      });
    }
    const last = workflow.stages.length - 1;
    if (last >= 0 && workflow.stages[last].actions.includes('forward')) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', last, 'actions'],
        message: 'Bước cuối cùng không có bước tiếp theo để chuyển.',
      });
    }
    const uids = new Set<string>();
    workflow.contentTypes.forEach((binding, index) => {
      if (uids.has(binding.uid)) {
        ctx.addIssue({
          code: 'custom',
          path: ['contentTypes', index, 'uid'],
          message: 'Loại nội dung này đã có trong quy trình.',
        });
      }
      uids.add(binding.uid);
    });
  });
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

/** One problem of a definition: where (a path into it) and why, in Vietnamese. */
export interface DefinitionProblem {
  path: (string | number)[];
  message: string;
}

/** `PUT /workflow/definitions/:code` */
export const saveDefinitionBodySchema = z
  .object({ data: z.unknown() })
  .strict('Dữ liệu có trường không được hỗ trợ.');

/** A definition as the editor reads it: the current version, and every version's open tasks. */
export const definitionViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  stages: z.array(stageSchema),
  contentTypes: z.array(workflowBindingSchema),
  version: z.number().int(),
  savedAt: z.string().nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), savedAt: z.string().nullable(), openTasks: z.number().int() }),
  ),
});
export type DefinitionView = z.infer<typeof definitionViewSchema>;

const choice = z.object({ code: z.string(), name: z.string() });

/** What the editor offers: content types that may join a workflow, roles, departments, communes. */
export const definitionsMetaSchema = z.object({
  contentTypes: z.array(
    z.object({
      uid: z.string(),
      name: z.string(),
      /** Relation paths of the type that end at a department, and at a commune, each with its words. */
      departmentPaths: z.array(z.object({ path: z.string(), label: z.string() })),
      communePaths: z.array(z.object({ path: z.string(), label: z.string() })),
    }),
  ),
  roles: z.array(choice),
  departments: z.array(choice),
  communes: z.array(choice),
  /** The signed-in officer may save (the settings permission). */
  canEdit: z.boolean(),
});
export type DefinitionsMeta = z.infer<typeof definitionsMetaSchema>;

export const definitionsResponseSchema = z.object({
  data: z.array(definitionViewSchema),
  meta: definitionsMetaSchema,
});
export type DefinitionsResponse = z.infer<typeof definitionsResponseSchema>;

/** `POST /workflow/definitions/preview`: a candidate definition, checked, and the path a task would take. */
export const previewResponseSchema = z.object({
  data: z.object({
    problems: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
    path: z.array(
      z.object({
        stage: z.string(),
        roles: z.array(z.string()),
        deadlineDays: z.number(),
        /** Due date if every earlier stage took its whole time, from a submission now. */
        dueAt: z.string(),
        actions: z.array(z.string()),
      }),
    ),
  }),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const countdownSchema = z.object({
  overdue: z.boolean(),
  overdueWorkingDays: z.number(),
  workingDaysLeft: z.number().nullable(),
});
export type Countdown = z.infer<typeof countdownSchema>;

/** A task as the inbox lists it: names, never codes or ids, for what a person reads. */
export const taskViewSchema = z.object({
  id: z.number(),
  workflow: z.string(),
  workflowName: z.string(),
  workflowVersion: z.number(),
  targetUid: z.string(),
  targetDocumentId: z.string(),
  title: z.string().nullable(),
  typeName: z.string(),
  kind: z.enum(TASK_KIND_CODES),
  /** What this submission is, in words ("Khiếu nại", "Đề nghị chỉnh sửa"…). */
  kindName: z.string(),
  round: z.number(),
  state: z.enum(TASK_STATE_CODES),
  stage: z.string().nullable(),
  stageName: z.string().nullable(),
  stageIndex: z.number(),
  stageCount: z.number(),
  department: z.object({ id: z.number(), name: z.string(), code: z.string() }).nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  submitterName: z.string().nullable(),
  submitterEmail: z.string().nullable().optional(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  countdown: countdownSchema.nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const inboxResponseSchema = z.object({
  data: z.array(taskViewSchema),
  meta: z.object({
    pagination: z.object({
      page: z.number(),
      pageSize: z.number(),
      total: z.number(),
      pageCount: z.number(),
    }),
  }),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

export const templateViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  action: z.string(),
  workflow: z.string().nullable(),
  stage: z.string().nullable().optional(),
  subject: z.string(),
  body: z.string(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const historyEntrySchema = z.object({
  id: z.number(),
  round: z.number().nullable(),
  action: z.string(),
  /** The action in words. */
  actionName: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  /** Stage names of the version the task runs under. */
  fromStageName: z.string().nullable(),
  toStageName: z.string().nullable(),
  toState: z.string().nullable(),
  workflowVersion: z.number().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  actorName: z.string().nullable().optional(),
  internalComment: z.string().nullable().optional(),
  late: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const taskDetailSchema = z.object({
  task: taskViewSchema,
  allowedActions: z.array(z.enum(WORKFLOW_ACTION_CODES)),
  stages: z.array(z.object({ code: z.string(), name: z.string(), deadlineDays: z.number() })),
  templates: z.array(templateViewSchema),
  history: z.array(historyEntrySchema),
  /** The officer may submit the item for review (editorial content written in the admin). */
  canSubmit: z.boolean().optional(),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/**
 * `GET /workflow/items/:uid/:documentId`: the latest task, or nothing yet, with whether the officer
 * may submit it and, for a type officers lock from its edit view, what the lock panel calls it and
 * the attribute holding its state.
 */
export const itemResponseSchema = z.object({
  data: taskDetailSchema.nullable(),
  meta: z.object({
    bound: z.boolean(),
    canSubmit: z.boolean(),
    lock: z.object({ name: z.string(), statusField: z.string() }).nullable(),
  }),
});
export type ItemResponse = z.infer<typeof itemResponseSchema>;

/** `POST /workflow/tasks/:id/actions` */
export const actionBodySchema = z
  .object({
    action: z.enum(WORKFLOW_ACTION_CODES, { message: 'Thao tác không hợp lệ.' }),
    comment: z
      .string({ invalid_type_error: 'Nội dung trả lời phải là chuỗi ký tự.' })
      .max(5000, 'Nội dung trả lời quá dài (tối đa 5.000 ký tự).')
      .nullish(),
    internalComment: z
      .string({ invalid_type_error: 'Ghi chú nội bộ phải là chuỗi ký tự.' })
      .max(5000, 'Ghi chú nội bộ quá dài (tối đa 5.000 ký tự).')
      .nullish(),
    templateId: z.coerce.number().int().positive('Mẫu trả lời không hợp lệ.').nullish(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');
export type ActionBody = z.infer<typeof actionBodySchema>;

/** `POST /workflow/locks` and `POST /workflow/unlocks` */
export const lockBodySchema = z
  .object({
    uid: z.string({ required_error: 'Thiếu loại nội dung.' }).max(120, 'Loại nội dung không hợp lệ.'),
    documentId: z.string({ required_error: 'Thiếu mã nội dung.' }).min(1, 'Thiếu mã nội dung.').max(64),
    reason: z
      .string({ invalid_type_error: 'Lý do phải là chuỗi ký tự.' })
      .max(2000, 'Lý do quá dài (tối đa 2.000 ký tự).')
      .optional(),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');
export type LockBody = z.infer<typeof lockBodySchema>;

/** What the submitter (a site user) sees of their submission: no officer names, no internal notes. */
export const submissionViewSchema = z.object({
  state: z.enum(TASK_STATE_CODES),
  kind: z.enum(TASK_KIND_CODES),
  round: z.number(),
  stage: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z.array(
    z.object({
      action: z.string(),
      comment: z.string().nullable(),
      createdAt: z.string(),
      round: z.number().nullable().optional(),
    }),
  ),
});
export type SubmissionView = z.infer<typeof submissionViewSchema>;

/** `POST /api/workflow/submissions` */
export const submitBodySchema = z
  .object({
    type: z.string({ required_error: 'Thiếu loại hồ sơ.' }).max(60, 'Loại hồ sơ không hợp lệ.'),
    documentId: z.string({ required_error: 'Thiếu mã hồ sơ.' }).min(1, 'Thiếu mã hồ sơ.').max(64),
  })
  .strict('Dữ liệu có trường không được hỗ trợ.');
export type SubmitBody = z.infer<typeof submitBodySchema>;
