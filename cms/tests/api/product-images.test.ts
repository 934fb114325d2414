import fs from 'node:fs';
import request from 'supertest';
import sharp from 'sharp';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { photoWithGps, storedPath } from '../photos';
import { makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * A seller's own product pictures (`/api/accounts/mine/product/:id/images`): added to the draft,
 * checked and stripped of EXIF/GPS like every upload, limited in number, public only once the
 * product is approved again; removed from the draft without touching the approved version.
 */
let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
type User = { id: number; jwt: string };
let owner: User;
let stranger: User;
const staff = {} as Record<'specialist' | 'division', Officer>;
const as = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
const FILES = 'plugin::upload.file';
/** The address without its signature (the owner's pages get signed addresses of draft pictures). */
const unsigned = (url: string) => url.split('?')[0];

beforeAll(async () => {
  app = await bootStrapi('product-images');
  owner = await makeSiteUser(app.strapi);
  stranger = await makeSiteUser(app.strapi);
  await makeSeller(app.strapi, { owner: owner.id });
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
});
afterAll(async () => {
  await app.stop();
});

async function newProduct(): Promise<string> {
  const res = await api()
    .post('/api/accounts/mine/product')
    .set(as(owner))
    .send({
      data: {
        name: unique('Xoài cát Hòa Lộc có ảnh'),
        unit: 'kg',
        price: 85000,
        paymentMethods: ['cash_on_delivery'],
        deliveryMethods: ['carrier'],
      },
    });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

const addImages = (user: User, documentId: string, files: { data: Buffer; name: string; type: string }[]) => {
  const req = api().post(`/api/accounts/mine/product/${documentId}/images`).set(as(user));
  for (const file of files) req.attach('images', file.data, { filename: file.name, contentType: file.type });
  return req;
};
const jpeg = async (name = 'xoai.jpg', colour?: string) => ({
  data: await photoWithGps(colour),
  name,
  type: 'image/jpeg',
});

async function approve(documentId: string) {
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as { id: number };
  for (const officer of [staff.specialist, staff.division]) {
    const res = await api()
      .post(`/workflow/tasks/${task.id}/actions`)
      .set({ Authorization: `Bearer ${officer.token}` })
      .send({ action: 'approve' });
    expect(res.status).toBe(200);
  }
}

describe('product pictures', () => {
  it('adds pictures to the draft without their EXIF and GPS; they are public once approved', async () => {
    const documentId = await newProduct();
    const res = await addImages(owner, documentId, [
      await jpeg('vuon-xoai.jpg'),
      await jpeg('hop-xoai.jpg', '#2e7d32'),
    ]);
    expect(res.status).toBe(200);
    const images = res.body.data.images as { id: number; name: string; url: string; thumbnailUrl: string }[];
    // Both kept; files sent in one request come in the order their writes finished (formidable),
    // which is not always the order they were sent: the read-back below keeps whatever order was stored.
    expect(images.map((i) => i.name).sort()).toEqual(['hop-xoai.jpg', 'vuon-xoai.jpg']);
    expect(images[0].url).toMatch(/^\/uploads\/.+\.jpg\?sgd_exp=\d+&sgd_sig=[0-9a-f]{64}$/);
    expect(images[0].thumbnailUrl).toMatch(/^\/uploads\/thumbnail_.+\.jpg\?sgd_exp=/);
    const stored = fs.readFileSync(storedPath(unsigned(images[0].url)));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('DienThoai'))).toBe(false);
    // The owner reads them back with the item.
    const read = await api().get(`/api/accounts/mine/product/${documentId}`).set(as(owner));
    expect(read.body.data.images.map((i: { id: number }) => i.id)).toEqual(images.map((i) => i.id));

    // Not public before approval; public after.
    expect((await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner))).status).toBe(
      200,
    );
    await approve(documentId);
    const slug = read.body.data.slug as string;
    const shown = await api().get(`/api/products/${slug}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.images.map((i: { url: string }) => i.url)).toEqual(
      images.map((i) => unsigned(i.url)),
    );
  });

  it('takes a picture off the draft; the approved version keeps it until approved again', async () => {
    const documentId = await newProduct();
    const added = await addImages(owner, documentId, [
      await jpeg('mot.jpg'),
      await jpeg('hai.jpg', '#123456'),
    ]);
    const [first, second] = added.body.data.images as { id: number; url: string }[];
    await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner));
    await approve(documentId);
    const slug = added.body.data.slug as string;

    const removed = await api()
      .post(`/api/accounts/mine/product/${documentId}/images/${first.id}/delete`)
      .set(as(owner));
    expect(removed.status).toBe(200);
    expect(removed.body.data.images.map((i: { id: number }) => i.id)).toEqual([second.id]);
    // Still shown publicly (the approved version), and the file is kept for it.
    const shown = await api().get(`/api/products/${slug}`);
    expect(shown.body.data.images.map((i: { url: string }) => i.url)).toEqual([
      unsigned(first.url),
      unsigned(second.url),
    ]);
    expect(await app.strapi.db.query(FILES).count({ where: { id: first.id } })).toBe(1);
    expect(
      (await api().post(`/api/accounts/mine/product/${documentId}/images/${first.id}/delete`).set(as(owner)))
        .status,
    ).toBe(404);

    // A picture only the draft had is deleted with it.
    const third = (await addImages(owner, documentId, [await jpeg('ba.jpg')])).body.data.images.at(-1) as {
      id: number;
      url: string;
    };
    expect(
      (await api().post(`/api/accounts/mine/product/${documentId}/images/${third.id}/delete`).set(as(owner)))
        .status,
    ).toBe(200);
    expect(await app.strapi.db.query(FILES).count({ where: { id: third.id } })).toBe(0);
    expect(fs.existsSync(storedPath(unsigned(third.url)))).toBe(false);
  });

  it('deletes, a day later, a picture no version shows any more, and nothing staff put in the media library', async () => {
    const documentId = await newProduct();
    const added = await addImages(owner, documentId, [
      await jpeg('cu.jpg'),
      await jpeg('moi.jpg', '#654321'),
    ]);
    const [old, kept] = added.body.data.images as { id: number; url: string }[];
    await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner));
    await approve(documentId);
    await api().post(`/api/accounts/mine/product/${documentId}/images/${old.id}/delete`).set(as(owner));
    // Approved again: no version shows the old picture now.
    expect((await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner))).status).toBe(
      200,
    );
    await approve(documentId);
    const staffFile = (await app.strapi.db.query(FILES).create({
      data: {
        name: 'bia-tin-tuc.jpg',
        hash: unique('bia').replace(/\W/g, '_'),
        ext: '.jpg',
        mime: 'image/jpeg',
        size: 1,
        url: '/uploads/bia-tin-tuc.jpg',
        provider: 'local',
      },
    })) as { id: number };
    const mine = app.strapi.plugin('accounts').service('mine') as {
      purgeOrphanImages(now: Date): Promise<number>;
    };

    // Within the day of its upload it stays.
    await mine.purgeOrphanImages(new Date());
    expect(await app.strapi.db.query(FILES).count({ where: { id: old.id } })).toBe(1);
    expect(await mine.purgeOrphanImages(new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await app.strapi.db.query(FILES).count({ where: { id: old.id } })).toBe(0);
    expect(fs.existsSync(storedPath(unsigned(old.url)))).toBe(false);
    // The picture the product shows, and the staff's file, stay.
    expect(await app.strapi.db.query(FILES).count({ where: { id: { $in: [kept.id, staffFile.id] } } })).toBe(
      2,
    );
    const slug = added.body.data.slug as string;
    expect(
      (await api().get(`/api/products/${slug}`)).body.data.images.map((i: { url: string }) => i.url),
    ).toEqual([unsigned(kept.url)]);
  });

  it('serves a picture of a product not approved yet only at its signed address, and to anyone once approved', async () => {
    const documentId = await newProduct();
    const added = await addImages(owner, documentId, [await jpeg('chua-duyet.jpg')]);
    const [image] = added.body.data.images as { url: string; thumbnailUrl: string }[];
    // The probe of the report: /uploads/<file> served every file.
    for (const url of [image.url, image.thumbnailUrl]) {
      const res = await api().get(unsigned(url));
      expect([url, res.status, res.body.error?.message]).toEqual([url, 404, 'Không tìm thấy tệp.']);
    }
    const signed = await api().get(image.url);
    expect(signed.status).toBe(200);
    expect(signed.headers['content-type']).toBe('image/jpeg');
    expect(signed.headers['cache-control']).toBe('private, max-age=3600');
    expect((await api().get(image.thumbnailUrl)).status).toBe(200);
    // A signature for another file, or altered, opens nothing.
    const [, query] = image.url.split('?');
    expect((await api().get(`${unsigned(image.thumbnailUrl)}?${query}`)).status).toBe(404);
    expect((await api().get(`${image.url.slice(0, -4)}0000`)).status).toBe(404);

    // Staff reviewing it in the admin get signed addresses that load.
    await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner)).expect(200);
    const review = await api()
      .get(`/content-manager/collection-types/plugin::catalog.product/${documentId}`)
      .set({ Authorization: `Bearer ${staff.specialist.token}` });
    expect(review.status).toBe(200);
    const [shown] = review.body.data.images as { url: string }[];
    expect(shown.url).toMatch(/\?sgd_exp=\d+&sgd_sig=/);
    expect((await api().get(shown.url)).status).toBe(200);

    await approve(documentId);
    expect((await api().get(unsigned(image.url))).status).toBe(200);
    expect((await api().get(unsigned(image.thumbnailUrl))).status).toBe(200);
  });

  it("shows an officer only their departments' files in the media library", async () => {
    const documentId = await newProduct();
    const added = await addImages(owner, documentId, [await jpeg('cua-so-cong-thuong.jpg')]);
    const [image] = added.body.data.images as { id: number }[];
    await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner)).expect(200);
    const health = await makeOfficer(app.strapi, 'specialist', ['SYT']);
    const boss = await makeOfficer(app.strapi, 'super_admin', []);
    const list = async (officer: Officer) => {
      const res = await api()
        .get('/upload/files')
        .query({ page: 1, pageSize: 100 })
        .set({ Authorization: `Bearer ${officer.token}` });
      expect(res.status).toBe(200);
      return (res.body.results as { id: number }[]).map((file) => file.id);
    };
    const all = await list(boss);
    const ofHealth = await list(health);
    const ofTrade = await list(staff.specialist);
    expect(all).toContain(image.id);
    expect(ofTrade).toContain(image.id);
    // The probe of the report: an officer of Sở Y tế listed every file, other departments' drafts included.
    expect(ofHealth).not.toContain(image.id);
    expect(ofHealth.length).toBeLessThan(all.length);
    const department = (id: number) =>
      app.strapi.db
        .query(FILES)
        .findOne({ where: { id }, populate: { department: { select: ['code'] } } }) as Promise<{
        department: { code: string } | null;
      }>;
    for (const id of ofHealth) expect((await department(id)).department?.code).toBe('SYT');
    for (const id of ofTrade) expect((await department(id)).department?.code).toBe('SCT');
    const one = await api()
      .get(`/upload/files/${image.id}`)
      .set({ Authorization: `Bearer ${health.token}` });
    expect(one.status).toBe(403);
  });

  it('refuses what is not a picture, too many pictures, an empty form, and anyone but the owner', async () => {
    const documentId = await newProduct();
    const before = await app.strapi.db.query(FILES).count();

    const pdf = await addImages(owner, documentId, [
      {
        data: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'),
        name: 'giay-to.pdf',
        type: 'application/pdf',
      },
    ]);
    expect([pdf.status, pdf.body.error.message]).toEqual([400, 'Tệp phải là ảnh JPG, PNG hoặc WebP.']);
    const none = await api()
      .post(`/api/accounts/mine/product/${documentId}/images`)
      .set(as(owner))
      .field('ghiChu', 'không có tệp');
    expect([none.status, none.body.error.message]).toEqual([
      400,
      'Hãy chọn ít nhất một ảnh (JPG, PNG hoặc WebP).',
    ]);
    expect((await addImages(stranger, documentId, [await jpeg()])).status).toBe(404);
    expect(
      (
        await api()
          .post(`/api/accounts/mine/product/${documentId}/images`)
          .attach('images', await photoWithGps(), 'x.jpg')
      ).status,
    ).toBe(403);
    // Licences have no pictures here.
    const licence = await api()
      .post(`/api/accounts/mine/licence/${documentId}/images`)
      .set(as(owner))
      .attach('images', await photoWithGps(), 'x.jpg');
    expect([licence.status, licence.body.error.message]).toEqual([404, 'Loại nội dung này không có ảnh.']);
    expect(await app.strapi.db.query(FILES).count()).toBe(before);

    expect((await addImages(owner, documentId, [await jpeg()])).status).toBe(200);

    // Eight at most: seven more fit, the ninth is refused with the count, and nothing is stored.
    const seven = await Promise.all(Array.from({ length: 7 }, (_, i) => jpeg(`anh-${i}.jpg`)));
    expect((await addImages(owner, documentId, seven)).status).toBe(200);
    const ninth = await addImages(owner, documentId, [await jpeg('thu-chin.jpg')]);
    expect([ninth.status, ninth.body.error.message]).toEqual([
      400,
      'Mỗi nội dung có tối đa 8 ảnh; hiện đã có 8 ảnh, chỉ thêm được 0 ảnh nữa.',
    ]);
    expect(await app.strapi.db.query(FILES).count()).toBe(before + 8);

    // While staff review it, pictures cannot change.
    await api().post(`/api/accounts/mine/product/${documentId}/submit`).set(as(owner));
    const busy = await api().post(`/api/accounts/mine/product/${documentId}/images/1/delete`).set(as(owner));
    expect([busy.status, busy.body.error.message]).toEqual([
      400,
      'Nội dung đang được xem xét, chưa sửa được lúc này.',
    ]);
  });
});
