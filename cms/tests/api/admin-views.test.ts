import request from 'supertest';
import { AUDIT_ACTIONS, LEGAL_FORMS, MODERATION_STATES } from '@sgd/config';
import { makeProduct, makeSeller } from '../factories';
import { ensureVietnameseContent } from '../../src/content-language';
import { removeUnusedDefaultTokens } from '../../src/default-tokens';
import { nameStrapiRoles } from '../../src/role-names';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { departmentId, makeOfficer, type Officer } from '../staff';

/**
 * The admin reads in Vietnamese, configured in code at bootstrap: every field of every content type
 * the content manager shows has a label, enumerations name their codes, relations name their target;
 * staff work in Vietnamese unless they chose otherwise; the audit log is read-only and exports CSV.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const staff = {} as Record<'specialist' | 'superAdmin', Officer>;
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });

const AUDIT = 'plugin::core.audit-entry';
const READ_ONLY = 'Nhật ký thao tác chỉ để đọc: không ai tạo, sửa hay xóa được mục nào.';

interface Metadata {
  edit: { label?: string; description?: string; mainField?: string; visible?: boolean };
  list: { label?: string; mainField?: string };
}
interface Configuration {
  settings: { mainField: string };
  layouts: { list: string[] };
  metadatas: Record<string, Metadata>;
}

type Attribute = {
  type: string;
  enum?: string[];
  target?: string;
  pluginOptions?: { core?: { labels?: Record<string, string> } };
};

const contentManager = () =>
  app.strapi.plugin('content-manager').service('content-types') as unknown as {
    findConfiguration(ct: { uid: string }): Promise<Configuration>;
  };

/** The content types an officer or the super admin opens in the content manager. */
const shown = () =>
  Object.entries(app.strapi.contentTypes).filter(
    ([uid, type]) =>
      !uid.startsWith('admin::') &&
      (type as { pluginOptions?: Record<string, { visible?: boolean }> }).pluginOptions?.['content-manager']
        ?.visible !== false,
  ) as [string, { attributes: Record<string, Attribute> }][];

beforeAll(async () => {
  app = await bootStrapi('admin-views');
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
});
afterAll(async () => {
  await app.stop();
});

