import type { Core } from '@strapi/strapi';
import {
  extendPublicPopulate,
  registerAdminViews,
  registerDocumentRules,
  registerFieldLabels,
  registerMigrations,
} from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';
import { PLUGIN_ID, UID } from './constants';
import { migrations } from './migrations';
import { rules } from './rules';
import { views } from './views';
import { catalogService } from './services';

type Attributes = Record<string, Record<string, unknown>>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi, rules);
  registerAdminViews(strapi, views);
  registerMigrations(strapi, PLUGIN_ID, migrations);
  coverProductsByLicences(strapi);
  // Every Document Service write and the read model's follow-up run in one transaction.
  const model = catalogService(strapi, 'read-model');
  strapi.documents.use((ctx, next) => model.document(ctx.action, async () => next()));
};

/**
 * A licence covers products: the catalog owns that link (`licences` of a product) and adds its other
 * side to the sellers' licence here, with its label and its place in the public licence answer, so
 * that the sellers plugin, below the catalog, names no product.
 */
function coverProductsByLicences(strapi: Core.Strapi): void {
  strapi.get('content-types').extend(SELLERS_UID.licence, (licence: { attributes: Attributes }) => {
    licence.attributes.products = {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.product,
      mappedBy: 'licences',
    };
  });
  registerFieldLabels(strapi, SELLERS_UID.licence, { products: 'Sản phẩm áp dụng' });
  extendPublicPopulate(SELLERS_UID.licence, {
    products: { fields: ['name', 'slug'], filters: { reviewStatus: 'approved' } },
  });
}
