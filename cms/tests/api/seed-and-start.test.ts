import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { STAFF_LEVELS, WORKFLOWS, licenceTypes } from '@sgd/config';
import { ensureSuperAdmin } from '../../src/admin-account';
import { ensureDemoStaff } from '../../src/demo-staff';
import { seedDemo } from '../../src/seed';
import { generatedName, seedScale } from '../../src/seed/scale';
import { slugify } from '@sgd/plugin-core';
import { CMS_DIR } from '../setup/environment';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U } from '../factories';

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
const count = (uid: string, where: Record<string, unknown> = {}) =>
  app.strapi.db.query(uid as never).count({ where });

beforeAll(async () => {
  app = await bootStrapi('seed');
});
afterAll(async () => {
  await app.stop();
});

describe('demo data', () => {
  it('holds a realistic marketplace', async () => {
    expect(await count(U.department)).toBeGreaterThanOrEqual(8);
    expect(await count(U.category)).toBeGreaterThanOrEqual(25);
    expect(await count(U.unit, { level: 'commune' })).toBeGreaterThanOrEqual(90);
    expect(await count(U.seller, { publishedAt: { $notNull: true } })).toBeGreaterThanOrEqual(45);
    expect(await count(U.product, { publishedAt: { $notNull: true } })).toBeGreaterThanOrEqual(250);
    expect(await count(U.market, { publishedAt: { $notNull: true } })).toBeGreaterThanOrEqual(15);
    expect(await count(U.area, { latitude: { $notNull: true } })).toBeGreaterThanOrEqual(20);
    expect(await count(U.post, { publishedAt: { $notNull: true } })).toBeGreaterThanOrEqual(20);
    expect(await count(U.news, { publishedAt: { $notNull: true } })).toBeGreaterThanOrEqual(10);
    const perType = await Promise.all(
      licenceTypes.map(async (type) => [type.code, await count(U.licence, { type: type.code })] as const),
    );
    expect(perType.filter(([, n]) => n === 0)).toEqual([]);
    expect(await count(U.licence, { expiresOn: { $lt: '2026-11-01' } })).toBeGreaterThan(0);
  });

  it('publishes the operating regulation with chapters, articles and anchors', async () => {
    const res = await api()
      .get('/api/legal-documents')
      .query({ 'filters[kind][$eq]': 'operating_regulation', sort: 'effectiveFrom:desc' });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(2);
    const current = res.body.data[0];
    expect(current.body).toContain('## Điều 7.');
    expect(current.outline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 1, anchor: 'chuong-i' }),
        expect.objectContaining({ level: 2, anchor: 'dieu-7', title: expect.stringMatching(/^Điều 7\. /) }),
        expect.objectContaining({ level: 2, anchor: 'dieu-16' }),
      ]),
    );
    const privacy = await api().get('/api/legal-documents').query({ 'filters[kind][$eq]': 'privacy_policy' });
    expect(privacy.body.data).toHaveLength(1);
  });

  it('gives products real images, resized by sharp into responsive formats', async () => {
    const res = await api().get('/api/products').query({ 'pagination[pageSize]': 10 });
    const image = res.body.data.find((p: { images: unknown[] }) => p.images?.length)?.images[0];
    expect(image).toEqual(
      expect.objectContaining({
        url: expect.stringMatching(/^\/uploads\/.+\.jpg$/),
        width: 800,
        height: 600,
      }),
    );
    expect(image.formats.thumbnail).toEqual(expect.objectContaining({ url: expect.any(String) }));
    expect(image.formats.small).toEqual(expect.objectContaining({ width: 500 }));
  });

  it('is idempotent: a second load creates nothing', async () => {
    const before = await count(U.product);
    const report = await seedDemo(app.strapi);
    expect(report.created).toEqual({});
    expect(await count(U.product)).toBe(before);
  });
});