describe('content manager views', () => {
  it('gives every field of every content type a Vietnamese label in the edit and list views', async () => {
    const unlabelled: string[] = [];
    for (const [uid, type] of shown()) {
      const { metadatas } = await contentManager().findConfiguration({ uid });
      for (const field of Object.keys(type.attributes)) {
        const meta = metadatas[field];
        if (!meta) continue;
        for (const label of [meta.edit.label, meta.list.label]) {
          // A label is a person's words: not the field's name, not camelCase, not snake_case.
          if (!label || label === field || /^[a-z]+([A-Z_][a-z]+)+$/.test(label)) {
            unlabelled.push(`${uid}.${field}: ${label}`);
          }
        }
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('names every code of every enumeration, from the lists of config/', async () => {
    const unnamed: string[] = [];
    for (const [uid, type] of shown()) {
      for (const [field, attribute] of Object.entries(type.attributes)) {
        if (attribute.type !== 'enumeration') continue;
        const labels = attribute.pluginOptions?.core?.labels ?? {};
        for (const code of attribute.enum ?? []) if (!labels[code]) unnamed.push(`${uid}.${field}: ${code}`);
      }
    }
    expect(unnamed).toEqual([]);
    const seller = app.strapi.contentType('plugin::sellers.seller' as never).attributes as unknown as Record<
      string,
      Attribute
    >;
    expect(seller.legalForm.pluginOptions?.core?.labels).toEqual(
      Object.fromEntries(LEGAL_FORMS.map((f) => [f.code, f.name])),
    );
  });

  it('shows a relation by its target’s name, and lists the columns officers work with', async () => {
    const product = await contentManager().findConfiguration({ uid: 'plugin::catalog.product' });
    expect(product.metadatas.seller.edit.mainField).toBe('name');
    expect(product.metadatas.category.edit.mainField).toBe('name');
    expect(product.metadatas.department.edit.mainField).toBe('name');
    expect(product.layouts.list).toEqual(['name', 'seller', 'category', 'reviewStatus']);
    expect(product.metadatas.flaggedReasons.edit.description).toContain('hàng cấm');
    const complaint = await contentManager().findConfiguration({ uid: 'plugin::complaints.complaint' });
    // A link to a private account would show an id: hidden from the edit view.
    expect(complaint.metadatas.buyer.edit.visible).toBe(false);
    const seller = await contentManager().findConfiguration({ uid: 'plugin::sellers.seller' });
    expect(seller.settings.mainField).toBe('name');
    expect(seller.metadatas.commune.list.mainField).toBe('name');
  });

  it('lets officers read departments, communes and categories, so related items show their names', async () => {
    for (const model of [
      'plugin::core.department',
      'plugin::core.administrative-unit',
      'plugin::catalog.category',
    ]) {
      const res = await http()
        .get(`/content-manager/collection-types/${model}`)
        .query({ pageSize: 1 })
        .set(as(staff.specialist));
      expect(res.status).toBe(200);
      expect(res.body.results[0].name).toEqual(expect.any(String));
    }
  });

  it('names the seller of a product even when the seller belongs to another department', async () => {
    const seller = await makeSeller(app.strapi, { department: await departmentId(app.strapi, 'SYT') }, false);
    const product = await makeProduct(
      app.strapi,
      seller.documentId,
      { department: await departmentId(app.strapi, 'SCT'), reviewStatus: 'pending' },
      false,
    );
    const res = await http()
      .get(`/content-manager/relations/plugin::catalog.product/${product.documentId}/seller`)
      .set(as(staff.specialist));
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ name: seller.name })]);
    // The seller itself stays out of the officer's list and reach.
    const direct = await http()
      .get(`/content-manager/collection-types/plugin::sellers.seller/${seller.documentId}`)
      .set(as(staff.specialist));
    expect(direct.status).toBe(403);
  });

  it('tells the admin the names of every labelled field’s codes, for the list filters', async () => {
    const res = await http().get('/core/labels');
    expect(res.status).toBe(200);
    expect(res.body.data['plugin::catalog.product'].reviewStatus).toEqual({
      type: 'enumeration',
      labels: Object.fromEntries(MODERATION_STATES.map((s) => [s.code, s.name])),
    });
    expect(res.body.data[AUDIT].action.type).toBe('string');
  });
});

describe('interface language', () => {
  it('gives every admin user who has not chosen a language Vietnamese, and keeps a choice', async () => {
    const me = await http().get('/admin/users/me').set(as(staff.specialist));
    expect(me.body.data.preferedLanguage).toBe('vi');
    const chosen = await http()
      .put('/admin/users/me')
      .set(as(staff.specialist))
      .send({ preferedLanguage: 'en' });
    expect(chosen.status).toBe(200);
    expect((await http().get('/admin/users/me').set(as(staff.specialist))).body.data.preferedLanguage).toBe(
      'en',
    );
    await http().put('/admin/users/me').set(as(staff.specialist)).send({ preferedLanguage: 'vi' });
  });

  it('names staff in Vietnamese order wherever Strapi draws a name, and keeps a username they chose', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const profile = () => http().get('/admin/users/me').set(as(officer));
    const me = (await profile()).body.data as Record<string, unknown>;
    // Created as firstname "Cán bộ", lastname "specialist".
    expect(me.username).toBe('specialist Cán bộ');
    // The profile form sends every field back, the username as it was.
    const renamed = await http()
      .put('/admin/users/me')
      .set(as(officer))
      .send({ firstname: 'Minh Chuyên', lastname: 'Lê', username: me.username, email: me.email });
    expect(renamed.status).toBe(200);
    expect((await profile()).body.data).toMatchObject({
      firstname: 'Minh Chuyên',
      lastname: 'Lê',
      username: 'Lê Minh Chuyên',
    });

    // What the edit view shows as "Tạo bởi": Strapi names the user by their username.
    const sct = (await app.strapi.db
      .query('plugin::core.department')
      .findOne({ where: { id: await departmentId(app.strapi, 'SCT') } })) as { documentId: string };
    const created = await http()
      .post('/content-manager/collection-types/api::news-article.news-article')
      .set(as(officer))
      .send({
        title: 'Tập huấn bán hàng trực tuyến cho hợp tác xã',
        summary: 'Lớp tập huấn miễn phí tại Cao Lãnh.',
        department: { connect: [{ documentId: sct.documentId }] },
      });
    expect(created.status).toBe(201);
    const read = await http()
      .get(`/content-manager/collection-types/api::news-article.news-article/${created.body.data.documentId}`)
      .set(as(officer));
    expect(read.body.data.createdBy).toMatchObject({
      firstname: 'Minh Chuyên',
      lastname: 'Lê',
      username: 'Lê Minh Chuyên',
    });

    const chosen = await http().put('/admin/users/me').set(as(officer)).send({ username: 'chuyen.le' });
    expect(chosen.status).toBe(200);
    await http().put('/admin/users/me').set(as(officer)).send({ lastname: 'Lê Văn' });
    expect((await profile()).body.data.username).toBe('chuyen.le');
  });
  it('lists Vietnamese as the language of content, not the English Strapi creates on its first start', async () => {
    const locales = await http().get('/i18n/locales').set(as(staff.superAdmin));
    expect(locales.status).toBe(200);
    expect(locales.body).toEqual([
      expect.objectContaining({ code: 'vi', name: 'Tiếng Việt (vi)', isDefault: true }),
    ]);
    // A news article (not translated) is still read and listed as before.
    const list = await http()
      .get('/content-manager/collection-types/api::news-article.news-article')
      .set(as(staff.superAdmin));
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThan(0);
  });

  it('leaves the languages a province chose', async () => {
    const added = await http()
      .post('/i18n/locales')
      .set(as(staff.superAdmin))
      .send({ code: 'en', name: 'English (en)', isDefault: false });
    expect(added.status).toBe(200);
    expect(await ensureVietnameseContent(app.strapi)).toBe(false);
    const codes = (await http().get('/i18n/locales').set(as(staff.superAdmin))).body.map(
      (locale: { code: string; isDefault: boolean }) => `${locale.code}${locale.isDefault ? '*' : ''}`,
    );
    expect(codes.sort()).toEqual(['en', 'vi*']);
    await http().delete(`/i18n/locales/${added.body.id}`).set(as(staff.superAdmin));
  });
});

