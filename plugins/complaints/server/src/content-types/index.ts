import {
  COMPLAINT_ACTION_CODES,
  COMPLAINT_PARTY_CODES,
  COMPLAINT_REMEDIES,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_CODES,
  REPORT_REASONS,
  REPORT_TARGET_TYPES,
} from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

const internal = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
};

/**
 * A buyer's complaint about an order (QC Điều 11, 13): to the seller first, then to the board through
 * the `complaint_handling` workflow, which publishes what it closes (published = handled; there is no
 * public route). `complaintStatus` is the complaint's own machine (`COMPLAINT_TRANSITIONS`);
 * `reviewStatus` (added by the workflow engine) is the board's workflow status.
 */
const complaint = {
  kind: 'collectionType',
  collectionName: 'cmp_complaints',
  info: {
    singularName: 'complaint',
    pluralName: 'complaints',
    displayName: 'Khiếu nại',
    description: 'Khiếu nại của người mua về một đơn hàng (QC Điều 11, 13)',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // The board's review (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'complaint_handling',
      title: 'title',
      owner: 'buyer',
      contact: { email: ['buyer.email'], name: ['buyer.fullName', 'buyer.username'] },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Khiếu nại',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    order: { type: 'relation', relation: 'manyToOne', target: 'plugin::orders.order' },
    orderCode: { type: 'string', required: true, maxLength: 20 },
    buyer: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
    seller: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.seller' },
    sellerName: { type: 'string', required: true, maxLength: 255 },
    subject: { type: 'string', required: true, maxLength: 200 },
    description: { type: 'text', required: true, maxLength: 5000 },
    remedy: enumeration(COMPLAINT_REMEDIES, { required: true }),
    complaintStatus: enumeration(COMPLAINT_STATUSES, { default: 'opened', required: true }),
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    openedAt: { type: 'datetime', required: true },
    sellerDueAt: { type: 'datetime', required: true },
    statusChangedAt: { type: 'datetime', required: true },
  },
};

/** Append-only history of a complaint: who (buyer, seller, staff, system), from, to, message, when. */
const complaintEvent = {
  kind: 'collectionType',
  collectionName: 'cmp_complaint_history',
  info: {
    singularName: 'complaint-event',
    pluralName: 'complaint-events',
    displayName: 'Lịch sử khiếu nại',
    description: 'Mỗi bước của khiếu nại: ai, khi nào, nội dung',
  },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    complaintDocumentId: { type: 'string', required: true, maxLength: 64 },
    action: { type: 'enumeration', enum: ['open', ...COMPLAINT_ACTION_CODES], required: true },
    fromStatus: { type: 'enumeration', enum: [...COMPLAINT_STATUS_CODES] },
    toStatus: { type: 'enumeration', enum: [...COMPLAINT_STATUS_CODES], required: true },
    actorRole: { type: 'enumeration', enum: [...COMPLAINT_PARTY_CODES], required: true },
    actorUserId: { type: 'integer' },
    actorAdminId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 150 },
    message: { type: 'text', maxLength: 5000 },
    recipient: { type: 'string', maxLength: 254 },
  },
};

/**
 * A report that something on the exchange breaks the rules (QC Điều 26.2), from anyone: reviewed by
 * the target's department in the `violation_report` workflow, which publishes what it closes.
 */
const violationReport = {
  kind: 'collectionType',
  collectionName: 'cmp_violation_reports',
  info: {
    singularName: 'violation-report',
    pluralName: 'violation-reports',
    displayName: 'Phản ánh vi phạm',
    description: 'Phản ánh sản phẩm, người bán, tin đăng vi phạm quy chế (QC Điều 26.2)',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Checked in the `violation_report` workflow (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'violation_report',
      title: 'title',
      owner: 'reporter',
      contact: { email: ['reporterEmail', 'reporter.email'], name: ['reporterName', 'reporter.username'] },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Phản ánh vi phạm',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    targetType: enumeration(REPORT_TARGET_TYPES, { required: true }),
    targetUid: { type: 'string', required: true, maxLength: 120 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    targetTitle: { type: 'string', maxLength: 255 },
    reason: enumeration(REPORT_REASONS, { required: true }),
    details: { type: 'text', required: true, maxLength: 3000 },
    reporter: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
    reporterName: { type: 'string', maxLength: 150, private: true },
    reporterEmail: { type: 'string', maxLength: 254, private: true },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
  },
};

export default {
  complaint: { schema: complaint },
  'complaint-event': { schema: complaintEvent },
  'violation-report': { schema: violationReport },
};
