import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import request from 'supertest';
import { Client } from 'pg';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer } from '../staff';
import { CMS_DIR, withDatabase } from '../setup/environment';

/**
 * Operations. Liveness and readiness for a load balancer. Restore drill (QC Điều 23.2): back up the seeded test database with its files, restore it into a
 * fresh database and folders, and check that every table's count and a sample of records match.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
let app: TestApp;
let work: string;
let restoredUrl: string | null = null;

type Rows = Record<string, unknown>[];
interface Db {
  tables(): Promise<string[]>;
  rows(sql: string): Promise<Rows>;
  close(): Promise<void>;
}

async function open(url: string | null, filename: string): Promise<Db> {
  const db = url
    ? knex({ client: 'pg', connection: url })
    : knex({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
  const rows = async (sql: string): Promise<Rows> => {
    const result = (await db.raw(sql)) as { rows: Rows } | Rows;
    return Array.isArray(result) ? result : result.rows;
  };
  return {
    async tables() {
      const sql = url
        ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"
        : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1";
      return (await rows(sql)).map((r) => r.name as string);
    },
    rows,
    close: () => db.destroy(),
  };
}

function script(name: string, args: string[], env: Record<string, string>) {
  return spawnSync('node', [path.join(ROOT, 'scripts', name), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

async function counts(db: Db) {
  const result: Record<string, number> = {};
  for (const table of await db.tables()) {
    const [row] = await db.rows(`select count(*) as n from "${table}"`);
    result[table] = Number(row.n);
  }
  return result;
}

beforeAll(async () => {
  app = await bootStrapi('operations');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sgd-backup-'));
});
afterAll(async () => {
  await app.stop();
  if (restoredUrl) {
    const admin = new Client({ connectionString: withDatabase(restoredUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(restoredUrl).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

it('backs up the database and files, and restores them into a fresh database that matches', async () => {
  const seller = await makeSeller(app.strapi, { name: unique('Hợp tác xã Xoài Mỹ Xương') });
  await makeProduct(app.strapi, seller.documentId, { name: unique('Xoài cát Hòa Lộc loại 1') });
  const privateDir = process.env.PRIVATE_FILES_DIR as string;
  const uploadsDir = path.join(process.env.PUBLIC_DIR as string, 'uploads');
  fs.mkdirSync(privateDir, { recursive: true });
  const scan = crypto.randomBytes(2048);
  fs.writeFileSync(path.join(privateDir, 'ban-chup-thu'), scan);
  fs.writeFileSync(path.join(uploadsDir, 'anh-thu.txt'), 'ảnh sản phẩm');

  const sourceUrl = process.env.DATABASE_URL || null;
  const sourceFile = process.env.DATABASE_FILENAME as string;
  const backupDir = path.join(work, 'backups');
  const sourceEnv = {
    DATABASE_URL: sourceUrl ?? '',
    DATABASE_FILENAME: sourceFile,
    PUBLIC_DIR: process.env.PUBLIC_DIR as string,
    PRIVATE_FILES_DIR: privateDir,
    BACKUP_DIR: backupDir,
    BACKUP_KEEP: '2',
  };
  const made = script('db-backup.mjs', [], sourceEnv);
  expect([made.status, made.stderr]).toEqual([0, '']);
  const [backup] = fs.readdirSync(backupDir).filter((n) => n.startsWith('sgd-'));
  expect(backup).toMatch(/^sgd-\d{8}-\d{6}$/);

  // A fresh, empty database and empty folders.
  if (sourceUrl) {
    restoredUrl = withDatabase(sourceUrl, `${new URL(sourceUrl).pathname.slice(1)}_restored`.slice(0, 63));
    const admin = new Client({ connectionString: withDatabase(sourceUrl, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(restoredUrl).pathname.slice(1)}"`);
    await admin.end();
  }
  const restoredFile = path.join(work, 'restored.db');
  const targetEnv = {
    DATABASE_URL: restoredUrl ?? '',
    DATABASE_FILENAME: restoredFile,
    PUBLIC_DIR: path.join(work, 'public'),
    PRIVATE_FILES_DIR: path.join(work, 'private'),
  };
  const restored = script('db-restore.mjs', [path.join(backupDir, backup)], targetEnv);
  expect([restored.status, restored.stderr]).toEqual([0, '']);

  const source = await open(sourceUrl, sourceFile);
  const copy = await open(restoredUrl, restoredFile);
  try {
    const before = await counts(source);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.sellers).toBeGreaterThan(0);
    expect(await counts(copy)).toEqual(before);
    for (const table of ['sellers', 'products', 'licences', 'wf_definitions']) {
      const sample = `select * from "${table}" order by id limit 50`;
      expect(await copy.rows(sample)).toEqual(await source.rows(sample));
    }
    const added = `select name from sellers where document_id = '${seller.documentId}'`;
    expect((await source.rows(added)).map((r) => r.name)).toContain(seller.name);
    expect(await copy.rows(added)).toEqual(await source.rows(added));
  } finally {
    await source.close();
    await copy.close();
  }
  expect(Buffer.compare(fs.readFileSync(path.join(work, 'private', 'ban-chup-thu')), scan)).toBe(0);
  expect(fs.readFileSync(path.join(work, 'public', 'uploads', 'anh-thu.txt'), 'utf8')).toBe('ảnh sản phẩm');

  // Restoring over data that is there already must be asked for by name.
  const again = script('db-restore.mjs', [path.join(backupDir, backup)], targetEnv);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('--replace');
  const replaced = script('db-restore.mjs', [path.join(backupDir, backup), '--replace'], targetEnv);
  expect([replaced.status, replaced.stderr]).toEqual([0, '']);

  // Only the newest BACKUP_KEEP backups are kept.
  for (let i = 0; i < 2; i += 1) expect(script('db-backup.mjs', [], sourceEnv).status).toBe(0);
  expect(fs.readdirSync(backupDir).filter((n) => n.startsWith('sgd-'))).toHaveLength(2);
  expect(fs.readdirSync(backupDir).filter((n) => n.includes('partial'))).toEqual([]);
});

describe('liveness and readiness', () => {
  it('answers /_health while the process runs, and /_ready while the database answers', async () => {
    const api = () => request(app.strapi.server.httpServer);
    expect((await api().get('/_health')).status).toBe(204);
    const ready = await api().get('/_ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready' }]);
    expect(ready.headers['cache-control']).toBe('no-store');
  });
});

describe('graceful shutdown', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
  const refuses = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
  const until = async (check: () => Promise<boolean>, what: string, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Quá thời gian chờ: ${what}`);
  };

  it('finishes a request in progress on SIGTERM, refuses new connections, then exits cleanly', async () => {
    const port = await freePort();
    const bin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CRON_ENABLED: 'false',
    };
    // Outside Jest's worker, as in production: the shutdown handler is installed.
    delete env.JEST_WORKER_ID;
    const child = spawn(process.execPath, [bin, 'start'], {
      cwd: CMS_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(
        async () => {
          if (child.exitCode !== null) throw new Error(`Strapi dừng khi khởi động:\n${output}`);
          return (await fetch(`http://127.0.0.1:${port}/_ready`).catch(() => null))?.status === 200;
        },
        'Strapi sẵn sàng',
        90_000,
      );

      // A sign-in whose body is still arriving when the signal comes.
      const body = JSON.stringify({ identifier: 'khong-ai@example.vn', password: 'Mat-khau-sai-2026' });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString('utf8')));
      const answered = new Promise((resolve) => socket.once('end', resolve));
      socket.write(
        'POST /api/accounts/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 12)}`,
      );
      // Let the server read the headers: from then on the request is in progress, not an idle connection.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      child.kill('SIGTERM');
      await until(() => refuses(port), 'máy chủ ngừng nhận kết nối mới', 10_000);
      // The rest of the body, as a browser sends it (no half-close): the answer must still come.
      socket.write(body.slice(12));
      await answered;
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
      expect(response).toContain('"error"');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // Up to 90 s to boot on a busy machine, then the shutdown itself.
  }, 150_000);
});

describe('security baseline', () => {
  const api = () => request(app.strapi.server.httpServer);

  it('sends security headers with a strict Content-Security-Policy', async () => {
    for (const path of ['/api/products', '/admin', '/uploads/khong-co.jpg', '/api/khong-co']) {
      const res = await api().get(path);
      // The software behind the answer is not announced.
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      const csp = res.headers['content-security-policy'] as string;
      for (const directive of [
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "default-src 'self'",
      ])
        expect(csp).toContain(directive);
    }
  });

  it("answers cross-origin requests from the site's origins only", async () => {
    const site = await api().get('/api/products').set('Origin', 'http://localhost:4321');
    expect(site.headers['access-control-allow-origin']).toBe('http://localhost:4321');
    const other = await api().get('/api/products').set('Origin', 'https://trang-gia-mao.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api()
      .options('/api/accounts/login')
      .set('Origin', 'https://trang-gia-mao.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives staff access tokens that expire after 30 minutes', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const [, payload] = officer.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(30 * 60);
  });
});

describe('audit log of staff actions', () => {
  const AUDIT = 'plugin::core.audit-entry';
  const api = () => request(app.strapi.server.httpServer);
  // Strapi emits its admin events without waiting for the subscribers: give the entry a moment.
  const eventually = async <T>(read: () => Promise<T | undefined>): Promise<T | undefined> => {
    for (let i = 0; i < 50; i += 1) {
      const value = await read();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  };
  const entries = async (action: string) =>
    (await app.strapi.db.query(AUDIT).findMany({ where: { action }, orderBy: { id: 'desc' } })) as {
      action: string;
      actorId: number | null;
      actorEmail: string | null;
      actorName: string | null;
      target: string | null;
      details: Record<string, unknown> | null;
      ip: string | null;
    }[];

  it('records sign-ins, failed sign-ins, role changes and locking, and the super admin alone reads it', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const boss = await makeOfficer(app.strapi, 'super_admin', []);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: boss.id }, data: { firstname: 'Thị Thanh', lastname: 'Nguyễn' } });
    // Officers are named as they are called, họ, tên đệm, tên, beside their email.
    const officerName = (await app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: officer.id }, select: ['firstname', 'lastname'] })) as {
      firstname: string;
      lastname: string;
    };
    expect(
      await eventually(async () => (await entries('admin.login')).find((e) => e.actorId === officer.id)),
    ).toMatchObject({
      actorEmail: officer.email,
      actorName: `${officerName.lastname} ${officerName.firstname}`,
      ip: expect.any(String),
    });

    await api()
      .post('/admin/login')
      .send({ email: officer.email, password: 'Sai-mat-khau-2026' })
      .expect(400);
    expect(await eventually(async () => (await entries('admin.login_failed'))[0])).toMatchObject({
      actorId: null,
      actorEmail: officer.email,
    });

    const role = (await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'sgd-specialist' } })) as {
      id: number;
      name: string;
      description: string;
    };
    await api()
      .put(`/admin/roles/${role.id}`)
      .set('Authorization', `Bearer ${boss.token}`)
      .send({ name: role.name, description: `${role.description} (đã rà soát)` })
      .expect(200);
    expect(await eventually(async () => (await entries('role.update'))[0])).toMatchObject({
      actorId: boss.id,
      actorEmail: boss.email,
      target: 'role:sgd-specialist',
    });

    const seller = await makeSeller(app.strapi, { name: unique('Cơ sở Mắm Châu Đốc') });
    await api()
      .post('/workflow/locks')
      .set('Authorization', `Bearer ${boss.token}`)
      .send({
        uid: 'plugin::sellers.seller',
        documentId: seller.documentId,
        reason: 'Bán hàng giả nhãn hiệu.',
      })
      .expect(200);
    expect((await entries('workflow.lock'))[0]).toMatchObject({
      actorId: boss.id,
      actorName: 'Nguyễn Thị Thanh',
      target: `plugin::sellers.seller:${seller.documentId}`,
    });

    const list = (token: string) =>
      api().get(`/content-manager/collection-types/${AUDIT}`).set('Authorization', `Bearer ${token}`);
    expect((await list(officer.token)).status).toBe(403);
    const read = await list(boss.token);
    expect(read.status).toBe(200);
    expect(read.body.results.length).toBeGreaterThan(0);

    const [last] = await entries('workflow.lock');
    await expect(
      app.strapi.db
        .query(AUDIT)
        .updateMany({ where: { action: 'workflow.lock' }, data: { actorEmail: 'x' } }),
    ).rejects.toThrow('Nhật ký thao tác không được sửa hoặc xóa.');
    await expect(app.strapi.db.query(AUDIT).deleteMany({ where: { action: 'admin.login' } })).rejects.toThrow(
      'Nhật ký thao tác không được sửa hoặc xóa.',
    );
    expect((await entries('workflow.lock'))[0]).toEqual(last);
  });
});