describe("Strapi's own roles", () => {
  const adminRoles = async () =>
    (
      (await http().get('/admin/roles').set(as(staff.superAdmin))).body.data as {
        code: string;
        name: string;
      }[]
    )
      .map((role) => role.name)
      .sort();

  it('are named and described in Vietnamese, for staff and for the site users', async () => {
    const roles = (await http().get('/admin/roles').set(as(staff.superAdmin))).body.data as {
      code: string;
      name: string;
      description: string;
    }[];
    const byCode = Object.fromEntries(roles.map((role) => [role.code, role]));
    expect(byCode['strapi-super-admin']).toMatchObject({ name: 'Quản trị cao nhất' });
    expect(byCode['strapi-editor']).toMatchObject({ name: 'Biên tập viên' });
    expect(byCode['strapi-author']).toMatchObject({ name: 'Tác giả' });
    const site = (await http().get('/users-permissions/roles').set(as(staff.superAdmin))).body.roles as {
      type: string;
      name: string;
      description: string;
    }[];
    expect(site.find((role) => role.type === 'public')?.name).toBe('Khách');
    expect(site.find((role) => role.type === 'authenticated')?.name).toBe('Người dùng đã đăng nhập');
    const english = /\b(Super Admin|Editor|Author|Authenticated|Public|can|the|user)\b/;
    for (const role of [...roles, ...site]) {
      expect(`${role.name} ${role.description}`).not.toMatch(english);
    }
  });

  it('keep a name a province gave them', async () => {
    await app.strapi.db
      .query('admin::role')
      .update({ where: { code: 'strapi-editor' }, data: { name: 'Biên tập tin tức' } });
    await nameStrapiRoles(app.strapi);
    expect(await adminRoles()).toContain('Biên tập tin tức');
    await app.strapi.db
      .query('admin::role')
      .update({ where: { code: 'strapi-editor' }, data: { name: 'Biên tập viên' } });
  });
});

describe('the home page', () => {
  it("lists the audit log's latest entries by the Vietnamese name of their action, not its code", async () => {
    const res = await http()
      .get('/content-manager/homepage/recent-documents')
      .query({ action: 'update' })
      .set(as(staff.superAdmin));
    expect(res.status).toBe(200);
    const entries = (res.body.data as { contentTypeUid: string; title: string }[]).filter(
      (document) => document.contentTypeUid === AUDIT,
    );
    // The officers of this file were created, signed in and edited: the latest entries are theirs.
    expect(entries.length).toBeGreaterThan(0);
    const names = AUDIT_ACTIONS.map((action) => action.name);
    for (const entry of entries) expect(names).toContain(entry.title);
  });
});