describe('benchmark dataset', () => {
  it('adds consistent, searchable, public products in bulk, read model built', async () => {
    const before = await api().get('/api/products').query({ 'pagination[pageSize]': 1 });
    const first = await count(U.product, { publishedAt: { $notNull: true } });
    const stages = new Set<string>();
    await seedScale(app.strapi, 500, ({ stage }) => stages.add(stage));
    expect([...stages]).toEqual(['products', 'categories', 'sellers', 'words', 'statistics']);
    const after = await api().get('/api/products').query({ 'pagination[pageSize]': 1 });
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total + 500);
    const generated = await api().get('/api/search').query({ q: 'sinh tu dong de do hieu nang' });
    expect(generated.body.meta.pagination.total).toBe(500);
    const name = generatedName(first);
    const slug = `${slugify(name)}-${first + 1}`;
    const one = await api().get(`/api/products/${slug}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(
      expect.objectContaining({
        name,
        seller: expect.objectContaining({ slug: expect.any(String) }),
        category: expect.objectContaining({ slug: expect.any(String) }),
      }),
    );
    expect(await count(U.product, { publishedAt: { $null: true }, slug })).toBe(1);
  });
});

describe('first start', () => {
  it('creates the super admin from ADMIN_EMAIL/ADMIN_PASSWORD once', async () => {
    const env = { ADMIN_EMAIL: 'Giam.Doc@SoCongThuong.vn', ADMIN_PASSWORD: 'Mat-khau-rat-manh-2026' };
    expect(await ensureSuperAdmin(app.strapi, env)).toBe(env.ADMIN_EMAIL);
    expect(await ensureSuperAdmin(app.strapi, env)).toBeNull();
    const login = await api()
      .post('/admin/login')
      .send({ email: 'giam.doc@socongthuong.vn', password: env.ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const admin = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'giam.doc@socongthuong.vn' }, populate: ['roles'] });
    expect(admin.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-super-admin']);
  });

  it('refuses to start in production with missing or sample secrets', () => {
    const bin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
    const result = spawnSync(process.execPath, [bin, 'start'], {
      cwd: CMS_DIR,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_KEYS: 'toBeModified1,toBeModified2',
        API_TOKEN_SALT: 'tobemodified',
        ADMIN_JWT_SECRET: '',
        TRANSFER_TOKEN_SALT: 'c2VjcmV0LXZhbHVlLWxvbmctZW5vdWdo',
        JWT_SECRET: 'c2VjcmV0LXZhbHVlLWxvbmctZW5vdWdo',
        ENCRYPTION_KEY: 'c2VjcmV0LXZhbHVlLWxvbmctZW5vdWdo',
        SITE_WEBHOOK_SECRET: 'c2VjcmV0LXZhbHVlLWxvbmctZW5vdWdo',
      },
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(
      'Không khởi động ở chế độ production: thiếu hoặc đang dùng giá trị mẫu cho APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET.',
    );
  });
});

// Last: creating admin users here would keep the first-start super admin above from being created.
describe('demo officers', () => {
  it('gives every department that owns demo items the officers each stage of its workflows needs', async () => {
    await ensureDemoStaff(app.strapi, 'Mat-khau-can-bo-demo-2026');
    const staff = (await app.strapi.db
      .query('plugin::workflow.staff')
      .findMany({ populate: { departments: { select: ['id'] } } })) as {
      level: string;
      departments: { id: number }[];
    }[];
    const rolesIn = new Map<number, Set<string>>();
    for (const officer of staff) {
      const role = STAFF_LEVELS.find((level) => level.code === officer.level)?.role as string;
      for (const { id } of officer.departments) rolesIn.set(id, new Set([...(rolesIn.get(id) ?? []), role]));
    }
    const missing = new Set<string>();
    for (const workflow of WORKFLOWS) {
      for (const uid of workflow.contentTypes) {
        const items = (await app.strapi.db
          .query(uid as never)
          .findMany({ populate: { department: { select: ['id', 'code'] } } })) as {
          department?: { id: number; code: string } | null;
        }[];
        for (const department of items.map((item) => item.department)) {
          if (!department) continue;
          for (const stage of workflow.stages) {
            if (!stage.roles.some((role) => rolesIn.get(department.id)?.has(role))) {
              missing.add(`${department.code}: ${workflow.code} / ${stage.code}`);
            }
          }
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
