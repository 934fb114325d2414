import crypto from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CATALOG_UID } from '@sgd/plugin-catalog';
import { publicCounts, slugify } from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';

const BASE_NAMES = [
  'Xoài cát Hòa Lộc',
  'Sầu riêng Ri6',
  'Thanh long ruột đỏ',
  'Vú sữa Lò Rèn',
  'Khóm Tân Lập',
  'Trà sen Tháp Mười',
  'Hạt sen sấy',
  'Quýt hồng Lai Vung',
  'Nem Lai Vung',
  'Hủ tiếu Mỹ Tho',
  'Bánh phồng tôm Sa Giao',
  'Bánh pía sầu riêng',
  'Mật ong hoa nhãn',
  'Gạo thơm ST25',
  'Cá tra phi lê',
  'Tôm càng xanh',
  'Bưởi da xanh',
  'Dừa xiêm',
  'Chôm chôm Java',
  'Mắm cá linh',
  'Khô cá lóc',
  'Kẹo dừa',
  'Nước cốt dừa',
  'Cà phê rang xay',
];
const VARIANTS = ['loại 1', 'loại 2', 'hộp 500g', 'túi 1kg', 'đặc biệt', 'quà biếu', 'sấy khô', 'tươi'];
const BATCH = 400;

interface Row {
  id: number;
  document_id: string;
  published_at: unknown;
}

const newDocumentId = () =>
  crypto
    .randomBytes(18)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'a')
    .slice(0, 24);

/**
 * Adds `total` approved products (each a draft and a published row, as
 * Strapi 5 stores them) spread over the verified sellers and leaf
 * categories, about a fifth linked to their seller's OCOP certificate, by
 * batched inserts: the Document Service would take hours for 100,000.
 */
export async function seedScale(strapi: Core.Strapi, total: number): Promise<number> {
  const knex = strapi.db.connection as unknown as Knex;
  const postgres = strapi.db.dialect.client === 'postgres';
  const now = postgres ? new Date() : Date.now();
  const meta = (uid: string) => strapi.db.metadata.get(uid as UID.Schema);
  const joinTable = (uid: string, attribute: string) =>
    (
      meta(uid).attributes[attribute] as unknown as {
        joinTable: { name: string; inverseJoinColumn: { name: string } };
      }
    ).joinTable;
  const link = (uid: string, attribute: string) => joinTable(uid, attribute).name;

  const sellers = (await knex(meta(SELLERS_UID.seller).tableName)
    .select('id', 'document_id', 'published_at')
    .where('verification_status', 'verified')) as Row[];
  const pairs = new Map<string, { draft?: number; published?: number }>();
  for (const row of sellers) {
    const pair = pairs.get(row.document_id) ?? {};
    if (row.published_at) pair.published = row.id;
    else pair.draft = row.id;
    pairs.set(row.document_id, pair);
  }
  const sellerPairs = [...pairs.values()].filter((p) => p.draft && p.published) as Array<{
    draft: number;
    published: number;
  }>;
  const categoryTable = meta(CATALOG_UID.category).tableName;
  const parents = joinTable(CATALOG_UID.category, 'parent');
  const leaves = (await knex(categoryTable)
    .select('id')
    .whereNotIn('id', knex(parents.name).select(parents.inverseJoinColumn.name))) as Array<{ id: number }>;
  if (sellerPairs.length === 0 || leaves.length === 0) {
    throw new Error('Cần nạp dữ liệu mẫu (người bán đã xác thực, danh mục) trước khi sinh dữ liệu lớn.');
  }
  const ocop = (await knex(`${meta(SELLERS_UID.licence).tableName} as l`)
    .join(`${link(SELLERS_UID.licence, 'seller')} as ls`, 'ls.licence_id', 'l.id')
    .select('l.id', 'l.published_at', 'ls.seller_id')
    .where('l.type', 'ocop')) as Array<{ id: number; published_at: unknown; seller_id: number }>;
  const ocopBySeller = new Map(ocop.map((row) => [row.seller_id, row.id]));

  const productTable = meta(CATALOG_UID.product).tableName;
  const start =
    Number(((await knex(productTable).max({ max: 'id' }).first()) as { max: number | null }).max ?? 0) + 1;

  await knex.transaction(async (trx) => {
    for (let offset = 0; offset < total; offset += BATCH) {
      const products: Record<string, unknown>[] = [];
      const sellerLinks: Record<string, unknown>[] = [];
      const categoryLinks: Record<string, unknown>[] = [];
      const licenceLinks: Record<string, unknown>[] = [];
      for (let i = offset; i < Math.min(total, offset + BATCH); i += 1) {
        const name = `${BASE_NAMES[i % BASE_NAMES.length]} ${VARIANTS[Math.floor(i / BASE_NAMES.length) % VARIANTS.length]} ${i + 1}`;
        const seller = sellerPairs[i % sellerPairs.length];
        const category = leaves[i % leaves.length].id;
        const documentId = newDocumentId();
        const draftId = start + i * 2;
        const publishedId = draftId + 1;
        const row = {
          document_id: documentId,
          name,
          slug: `${slugify(name)}-${i + 1}`,
          description: `${name}: sản phẩm của địa phương, sinh tự động để đo hiệu năng.`,
          unit: 'kg',
          price: 20000 + ((i * 7919) % 480) * 1000,
          review_status: 'approved',
          payment_methods: JSON.stringify(['cash_on_delivery', 'bank_transfer']),
          delivery_methods: JSON.stringify(['carrier']),
          created_at: now,
          updated_at: now,
        };
        products.push(
          { ...row, id: draftId, published_at: null },
          { ...row, id: publishedId, published_at: now },
        );
        sellerLinks.push(
          { product_id: draftId, seller_id: seller.draft },
          { product_id: publishedId, seller_id: seller.published },
        );
        categoryLinks.push(
          { product_id: draftId, category_id: category },
          { product_id: publishedId, category_id: category },
        );
        const licence = ocopBySeller.get(seller.published);
        if (licence && i % 5 === 0) {
          licenceLinks.push({ product_id: publishedId, licence_id: licence, licence_ord: 1, product_ord: 1 });
        }
      }
      await trx.batchInsert(productTable, products, BATCH);
      await trx.batchInsert(link(CATALOG_UID.product, 'seller'), sellerLinks, BATCH);
      await trx.batchInsert(link(CATALOG_UID.product, 'category'), categoryLinks, BATCH);
      if (licenceLinks.length)
        await trx.batchInsert(link(CATALOG_UID.product, 'licences'), licenceLinks, BATCH);
    }
    if (postgres) {
      await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [
        productTable,
        productTable,
      ]);
    }
  });
  // Fresh statistics, or the planner ignores the trigram indexes after a bulk load.
  if (postgres) await knex.raw('ANALYZE');
  // Raw inserts pass by Strapi's lifecycles: totals kept by this process would miss them for 30 s.
  publicCounts.clear();
  return total;
}
