import type { Core } from '@strapi/strapi';
import { grantStaffOnce } from '@sgd/plugin-workflow';
import { sqlHelpers } from './services/sql';
import { UID } from './constants';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await createIndexes(strapi);
  // The category tree is public reference data: officers read it, so a product shows its category's
  // name rather than an id.
  await grantStaffOnce(strapi, [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: UID.category,
      properties: { fields: Object.keys(strapi.contentType(UID.category as never).attributes) },
      conditions: [],
    },
  ]);
};

/**
 * Indexes of the public product list (plain SQL valid on SQLite and PostgreSQL), on published rows
 * only: its default order (name, then id) so that a page is read in order and stops after 24 rows,
 * and its total (review status with the id) so that counting reads the index alone.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const { table, column } = sqlHelpers(strapi);
  const products = table(UID.product);
  const published = `WHERE ${column(UID.product, 'publishedAt')} IS NOT NULL`;
  const statements = [
    `CREATE INDEX IF NOT EXISTS cat_products_public_name ON ${products} (${column(UID.product, 'name')}, id) ${published}`,
    `CREATE INDEX IF NOT EXISTS cat_products_public_status ON ${products} (${column(UID.product, 'reviewStatus')}, id) ${published}`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
