import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { photoWithGps, storedPath } from '../photos';
import { unique } from '../factories';
import { makeSiteUser } from '../staff';

/**
 * Files sent to the public API (Strapi's `/api/upload`, the seller declaration's scans): judged by
 * their bytes, images re-encoded without EXIF/GPS, pixel bombs refused, nothing stored on refusal.
 */
let app: TestApp;
let token: string;
const UPLOADS = 'plugin::upload.file';
const FILES = 'plugin::accounts.private-file';
const api = () => request(app.strapi.server.httpServer);

beforeAll(async () => {
  app = await bootStrapi('uploads');
  // An integration's API token allowed to upload: the only way into /api/upload (no user role has it).
  const created = (await app.strapi.service('admin::api-token').create({
    name: unique('tich-hop'),
    description: '',
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: ['plugin::upload.content-api.upload'],
  })) as { accessKey: string };
  token = created.accessKey;
});
afterAll(async () => {
  await app.stop();
});

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>',
);

/** A 1×1 PNG whose header claims 30000 × 30000 pixels: a few bytes, 900 megapixels once decoded. */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(30000, 16);
  png.writeUInt32BE(30000, 20);
  // The IHDR checksum covers type and data (bytes 12–28): recompute it so the header is valid.
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const count = () => app.strapi.db.query(UPLOADS).count();
const upload = (bytes: Buffer, filename: string, contentType: string) =>
  api()
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', bytes, { filename, contentType });

describe('/api/upload', () => {
  it('is closed to visitors and signed-in users', async () => {
    const user = await makeSiteUser(app.strapi);
    const photo = await photoWithGps();
    const before = await count();
    expect((await api().post('/api/upload').attach('files', photo, 'a.jpg')).status).toBe(403);
    const signedIn = await api()
      .post('/api/upload')
      .set('Authorization', `Bearer ${user.jwt}`)
      .attach('files', photo, 'a.jpg');
    expect(signedIn.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('stores a photo re-encoded, upright, without its EXIF and GPS position', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(photo, 'vuon-xoai.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    const [file] = res.body as { url: string; mime: string; ext: string; width: number; height: number }[];
    expect(file).toMatchObject({ mime: 'image/jpeg', ext: '.jpg', width: 640, height: 480 });
    const stored = fs.readFileSync(storedPath(file.url));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('DienThoai'))).toBe(false);
  });

  it('names a file by its real type: a PNG sent as .jpg is stored as a PNG', async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#080' } })
      .png()
      .toBuffer();
    const res = await upload(png, 'anh.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ mime: 'image/png', ext: '.png', name: 'anh.png' });
  });

  it.each([
    ['an SVG named .jpg', () => SVG, 'logo.jpg', 'image/jpeg', 'Tệp phải là ảnh JPG, PNG hoặc WebP.'],
    [
      'an HTML page named .png',
      () => Buffer.from('<!doctype html><script>alert(1)</script>'),
      'a.png',
      'image/png',
      'Tệp phải là ảnh JPG, PNG hoặc WebP.',
    ],
    [
      'a PDF where an image is expected',
      () => Buffer.from('%PDF-1.4\n%%EOF\n'),
      'a.pdf',
      'application/pdf',
      'Tệp phải là ảnh JPG, PNG hoặc WebP.',
    ],
    [
      'a truncated JPEG',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      'a.jpg',
      'image/jpeg',
      'Ảnh bị hỏng hoặc không đọc được.',
    ],
  ])('refuses %s with 400 and stores nothing', async (_label, bytes, filename, type, message) => {
    const before = await count();
    const filesBefore = fs.readdirSync(path.join(process.env.PUBLIC_DIR as string, 'uploads')).length;
    const res = await upload(bytes(), filename, type);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError', message });
    expect(await count()).toBe(before);
    expect(fs.readdirSync(path.join(process.env.PUBLIC_DIR as string, 'uploads')).length).toBe(filesBefore);
  });

  it('refuses a decompression bomb (huge declared dimensions in a tiny PNG) before decoding it', async () => {
    const bomb = await pixelBomb();
    expect(bomb.length).toBeLessThan(200);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 30000,
      height: 30000,
    });
    const before = await count();
    const res = await upload(bomb, 'bom.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Ảnh quá lớn: tối đa 8000 điểm ảnh mỗi chiều và 40 triệu điểm ảnh.');
    expect(await count()).toBe(before);
  });

  it('refuses an image wider than the side limit even with few pixels', async () => {
    const strip = await sharp({ create: { width: 9000, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const res = await upload(strip, 'dai.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Ảnh quá lớn/);
  });

  it('refuses a file over the size limit, and a request announcing more than the files allowed', async () => {
    const big = Buffer.concat([await photoWithGps(), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(big, 'to.jpg', 'image/jpeg');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp quá lớn: tối đa 10 MB.');
    const announced = await api()
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(200 * 1024 * 1024))
      .send('--x--\r\n')
      .ok(() => true);
    expect(announced.status).toBe(413);
  });
});

describe('seller declaration scans', () => {
  const form = () => ({
    business: {
      legalForm: 'household',
      name: unique('Hộ kinh doanh Bánh phồng Sa Đéc'),
      citizenId: '087223344557',
      representative: 'Lê Thị Phồng',
      address: 'Phường Sa Đéc',
    },
    licences: [],
  });

  it('keeps a citizen-ID photo without its GPS position', async () => {
    const user = await makeSiteUser(app.strapi);
    const res = await api()
      .post('/api/accounts/business')
      .set('Authorization', `Bearer ${user.jwt}`)
      .field('data', JSON.stringify(form()))
      .attach('citizenIdScan', await photoWithGps(), { filename: 'cccd.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    const row = (await app.strapi.db.query(FILES).findOne({ where: { ownerId: user.id } })) as {
      storageKey: string;
      mime: string;
      size: number;
    };
    const stored = fs.readFileSync(path.join(process.env.PRIVATE_FILES_DIR as string, row.storageKey));
    expect(row).toMatchObject({ mime: 'image/jpeg', size: stored.length });
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(meta.exif).toBeUndefined();
  });

  it('still accepts a PDF scan, and refuses an SVG scan before creating anything', async () => {
    const user = await makeSiteUser(app.strapi);
    const sellers = () => app.strapi.db.query('plugin::sellers.seller').count();
    const before = await sellers();
    const refused = await api()
      .post('/api/accounts/business')
      .set('Authorization', `Bearer ${user.jwt}`)
      .field('data', JSON.stringify(form()))
      .attach('citizenIdScan', SVG, { filename: 'cccd.png', contentType: 'image/png' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'Bản chụp phải là tệp PDF, JPG, PNG hoặc WebP.',
      details: { errors: [{ path: ['citizenIdScan'] }] },
    });
    expect(await sellers()).toBe(before);
    expect(await app.strapi.db.query(FILES).count({ where: { ownerId: user.id } })).toBe(0);

    const accepted = await api()
      .post('/api/accounts/business')
      .set('Authorization', `Bearer ${user.jwt}`)
      .field('data', JSON.stringify(form()))
      .attach('citizenIdScan', Buffer.from('%PDF-1.4\n%%EOF\n'), {
        filename: 'cccd.pdf',
        contentType: 'application/pdf',
      });
    expect(accepted.status).toBe(201);
  });
});
