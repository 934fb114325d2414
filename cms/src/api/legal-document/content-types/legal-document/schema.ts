import { LEGAL_DOCUMENT_KINDS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'legal_documents',
  info: {
    singularName: 'legal-document',
    pluralName: 'legal-documents',
    displayName: 'Văn bản pháp lý',
    description:
      'Quy chế hoạt động, chính sách bảo vệ dữ liệu cá nhân, văn bản pháp luật; có phiên bản và ngày hiệu lực',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    // Editorial review (plugins/workflow): an officer drafts, the heads approve; published only then.
    workflow: {
      workflow: 'editorial_review',
      title: 'title',
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Văn bản mới',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 300 },
    slug: { type: 'uid', targetField: 'title' },
    kind: enumeration(LEGAL_DOCUMENT_KINDS, { required: true }),
    series: { type: 'string', required: true, maxLength: 100 },
    version: { type: 'string', required: true, maxLength: 20 },
    number: { type: 'string', maxLength: 100 },
    issuer: { type: 'string', maxLength: 255 },
    issuedOn: { type: 'date' },
    effectiveFrom: { type: 'date', required: true },
    summary: { type: 'text' },
    body: { type: 'richtext' },
    outline: { type: 'json' },
    attachment: { type: 'media', multiple: false, allowedTypes: ['files'] },
    // The department that issues it on the exchange: its officers write it, its heads approve it.
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
  },
};