describe("the super admin's role editor", () => {
  it('names every content type and its fields as the content manager does, not by their API names', async () => {
    const res = await http().get('/admin/permissions').set(as(staff.superAdmin));
    expect(res.status).toBe(200);
    const { collectionTypes, singleTypes } = res.body.data.sections as Record<
      string,
      {
        subjects: {
          uid: string;
          label: string;
          properties: { value: string; children?: { value: string; label: string }[] }[];
        }[];
      }
    >;
    const subjects = [...collectionTypes.subjects, ...singleTypes.subjects];
    expect(subjects.length).toBeGreaterThanOrEqual(15);
    for (const subject of subjects) {
      const type = app.strapi.contentTypes[subject.uid as keyof typeof app.strapi.contentTypes] as {
        info: { displayName: string; singularName: string };
      };
      expect(subject.label).toBe(type.info.displayName);
    }
    const product = subjects.find((subject) => subject.uid === 'plugin::catalog.product');
    expect(product?.label).toBe('Sản phẩm, dịch vụ');
    const property = product?.properties.find((each) => each.value === 'fields') as
      { label: string; children: { value: string; label: string }[] } | undefined;
    expect(property?.label).toBe('trường dữ liệu');
    const fields = property?.children ?? [];
    const labels = Object.fromEntries(fields.map((field) => [field.value, field.label]));
    const configuration = await contentManager().findConfiguration({ uid: 'plugin::catalog.product' });
    expect(labels.name).toBe(configuration.metadatas.name.edit.label);
    expect(labels.price).toBe(configuration.metadatas.price.edit.label);
    expect(labels.name).not.toBe('name');
  });

  it("names Strapi's own permissions of the Plugins and Settings tabs in Vietnamese", async () => {
    const { plugins, settings } = (await http().get('/admin/permissions').set(as(staff.superAdmin))).body.data
      .sections as Record<
      'plugins' | 'settings',
      { action: string; displayName: string; subCategory: string; plugin?: string; category?: string }[]
    >;
    expect(plugins.find((entry) => entry.action === 'plugin::upload.read')).toMatchObject({
      displayName: 'Mở Thư viện tệp',
      plugin: 'Thư viện tệp',
      subCategory: 'Chung',
    });
    expect(settings.find((entry) => entry.action === 'admin::users.create')).toMatchObject({
      displayName: 'Tạo (mời)',
      category: 'Người dùng và vai trò',
      subCategory: 'Người dùng',
    });
    const english =
      /\b(Access|Create|Read|Update|Delete|Edit|Configure|Download|general|settings|page|tokens|the)\b/;
    for (const entry of [...plugins, ...settings]) {
      expect(`${entry.displayName} | ${entry.subCategory} | ${entry.plugin ?? entry.category}`).not.toMatch(
        english,
      );
    }
  });
});

describe('API tokens', () => {
  const tokens = async () =>
    ((await http().get('/admin/api-tokens').set(as(staff.superAdmin))).body.data as { name: string }[])
      .map((token) => token.name)
      .sort();

  it("holds none of the tokens Strapi creates on its first start, which read every user's personal data", async () => {
    expect(await tokens()).not.toEqual(expect.arrayContaining(['Full Access']));
    expect(await tokens()).not.toEqual(expect.arrayContaining(['Read Only']));
    // What such a token would have read.
    expect((await http().get('/api/users')).status).toBe(403);
  });

  it('keeps a token a province created, and a default one in use; removes an unused default one', async () => {
    const create = (body: object) => http().post('/admin/api-tokens').set(as(staff.superAdmin)).send(body);
    const own = await create({ name: 'Cổng dữ liệu mở của tỉnh', type: 'read-only', lifespan: null });
    expect(own.status).toBe(201);
    const defaults = {
      name: 'Full Access',
      description:
        'A default API token with full access permissions, used for accessing or modifying resources',
      type: 'full-access',
      lifespan: null,
    };
    const used = await create(defaults);
    expect(used.status).toBe(201);
    await app.strapi.db
      .query('admin::api-token')
      .update({ where: { id: used.body.data.id }, data: { lastUsedAt: new Date() } });

    expect(await removeUnusedDefaultTokens(app.strapi)).toEqual([]);
    expect(await tokens()).toEqual(['Cổng dữ liệu mở của tỉnh', 'Full Access']);

    await http().delete(`/admin/api-tokens/${used.body.data.id}`).set(as(staff.superAdmin));
    expect((await create(defaults)).status).toBe(201);
    expect(await removeUnusedDefaultTokens(app.strapi)).toEqual(['Full Access']);
    expect(await tokens()).toEqual(['Cổng dữ liệu mở của tỉnh']);
    await http().delete(`/admin/api-tokens/${own.body.data.id}`).set(as(staff.superAdmin));
  });
});

