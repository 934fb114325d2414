import type { DocumentRule } from '@sgd/plugin-core';

export const editorialRules: DocumentRule[] = [
  { uid: 'api::news-article.news-article', slugFrom: 'title' },
  {
    uid: 'api::legal-document.legal-document',
    slugFrom: 'title',
    across: (data) =>
      data.issuedOn && data.effectiveFrom && String(data.effectiveFrom) < String(data.issuedOn)
        ? [{ path: 'effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành.' }]
        : [],
  },
];
