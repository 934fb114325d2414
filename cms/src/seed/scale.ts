import crypto from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CATALOG_UID, catalogService, type RebuildProgress } from '@sgd/plugin-catalog';
import { slugify } from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';

/** Kinds of goods of the province (the first words of a generated name). */
export const KINDS = [
  'Xoài cát Hòa Lộc',
  'Xoài cát chu',
  'Sầu riêng Ri6',
  'Sầu riêng Monthong',
  'Thanh long ruột đỏ',
  'Vú sữa Lò Rèn',
  'Khóm Tân Lập',
  'Trà sen',
  'Hạt sen sấy',
  'Quýt hồng',
  'Nem chua',
  'Hủ tiếu',
  'Bánh phồng tôm',
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
  'Bánh tráng phơi sương',
  'Lạp xưởng tươi',
  'Chả lụa',
  'Ếch đồng',
  'Lươn đồng',
  'Nhãn xuồng cơm vàng',
  'Mận hồng đào',
  'Ổi ruột đỏ',
  'Chuối sấy dẻo',
  'Mít sấy giòn',
  'Tiêu đen',
  'Ớt bột',
  'Đậu phộng rang',
  'Bột sen',
  'Tinh dầu sả chanh',
  'Nấm rơm',
  'Dưa lưới',
  'Cam sành',
  'Chanh không hạt',
  'Bưởi năm roi',
  'Vịt xiêm',
  'Gà thả vườn',
  'Trứng vịt muối',
  'Bánh bò thốt nốt',
  'Bánh tét lá cẩm',
  'Xà bông thảo mộc',
  'Chiếu cói',
  'Giỏ lục bình',
  'Mứt gừng',
  'Rượu nếp than',
  'Sữa hạt sen',
  'Đường thốt nốt',
  'Khoai lang mật',
  'Cá linh non',
] as const;
const QUALIFIERS = [
  'loại 1',
  'loại 2',
  'đặc biệt',
  'quà biếu',
  'hữu cơ',
  'đóng hộp',
  'hút chân không',
  'xuất khẩu',
  'hộp 500 g',
  'túi 1 kg',
  'thùng 10 kg',
  'chai 500 ml',
  'tươi',
  'nguyên chất',
  'truyền thống',
  'cao cấp',
  'gia đình',
  'mini',
  'làm sẵn',
  'tự nhiên',
];
const ORIGINS = [
  'Lai Vung',
  'Sa Đéc',
  'Cao Lãnh',
  'Tháp Mười',
  'Hồng Ngự',
  'Tân Hồng',
  'Lấp Vò',
  'Châu Thành',
  'Cái Bè',
  'Cai Lậy',
  'Mỹ Tho',
  'Gò Công',
  'Tân Phước',
  'Chợ Gạo',
  'Thanh Bình',
  'Tam Nông',
  'Tân Phú Đông',
  'Vĩnh Kim',
  'Long Hưng',
  'Mỹ An',
  'Tân Thạnh',
  'An Long',
  'Phú Hựu',
  'Hòa Khánh',
];
const DESCRIPTIONS = [
  'trồng theo tiêu chuẩn VietGAP, thu hoạch đúng độ chín',
  'đóng gói tại cơ sở, giao hàng trong ngày',
  'làm theo công thức gia truyền, không chất bảo quản',
  'nguyên liệu tuyển chọn từ vùng trồng có mã số',
  'sản phẩm OCOP của hợp tác xã địa phương',
  'bảo quản mát, dùng ngon trong một tuần',
  'phù hợp làm quà biếu dịp lễ Tết',
  'hàng mới mỗi ngày từ nhà vườn',
];
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

/** The name of the i-th generated product: kind, qualifier and place spread so that words recur as in a real catalogue. */
export function generatedName(i: number): string {
  return `${KINDS[i % KINDS.length]} ${QUALIFIERS[Math.floor(i / KINDS.length) % QUALIFIERS.length]} ${ORIGINS[Math.floor(i / 7) % ORIGINS.length]}`;
}

export interface ScaleProgress {
  stage: 'products' | RebuildProgress['stage'] | 'statistics';
  done: number;
  total: number;
}

/**
 * Adds `total` approved products (each a draft and a published row, as Strapi 5 stores them) spread
 * over the verified sellers and leaf categories, about a fifth linked to their seller's OCOP
 * certificate, by batched inserts (the Document Service would take hours for 1,000,000); then builds
 * the read model again (raw inserts pass by the write subscriptions) and refreshes the planner's
 * statistics, so the data is ready to be read as soon as it returns.
 */
export async function seedScale(
  strapi: Core.Strapi,
  total: number,
  progress: (p: ScaleProgress) => void = () => undefined,
  /** The name of the n-th product (`generatedName` unless said). */
  nameOf: (n: number) => string = generatedName,
): Promise<number> {
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
  // Continues the numbering of an earlier run, so that slugs stay unique.
  const first = Number(
    (
      (await knex(productTable).whereNotNull('published_at').count({ n: '*' }).first()) as {
        n: number | string;
      }
    ).n,
  );

  await knex.transaction(async (trx) => {
    for (let offset = 0; offset < total; offset += BATCH) {
      const products: Record<string, unknown>[] = [];
      const sellerLinks: Record<string, unknown>[] = [];
      const categoryLinks: Record<string, unknown>[] = [];
      const licenceLinks: Record<string, unknown>[] = [];
      for (let i = offset; i < Math.min(total, offset + BATCH); i += 1) {
        const n = first + i;
        const name = nameOf(n);
        const seller = sellerPairs[n % sellerPairs.length];
        const category = leaves[n % leaves.length].id;
        const documentId = newDocumentId();
        const draftId = start + i * 2;
        const publishedId = draftId + 1;
        const row = {
          document_id: documentId,
          name,
          slug: `${slugify(name)}-${n + 1}`,
          description: `${name}: ${DESCRIPTIONS[n % DESCRIPTIONS.length]} (sinh tự động để đo hiệu năng).`,
          unit: 'kg',
          price: 20000 + ((n * 7919) % 480) * 1000,
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
        if (licence && n % 5 === 0) {
          licenceLinks.push({ product_id: publishedId, licence_id: licence, licence_ord: 1, product_ord: 1 });
        }
      }
      await trx.batchInsert(productTable, products, BATCH);
      await trx.batchInsert(link(CATALOG_UID.product, 'seller'), sellerLinks, BATCH);
      await trx.batchInsert(link(CATALOG_UID.product, 'category'), categoryLinks, BATCH);
      if (licenceLinks.length)
        await trx.batchInsert(link(CATALOG_UID.product, 'licences'), licenceLinks, BATCH);
      progress({ stage: 'products', done: Math.min(total, offset + BATCH), total });
    }
    if (postgres) {
      await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [
        productTable,
        productTable,
      ]);
    }
  });
  // Statistics of the new rows first: without them the planner reads the link tables whole for
  // every batch the read model builds.
  await knex.raw('ANALYZE');
  // Raw inserts pass by the write subscriptions: the read model is built again from the tables.
  await catalogService(strapi, 'read-model').rebuild(progress);
  // Products in name order on disk, fresh statistics and visibility maps (or the planner ignores
  // the indexes and counts visit the table).
  progress({ stage: 'statistics', done: 0, total: 1 });
  await catalogService(strapi, 'read-model').organize();
  await knex.raw(postgres ? 'VACUUM ANALYZE' : 'ANALYZE');
  progress({ stage: 'statistics', done: 1, total: 1 });
  return total;
}
