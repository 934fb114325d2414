import { createPublicController } from '@sgd/plugin-core';

export default createPublicController({
  uid: 'api::legal-document.legal-document',
  visible: {},
  lookup: 'slug',
  defaultSort: ['series:asc', 'effectiveFrom:desc'],
  populate: { attachment: { fields: ['url', 'name', 'mime', 'size'] } },
});
