import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from '@sgd/plugin-core';
import { rules } from './rules';
import type { ReadModel } from './services/read-model';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  // Every Document Service write and the read model's follow-up run in one transaction.
  const model = strapi.plugin('catalog').service('read-model') as ReadModel;
  strapi.documents.use((ctx, next) => model.document(ctx.action, async () => next()));
};
