import { STAFF_LEVELS, WORKFLOWS } from '@sgd/config';
import { TASK_KIND_CODES, TASK_STATE_CODES, TEMPLATE_ACTIONS } from '@sgd/contracts';
import { enumeration, withLabels } from '@sgd/plugin-core';

/** Records the engine keeps for itself: hidden from the content manager. */
const internal = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
};
/** Records staff edit in the content manager. */
const editable = {
  'content-manager': { visible: true },
  'content-type-builder': { visible: false },
};

const info = (singularName: string, pluralName: string, displayName: string, description: string) => ({
  singularName,
  pluralName,
  displayName,
  description,
});

/**
 * One submission of one item (a document of a content type under review), from submit to a final
 * decision, under the workflow version it was submitted with. Department, assignee and submitter are
 * plain integer columns so that the inbox and the overdue counts are single-table SQL with indexes
 * (server/src/migrations).
 */
const task = {
  kind: 'collectionType',
  collectionName: 'wf_tasks',
  info: info('task', 'tasks', 'Hồ sơ kiểm duyệt', 'Một lượt nộp hồ sơ và các bước xử lý'),
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    workflow: { type: 'string', required: true, maxLength: 60 },
    workflowVersion: { type: 'integer', required: true, default: 1 },
    targetUid: { type: 'string', required: true, maxLength: 120 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    title: { type: 'string', maxLength: 255 },
    kind: { type: 'enumeration', enum: [...TASK_KIND_CODES], default: 'new', required: true },
    round: { type: 'integer', default: 1, required: true },
    state: {
      type: 'enumeration',
      enum: [...TASK_STATE_CODES],
      default: 'in_review',
      required: true,
    },
    stage: { type: 'string', maxLength: 60 },
    stageIndex: { type: 'integer', default: 0, required: true },
    departmentId: { type: 'integer' },
    assigneeId: { type: 'integer' },
    submitterUserId: { type: 'integer' },
    submitterAdminId: { type: 'integer' },
    submitterEmail: { type: 'string', maxLength: 255, private: true },
    submitterName: { type: 'string', maxLength: 255 },
    submittedAt: { type: 'datetime', required: true },
    stageStartedAt: { type: 'datetime', required: true },
    dueAt: { type: 'datetime' },
    overdue: { type: 'boolean', default: false },
    reminderSentAt: { type: 'datetime' },
    closedAt: { type: 'datetime' },
    lastAction: { type: 'string', maxLength: 40 },
    /** The draft's `updatedAt` when it was approved: publishing later is allowed only for that version. */
    approvedVersion: { type: 'string', maxLength: 40 },
  },
};

/** Append-only: lifecycles refuse update and delete (see history.ts). */
const historyEntry = {
  kind: 'collectionType',
  collectionName: 'wf_history',
  info: info('history-entry', 'history-entries', 'Lịch sử xử lý', 'Nhật ký không sửa được của mọi thao tác'),
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    taskId: { type: 'integer' },
    workflow: { type: 'string', maxLength: 60 },
    workflowVersion: { type: 'integer' },
    targetUid: { type: 'string', required: true, maxLength: 120 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    round: { type: 'integer' },
    action: { type: 'string', required: true, maxLength: 40 },
    fromState: { type: 'string', maxLength: 40 },
    toState: { type: 'string', maxLength: 40 },
    fromStage: { type: 'string', maxLength: 60 },
    toStage: { type: 'string', maxLength: 60 },
    actorAdminId: { type: 'integer' },
    actorUserId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 255 },
    departmentId: { type: 'integer' },
    comment: { type: 'text' },
    internalComment: { type: 'text', private: true },
    templateId: { type: 'integer' },
    dueAt: { type: 'datetime' },
    late: { type: 'boolean', default: false },
  },
};

/** Links an admin user to one or more departments with a level (admin::user cannot be extended). */
const staff = {
  kind: 'collectionType',
  collectionName: 'sgd_staff',
  info: info('staff', 'staffs', 'Cán bộ', 'Cán bộ kiểm duyệt: sở phụ trách và cấp xử lý'),
  options: { draftAndPublish: false },
  pluginOptions: editable,
  attributes: {
    fullName: { type: 'string', maxLength: 150 },
    user: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    departments: { type: 'relation', relation: 'manyToMany', target: 'plugin::core.department' },
    level: enumeration(STAFF_LEVELS, { default: 'specialist', required: true }),
  },
};

const replyTemplate = {
  kind: 'collectionType',
  collectionName: 'wf_reply_templates',
  info: info(
    'reply-template',
    'reply-templates',
    'Mẫu trả lời',
    'Mẫu thư trả lời theo quy trình và thao tác',
  ),
  options: { draftAndPublish: false },
  pluginOptions: editable,
  attributes: {
    name: { type: 'string', required: true, maxLength: 150 },
    workflow: withLabels({ type: 'string', maxLength: 60 }, WORKFLOWS),
    /** A stage's own template (edited with the workflow); empty for the workflow's or the generic ones. */
    stage: { type: 'string', maxLength: 60 },
    action: enumeration(TEMPLATE_ACTIONS, { required: true }),
    subject: { type: 'string', required: true, maxLength: 255 },
    body: { type: 'text', required: true },
  },
};

/**
 * One version of a workflow (version 1 from config/src/workflows.ts, then one per save in the
 * editor). Rows are never changed: tasks keep the version they were submitted under.
 */
const workflowDefinition = {
  kind: 'collectionType',
  collectionName: 'wf_definitions',
  info: info('workflow-definition', 'workflow-definitions', 'Quy trình duyệt', 'Định nghĩa quy trình'),
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    code: { type: 'string', required: true, maxLength: 60 },
    version: { type: 'integer', required: true, default: 1 },
    definition: { type: 'json', required: true },
    /** The admin user who saved it (`null`: shipped or attached at start). */
    savedBy: { type: 'integer' },
  },
};

export default {
  task: { schema: task },
  'history-entry': { schema: historyEntry },
  staff: { schema: staff },
  'reply-template': { schema: replyTemplate },
  'workflow-definition': { schema: workflowDefinition },
};