describe('audit log', () => {
  const forged = { action: 'admin.login', actorEmail: 'gia-mao@example.vn', ip: '203.0.113.9' };

  it('refuses every write through the API with a Vietnamese 403, the super admin’s included', async () => {
    const entry = (await app.strapi.db.query(AUDIT).findOne({ where: {}, orderBy: { id: 'asc' } })) as {
      documentId: string;
    };
    const base = `/content-manager/collection-types/${AUDIT}`;
    const writes = [
      http().post(base).send(forged),
      http().put(`${base}/${entry.documentId}`).send(forged),
      http().delete(`${base}/${entry.documentId}`),
      http()
        .post(`${base}/actions/bulkDelete`)
        .send({ documentIds: [entry.documentId] }),
    ];
    for (const write of writes) {
      const res = await write.set(as(staff.superAdmin));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(READ_ONLY);
    }
    expect(await app.strapi.db.query(AUDIT).count({ where: { actorEmail: forged.actorEmail } })).toBe(0);
    await expect(app.strapi.documents(AUDIT as never).create({ data: forged } as never)).rejects.toThrow(
      READ_ONLY,
    );
  });

  it('gives no role, the super admin’s included, a permission that would draw a write button', async () => {
    const granted = await app.strapi.db.query('admin::permission').count({
      where: {
        subject: AUDIT,
        action: {
          $in: ['create', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`),
        },
      },
    });
    expect(granted).toBe(0);
    const mine = await http().get('/admin/users/me/permissions').set(as(staff.superAdmin));
    const onAudit = (mine.body.data as { action: string; subject: string | null }[])
      .filter((p) => p.subject === AUDIT)
      .map((p) => p.action);
    expect(onAudit).toEqual(['plugin::content-manager.explorer.read']);
  });

  it('exports the filtered log as CSV with Vietnamese names of actions, and records the export', async () => {
    await app.strapi.db.query(AUDIT).create({
      data: {
        action: 'workflow.lock',
        actorEmail: '=cmd|calc@example.vn',
        actorName: 'Lê Minh Chuyên',
        target: 'plugin::sellers.seller:abc',
        ip: '10.0.0.7',
      },
    });
    const res = await http()
      .get('/core/audit-entries/export')
      .query({ 'filters[$and][0][action][$eq]': 'workflow.lock' })
      .set(as(staff.superAdmin))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe('\uFEFFThời điểm,Cán bộ,Email cán bộ,Thao tác,Đối tượng,Địa chỉ máy,Chi tiết');
    expect(lines.slice(1).filter(Boolean)).toHaveLength(1);
    expect(lines[1]).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},Lê Minh Chuyên,'=cmd\|calc@example\.vn,Khóa,/,
    );
    expect(
      await app.strapi.db
        .query(AUDIT)
        .count({ where: { action: 'audit.export', actorId: staff.superAdmin.id } }),
    ).toBe(1);
    expect(AUDIT_ACTIONS.find((a) => a.code === 'workflow.lock')?.name).toBe('Khóa');
  });

  it('refuses the export to an officer, and a filter on another field', async () => {
    const officer = await http().get('/core/audit-entries/export').set(as(staff.specialist));
    expect(officer.status).toBe(403);
    expect(officer.body.error.message).toBe('Bạn không có quyền xem nhật ký thao tác.');
    const bad = await http()
      .get('/core/audit-entries/export')
      .query({ 'filters[details][$contains]': 'x' })
      .set(as(staff.superAdmin));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Bộ lọc nhật ký không hợp lệ');
  });
});
