import fs from 'node:fs';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { administrativeUnits, categories, departments } from '@sgd/config';
import { CATALOG_UID } from '@sgd/plugin-catalog';
import { CORE_UID } from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';
import { trustedImport, workflowApi, workflowService } from '@sgd/plugin-workflow';
import { waitForIdleDatabase } from './idle';
import { uploadSeedImages } from './images';
import { outlineOf } from './outline';
import type {
  DirectoryListingSeed,
  LegalDocumentSeed,
  LicenceSeed,
  MarketSeed,
  NewsSeed,
  PostSeed,
  ProductionAreaSeed,
  ProductSeed,
  SellerSeed,
} from './types';
import { exchangePlaceholders, fillPlaceholders } from './placeholders';

const NEWS = 'api::news-article.news-article';
const LEGAL = 'api::legal-document.legal-document';

/** The repository's seed folder, found upwards from this file (source or compiled). */
function findSeedDir(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'database', 'seed');
    if (fs.existsSync(path.join(candidate, 'data'))) return candidate;
  }
  throw new Error(`Không tìm thấy thư mục database/seed phía trên ${from}`);
}

type Data = Record<string, unknown>;

export interface SeedReport {
  created: Record<string, number>;
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

/**
 * Loads the demo marketplace from `database/seed` (readable JSON, Markdown
 * and SVG). Idempotent: an item whose natural key (code, slug, number)
 * already exists is left as it is, so a second run creates nothing.
 */
export async function seedDemo(
  strapi: Core.Strapi,
  dir: string = findSeedDir(__dirname),
): Promise<SeedReport> {
  // The demo's approved items were approved before they reached the exchange: a trusted import.
  const report = await trustedImport(() => importDemo(strapi, dir));
  const opened = await openDemoTasks(strapi);
  if (opened > 0) report.created.openTasks = opened;
  return report;
}

const isPublic = (status: string) => status === 'approved' || status === 'verified';

/** Items the demo shows as waiting for review get their task in the department's inbox. */
async function openDemoTasks(strapi: Core.Strapi): Promise<number> {
  const engine = workflowApi(strapi);
  const targets = workflowService(strapi, 'targets');
  let opened = 0;
  for (const uid of targets.reviewableTypes()) {
    const field = targets.optionsOf(uid)?.status.field ?? 'reviewStatus';
    const rows = (await strapi.db.query(uid as UID.Schema).findMany({
      where: { [field]: 'pending', publishedAt: null },
      select: ['documentId'],
    })) as { documentId: string }[];
    for (const row of rows) {
      if (await engine.latestTask(uid, row.documentId)) continue;
      await engine.submit(uid, row.documentId, { userId: null, name: 'Dữ liệu mẫu' }, undefined, {
        notify: false,
      });
      opened += 1;
    }
  }
  return opened;
}

async function importDemo(strapi: Core.Strapi, dir: string): Promise<SeedReport> {
  const created: Record<string, number> = {};
  const count = (what: string) => {
    created[what] = (created[what] ?? 0) + 1;
  };

  const documentIdOf = async (uid: string, where: Data): Promise<string | null> => {
    const row = (await strapi.db.query(uid as UID.Schema).findOne({ where, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    return row?.documentId ?? null;
  };
  const required = async (uid: string, where: Data): Promise<string> => {
    const id = await documentIdOf(uid, where);
    if (!id) throw new Error(`Dữ liệu mẫu tham chiếu tới mục không tồn tại: ${uid} ${JSON.stringify(where)}`);
    return id;
  };
  const optional = async (uid: string, where: Data | null): Promise<string | null> =>
    where ? required(uid, where) : null;
  /** Creates a document unless one with this key exists; publishes when asked. */
  const ensure = async (uid: string, key: Data, data: Data, publish: boolean, what: string) => {
    if (await documentIdOf(uid, key)) return;
    await strapi.documents(uid as UID.ContentType).create({
      data: data as never,
      ...(publish ? { status: 'published' as const } : {}),
    });
    count(what);
  };

  const sellers = readJson<SellerSeed[]>(dir, 'data/sellers.json');
  const products = readJson<ProductSeed[]>(dir, 'data/products.json');
  const news = readJson<NewsSeed[]>(dir, 'data/news.json');
  const imageKeys = [
    ...sellers.flatMap((s) => (s.logo ? [s.logo] : [])),
    ...products.flatMap((p) => p.images),
    ...news.map((n) => n.cover),
  ];
  // Uploads write files: keep them out of the database transaction.
  const images = await uploadSeedImages(strapi, path.join(dir, 'images'), imageKeys);

  await strapi.db.transaction(async () => {
    for (const d of departments) {
      await ensure(CORE_UID.department, { code: d.code }, { ...d }, false, 'departments');
    }

    for (const unit of administrativeUnits) {
      const { parentCode: _parentCode, formerNames, ...fields } = unit;
      await ensure(
        CORE_UID.administrativeUnit,
        { code: unit.code },
        { ...fields, formerNames: formerNames.join('\n') || null },
        false,
        'administrativeUnits',
      );
    }
    for (const unit of administrativeUnits.filter((u) => u.parentCode)) {
      const documentId = await required(CORE_UID.administrativeUnit, { code: unit.code });
      const parent = await required(CORE_UID.administrativeUnit, { code: unit.parentCode });
      await strapi.documents(CORE_UID.administrativeUnit).update({ documentId, data: { parent } as never });
    }
    const commune = (code: string | null | undefined) =>
      optional(CORE_UID.administrativeUnit, code ? { code } : null);
    const department = (code: string | null | undefined) =>
      optional(CORE_UID.department, code ? { code } : null);

    const ordered = [...categories].sort(
      (a, b) => Number(a.parentSlug !== null) - Number(b.parentSlug !== null),
    );
    for (const c of ordered) {
      await ensure(
        CATALOG_UID.category,
        { slug: c.slug },
        {
          name: c.name,
          slug: c.slug,
          sortOrder: c.sortOrder,
          parent: await optional(CATALOG_UID.category, c.parentSlug ? { slug: c.parentSlug } : null),
          department: await department(c.departmentCode),
        },
        false,
        'categories',
      );
    }

    for (const s of sellers) {
      const { communeCode, departmentCode, logo, ...fields } = s;
      await ensure(
        SELLERS_UID.seller,
        { slug: s.slug },
        {
          ...fields,
          commune: await commune(communeCode),
          department: await department(departmentCode),
          logo: logo ? images.get(logo) : null,
        },
        isPublic(s.verificationStatus),
        'sellers',
      );
    }
    const seller = (slug: string) => required(SELLERS_UID.seller, { slug });
    const sellerDepartment = async (slug: string) => {
      const row = (await strapi.db.query(SELLERS_UID.seller).findOne({
        where: { slug, publishedAt: null },
        populate: { department: { select: ['documentId'] } },
      })) as { department?: { documentId: string } | null } | null;
      return row?.department?.documentId ?? null;
    };

    for (const a of readJson<ProductionAreaSeed[]>(dir, 'data/production-areas.json')) {
      const { sellerSlug, communeCode, ...fields } = a;
      await ensure(
        SELLERS_UID.productionArea,
        { slug: a.slug },
        {
          ...fields,
          seller: await seller(sellerSlug),
          commune: await commune(communeCode),
          department: await sellerDepartment(sellerSlug),
        },
        isPublic(a.reviewStatus),
        'productionAreas',
      );
    }

    for (const p of products) {
      const { categorySlug, sellerSlug, productionAreaSlug, images: keys, published, ...fields } = p;
      const category = await required(CATALOG_UID.category, { slug: categorySlug });
      const categoryRow = (await strapi.db.query(CATALOG_UID.category).findOne({
        where: { slug: categorySlug },
        populate: { department: { select: ['documentId'] } },
      })) as { department?: { documentId: string } | null } | null;
      await ensure(
        CATALOG_UID.product,
        { slug: p.slug },
        {
          ...fields,
          category,
          seller: await seller(sellerSlug),
          productionArea: await optional(
            SELLERS_UID.productionArea,
            productionAreaSlug ? { slug: productionAreaSlug } : null,
          ),
          images: keys.map((key) => images.get(key)),
          department: categoryRow?.department?.documentId ?? null,
        },
        published && isPublic(p.reviewStatus),
        'products',
      );
    }

    for (const l of readJson<LicenceSeed[]>(dir, 'data/licences.json')) {
      // Scans are private uploads made by sellers; the demo has none.
      const { sellerSlug, productSlugs, scanFile: _scanFile, ...fields } = l;
      const covered = await Promise.all(productSlugs.map((slug) => required(CATALOG_UID.product, { slug })));
      await ensure(
        SELLERS_UID.licence,
        { number: l.number },
        {
          ...fields,
          seller: await seller(sellerSlug),
          products: covered,
          department: await sellerDepartment(sellerSlug),
        },
        isPublic(l.verificationStatus),
        'licences',
      );
    }

    for (const m of readJson<MarketSeed[]>(dir, 'data/markets.json')) {
      const { communeCode, ...fields } = m;
      await ensure(
        CATALOG_UID.market,
        { slug: m.slug },
        { ...fields, commune: await commune(communeCode) },
        true,
        'markets',
      );
    }

    for (const post of readJson<PostSeed[]>(dir, 'data/supply-demand-posts.json')) {
      const { categorySlug, productSlug, ...fields } = post;
      const categoryRow = (await strapi.db.query(CATALOG_UID.category).findOne({
        where: { slug: categorySlug },
        populate: { department: { select: ['documentId'] } },
      })) as { documentId: string; department?: { documentId: string } | null } | null;
      await ensure(
        CATALOG_UID.supplyDemandPost,
        { slug: post.slug },
        {
          ...fields,
          category: categoryRow?.documentId ?? null,
          department: categoryRow?.department?.documentId ?? null,
          product: await optional(CATALOG_UID.product, productSlug ? { slug: productSlug } : null),
        },
        isPublic(post.reviewStatus),
        'supplyDemandPosts',
      );
    }

    for (const listing of readJson<DirectoryListingSeed[]>(dir, 'data/directory-listings.json')) {
      const { communeCode, departmentCode, ...fields } = listing;
      await ensure(
        CATALOG_UID.directoryListing,
        { slug: listing.slug },
        { ...fields, commune: await commune(communeCode), department: await department(departmentCode) },
        isPublic(listing.reviewStatus),
        'directoryListings',
      );
    }

    for (const n of news) {
      const { cover, departmentCode, ...fields } = n;
      await ensure(
        NEWS,
        { slug: n.slug },
        {
          ...fields,
          cover: images.get(cover) ?? null,
          department: await department(departmentCode),
          reviewStatus: 'approved',
        },
        true,
        'news',
      );
    }

    for (const doc of readJson<LegalDocumentSeed[]>(dir, 'legal/documents.json')) {
      const { bodyFile, ...fields } = doc;
      const body = bodyFile
        ? fillPlaceholders(fs.readFileSync(path.join(dir, 'legal', bodyFile), 'utf8'), exchangePlaceholders())
        : null;
      await ensure(
        LEGAL,
        { slug: doc.slug },
        // The exchange's documents are issued by its operator, the Sở Công Thương.
        {
          ...fields,
          body,
          outline: body ? outlineOf(body) : null,
          department: await department('SCT'),
          reviewStatus: 'approved',
        },
        true,
        'legalDocuments',
      );
    }
  });
  await waitForIdleDatabase(strapi);

  return { created };
}
