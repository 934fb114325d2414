import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import request from 'supertest';
import sharp from 'sharp';
import { createLimiter, type RateLimits } from '@sgd/plugin-accounts';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makePost, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { login as loginStaff, makeOfficer, PASSWORD as STAFF_PASSWORD, type Officer } from '../staff';
import { coreService } from '@sgd/plugin-core';

/**
 * Registration and sign-in (QC Điều 8) and personal data (QC Điều 16): codes are read from a real
 * local SMTP server and a local HTTP SMS gateway; limits, enumeration and bypass attempts.
 */
let app: TestApp;
const mailbox = new Mailbox();
const sms: { to: string; text: string; auth: string | undefined }[] = [];
let smsServer: http.Server;
const SMS_TOKEN = 'sms-token-thu';
const PASSWORD = 'Xoai-cat-Hoa-Loc-2026';
const U = 'plugin::users-permissions.user';

const api = () => request(app.strapi.server.httpServer);
const limits = () => app.strapi.plugin('accounts').service('rate-limit') as RateLimits;
const limiter = limits;
const accountsService = () =>
  app.strapi.plugin('accounts').service('accounts') as { settled(): Promise<void>; hold(): () => void };
const OUTBOX = 'plugin::core.outbox-message';
const email = () => `${unique('khach').replace(/\s+/g, '.').toLowerCase()}@example.vn`;
let phoneCounter = 0;
/** A fresh Vietnamese mobile number per test: 0912 + 6 digits. */
const phone = () => `0912${String(Date.now() % 100000).padStart(5, '0')}${phoneCounter++ % 10}`;

const lastCode = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? null;
const mailCode = (to: string) => {
  const mails = mailbox.to(to);
  return mails.length ? lastCode(mails[mails.length - 1].text) : null;
};
const smsCode = (to: string) => {
  const messages = sms.filter((m) => m.to === to);
  return messages.length ? lastCode(messages[messages.length - 1].text) : null;
};
const mailsTo = (to: string, count: number) => mailbox.waitFor(to, count);

const register = (identifier: string, overrides: Record<string, unknown> = {}) =>
  api()
    .post('/api/accounts/register')
    .send({ identifier, password: PASSWORD, fullName: 'Nguyễn Thị Mai', acceptPrivacy: true, ...overrides });

async function activatedByEmail() {
  const address = email();
  await register(address).expect(202);
  await mailsTo(address, 1);
  const res = await api()
    .post('/api/accounts/activate')
    .send({ identifier: address, code: mailCode(address) });
  expect(res.status).toBe(200);
  return { email: address, jwt: res.body.data.jwt as string, id: res.body.data.user.id as number };
}

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  smsServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const message = JSON.parse(body) as { to: string; text: string };
      sms.push({ ...message, auth: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => smsServer.listen(0, '127.0.0.1', resolve));
  process.env.SMS_PROVIDER = 'http';
  process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${(smsServer.address() as AddressInfo).port}/sms`;
  process.env.SMS_GATEWAY_TOKEN = SMS_TOKEN;
  app = await bootStrapi('accounts');
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
  await new Promise((resolve) => smsServer.close(resolve));
});
beforeEach(() => limiter().reset());

describe('registration by email', () => {
  it('sends a 6-digit code by email, activates with it, records consent, and signs in', async () => {
    const address = email();
    const res = await register(address.toUpperCase());
    expect(res.status).toBe(202);
    expect(res.body.data.message).toContain('mã gồm 6 chữ số đã được gửi');

    const [mail] = await mailsTo(address, 1);
    expect(mail.subject).toMatch(/^Mã kích hoạt tài khoản Sàn giao dịch: \d{6}$/);
    expect(mail.text).toContain('Xin chào Nguyễn Thị Mai');
    const code = mailCode(address);

    const early = await api().post('/api/accounts/login').send({ identifier: address, password: PASSWORD });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('Tài khoản chưa kích hoạt. Hãy nhập mã kích hoạt đã gửi cho bạn.');

    const activated = await api().post('/api/accounts/activate').send({ identifier: address, code });
    expect(activated.status).toBe(200);
    expect(activated.body.data.jwt).toEqual(expect.any(String));
    const policy = (await app.strapi.db.query('api::legal-document.legal-document').findOne({
      where: { series: 'chinh-sach-bao-ve-du-lieu-ca-nhan', publishedAt: { $notNull: true } },
      orderBy: { effectiveFrom: 'desc' },
    })) as { version: string };
    expect(activated.body.data.user).toMatchObject({
      email: address,
      fullName: 'Nguyễn Thị Mai',
      confirmed: true,
      role: 'authenticated',
      consent: { privacyPolicyVersion: policy.version, at: expect.any(String) },
    });
    expect(JSON.stringify(activated.body)).not.toContain('password');

    const login = await api()
      .post('/api/accounts/login')
      .send({ identifier: ` ${address} `, password: PASSWORD });
    expect(login.status).toBe(200);
    const me = await api().get('/api/accounts/me').set('Authorization', `Bearer ${login.body.data.jwt}`);
    expect(me.body.data.email).toBe(address);
  });

  it('refuses weak passwords, a missing consent and fields nobody may set, each with a message', async () => {
    const address = email();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ password: 'Ab1!xyz' }, 'password', 'Mật khẩu cần ít nhất 8 ký tự.'],
      [
        { password: 'matkhau123' },
        'password',
        'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
      ],
      [
        { password: 'Password1' },
        'password',
        'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
      ],
      [
        { password: '98765432' },
        'password',
        'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
      ],
      [
        { password: `${address.split('@')[0]}!2026` },
        'password',
        'Mật khẩu không được chứa email hoặc số điện thoại của bạn.',
      ],
      [
        { password: 'ă'.repeat(40) },
        'password',
        'Mật khẩu quá dài (tối đa 72 byte, khoảng 72 ký tự không dấu).',
      ],
      [
        { acceptPrivacy: false },
        'acceptPrivacy',
        'Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.',
      ],
      [
        { acceptPrivacy: 'on' },
        'acceptPrivacy',
        'Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.',
      ],
      [
        { identifier: '0123' },
        'identifier',
        'Email hoặc số điện thoại di động chưa đúng (ví dụ: ten@example.vn hoặc 0912345678).',
      ],
      [{ fullName: ' ' }, 'fullName', 'Hãy nhập họ và tên.'],
      [{ role: 1 }, '', 'Biểu mẫu có trường không được phép.'],
      [{ confirmed: true }, '', 'Biểu mẫu có trường không được phép.'],
    ];
    for (const [overrides, path, message] of cases) {
      await limiter().reset(); // this test is about the messages, not the registration limit
      const res = await register(address, overrides);
      expect([res.status, res.body.error.message]).toEqual([400, expect.stringContaining(message)]);
      if (path)
        expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(path);
    }
    // A long passphrase is fine.
    expect((await register(address, { password: 'một câu dài dễ nhớ cho tài khoản của tôi' })).status).toBe(
      202,
    );
    expect(await app.strapi.db.query(U).count({ where: { email: address } })).toBe(1);
  });
});

describe('when mail cannot be sent', () => {
  it('says so (503) and lets the person try again at once, without a cool-down', async () => {
    const address = email();
    const port = mailbox.port;
    await mailbox.stop();
    try {
      const down = await register(address);
      expect([down.status, down.body.error.message]).toEqual([
        503,
        'Chưa gửi được thư lúc này. Vui lòng thử lại sau ít phút.',
      ]);
    } finally {
      await mailbox.start(port);
    }
    expect((await register(address)).status).toBe(202);
    await mailsTo(address, 1);
    await api()
      .post('/api/accounts/activate')
      .send({ identifier: address, code: mailCode(address) })
      .expect(200);
  });
});

describe('registration by phone', () => {
  it('sends the code through the SMS gateway, activates, and signs in with any way of writing the number', async () => {
    const number = phone();
    const international = `+84${number.slice(1)}`;
    const res = await register(international);
    expect(res.status).toBe(202);
    expect(res.body.data.message).toContain(`${number.slice(0, 4)}***${number.slice(-3)}`);
    const message = sms.find((m) => m.to === number);
    expect(message?.auth).toBe(`Bearer ${SMS_TOKEN}`);
    const activated = await api()
      .post('/api/accounts/activate')
      .send({ identifier: number, code: smsCode(number) });
    expect(activated.status).toBe(200);
    expect(activated.body.data.user).toMatchObject({ phone: number, email: null });

    const spaced = `${number.slice(0, 4)} ${number.slice(4, 7)} ${number.slice(7)}`;
    const login = await api().post('/api/accounts/login').send({ identifier: spaced, password: PASSWORD });
    expect(login.status).toBe(200);
  });
});

describe('codes', () => {
  it('refuses a wrong code, kills it after five wrong tries, and refuses an expired one', async () => {
    const number = phone();
    await register(number).expect(202);
    const code = smsCode(number) as string;
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await api().post('/api/accounts/activate').send({ identifier: number, code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Mã không đúng, đã hết hạn hoặc đã bị hủy do nhập sai quá nhiều lần. Hãy yêu cầu mã mới.',
    );
    for (let i = 0; i < 4; i += 1)
      await api().post('/api/accounts/activate').send({ identifier: number, code: wrong }).expect(400);
    // The sixth try, with the right code, is too late.
    await api().post('/api/accounts/activate').send({ identifier: number, code }).expect(400);

    const other = phone();
    await register(other).expect(202);
    await app.strapi.db
      .query('plugin::accounts.code')
      .updateMany({ where: { target: other }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api()
      .post('/api/accounts/activate')
      .send({ identifier: other, code: smsCode(other) });
    expect(expired.status).toBe(400);
  });

  it('resends only after the cool-down, and the new code replaces the old one', async () => {
    const address = email();
    await register(address).expect(202);
    const first = mailCode(address) ?? (await mailsTo(address, 1), mailCode(address));
    await api().post('/api/accounts/resend').send({ identifier: address }).expect(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailbox.to(address)).toHaveLength(1); // within 60 s: nothing new

    await app.strapi.db
      .query('plugin::accounts.code')
      .updateMany({ where: { target: address }, data: { sentAt: new Date(Date.now() - 61_000) } });
    await api().post('/api/accounts/resend').send({ identifier: address }).expect(202);
    await mailsTo(address, 2);
    const second = mailCode(address);
    if (second !== first)
      await api().post('/api/accounts/activate').send({ identifier: address, code: first }).expect(400);
    await api().post('/api/accounts/activate').send({ identifier: address, code: second }).expect(200);
  });
});

describe('no account enumeration', () => {
  it('answers register, login, resend and forgot the same whether or not the account exists', async () => {
    const known = await activatedByEmail();
    const unknown = email();

    const again = await register(known.email);
    const fresh = await register(unknown);
    expect(again.status).toBe(fresh.status);
    expect(again.body.data.message.replace(/\S+@\S+/, '')).toBe(
      fresh.body.data.message.replace(/\S+@\S+/, ''),
    );
    const notices = await mailsTo(known.email, 2);
    expect(notices[1].subject).toBe('Có yêu cầu đăng ký mới bằng địa chỉ của bạn');
    expect(lastCode(notices[1].text)).toBeNull();
    // The existing account keeps its password.
    await api().post('/api/accounts/login').send({ identifier: known.email, password: PASSWORD }).expect(200);

    const wrongPassword = await api()
      .post('/api/accounts/login')
      .send({ identifier: known.email, password: 'Sai-mat-khau-2026' });
    const noAccount = await api()
      .post('/api/accounts/login')
      .send({ identifier: email(), password: PASSWORD });
    expect([wrongPassword.status, wrongPassword.body.error.message]).toEqual([
      noAccount.status,
      noAccount.body.error.message,
    ]);
    expect(noAccount.body.error.message).toBe('Email/số điện thoại hoặc mật khẩu không đúng.');

    for (const path of ['/api/accounts/password/forgot', '/api/accounts/resend']) {
      const a = await api().post(path).send({ identifier: known.email });
      const b = await api()
        .post(path)
        .send({ identifier: unknown.replace('khach', 'khong') });
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(a.body.data.message.replace(/\S+@\S+/, '')).toBe(b.body.data.message.replace(/\S+@\S+/, ''));
    }
  });
});

describe('forgotten password: the same work whether or not the account exists', () => {
  it('answers before looking the account up, then sends the code through the outbox', async () => {
    const known = await activatedByEmail();
    const unknown = email();
    const codes = () =>
      app.strapi.db
        .query('plugin::accounts.code')
        .count({ where: { purpose: 'reset', target: { $in: [known.email, unknown] } } });
    const outbox = () =>
      app.strapi.db
        .query(OUTBOX)
        .findMany({ where: { recipient: { $in: [known.email, unknown] } } }) as Promise<
        { recipient: string; subject: string; status: string }[]
      >;
    const release = accountsService().hold();
    try {
      const existing = await api().post('/api/accounts/password/forgot').send({ identifier: known.email });
      const nobody = await api().post('/api/accounts/password/forgot').send({ identifier: unknown });
      expect([existing.status, nobody.status]).toEqual([202, 202]);
      expect(existing.body.data.message.replace(/\S+@\S+/, '')).toBe(
        nobody.body.data.message.replace(/\S+@\S+/, ''),
      );
      // Both answered while nothing about either account had been looked up or written.
      expect(await codes()).toBe(0);
      expect(await outbox()).toEqual([]);
    } finally {
      release();
    }
    await accountsService().settled();
    expect(await codes()).toBe(1);
    expect(await outbox()).toEqual([
      expect.objectContaining({
        recipient: known.email,
        subject: expect.stringMatching(/^Mã đặt lại mật khẩu Sàn giao dịch: \d{6}$/),
        status: 'sent',
      }),
    ]);
    const [, mail] = await mailsTo(known.email, 2);
    expect(lastCode(mail.text)).toEqual(expect.any(String));
    expect(mailbox.to(unknown)).toEqual([]);
  });

  it('keeps the code in the outbox while the mail server is down, and sends it when it is back', async () => {
    const user = await activatedByEmail();
    const port = mailbox.port;
    await mailbox.stop();
    try {
      await api().post('/api/accounts/password/forgot').send({ identifier: user.email }).expect(202);
      await accountsService().settled();
    } finally {
      await mailbox.start(port);
    }
    const row = (await app.strapi.db.query(OUTBOX).findOne({ where: { recipient: user.email } })) as {
      status: string;
      attempts: number;
    };
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    await coreService(app.strapi, 'outbox').deliver(new Date(Date.now() + 5 * 60_000));
    const [, mail] = await mailsTo(user.email, 2);
    await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code: lastCode(mail.text), password: 'Mat-khau-sau-su-co-2026' })
      .expect(200);
  });
});

describe('password reset', () => {
  it('resets with a code by email; the old password and the used code stop working', async () => {
    const user = await activatedByEmail();
    await api().post('/api/accounts/password/forgot').send({ identifier: user.email }).expect(202);
    const [, mail] = await mailsTo(user.email, 2);
    expect(mail.subject).toMatch(/^Mã đặt lại mật khẩu Sàn giao dịch: \d{6}$/);
    const code = lastCode(mail.text);

    const weak = await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code, password: '12345678' });
    expect(weak.status).toBe(400);
    const next = 'Bánh-pía-Sóc-Trăng-88';
    const done = await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code, password: next });
    expect(done.status).toBe(200);
    await api().post('/api/accounts/login').send({ identifier: user.email, password: PASSWORD }).expect(400);
    await api().post('/api/accounts/login').send({ identifier: user.email, password: next }).expect(200);
    await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code, password: 'Mot-mat-khau-khac-99' })
      .expect(400);
  });

  it('resets by phone through the SMS gateway', async () => {
    const number = phone();
    await register(number).expect(202);
    await api()
      .post('/api/accounts/activate')
      .send({ identifier: number, code: smsCode(number) })
      .expect(200);
    await api().post('/api/accounts/password/forgot').send({ identifier: number }).expect(202);
    await accountsService().settled();
    expect(sms.filter((m) => m.to === number)).toHaveLength(2);
    await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: number, code: smsCode(number), password: 'Lua-mua-Thap-Muoi-7' })
      .expect(200);
    await api()
      .post('/api/accounts/login')
      .send({ identifier: number, password: 'Lua-mua-Thap-Muoi-7' })
      .expect(200);
  });
});

describe('sessions end with what should end them', () => {
  const me = (jwt: string) => api().get('/api/accounts/me').set('Authorization', `Bearer ${jwt}`);
  const signIn = async (identifier: string, password = PASSWORD) => {
    const res = await api().post('/api/accounts/login').send({ identifier, password });
    expect(res.status).toBe(200);
    return res.body.data.jwt as string;
  };

  it('refuses every token issued before a password reset (the probe: the old token answered 200)', async () => {
    const user = await activatedByEmail();
    const other = await signIn(user.email);
    expect((await me(user.jwt)).status).toBe(200);
    await api().post('/api/accounts/password/forgot').send({ identifier: user.email }).expect(202);
    const [, mail] = await mailsTo(user.email, 2);
    const next = 'Mat-khau-moi-Sa-Dec-2026';
    await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code: lastCode(mail.text), password: next })
      .expect(200);
    for (const old of [user.jwt, other]) expect((await me(old)).status).toBe(401);
    expect((await me(await signIn(user.email, next))).status).toBe(200);
  });

  it('refuses the tokens of a locked account, and still after it is unlocked', async () => {
    const user = await activatedByEmail();
    const boss = await makeOfficer(app.strapi, 'super_admin', []);
    const { documentId } = (await app.strapi.db.query(U).findOne({ where: { id: user.id } })) as {
      documentId: string;
    };
    const admin = (path: string) =>
      api()
        .post(path)
        .set('Authorization', `Bearer ${boss.token}`)
        .send({ uid: U, documentId, reason: 'Đăng tin lừa đảo nhiều lần.' });
    expect((await admin('/workflow/locks')).status).toBe(200);
    expect((await me(user.jwt)).status).toBe(401);
    expect((await admin('/workflow/unlocks')).status).toBe(200);
    expect((await me(user.jwt)).status).toBe(401);
    expect((await me(await signIn(user.email))).status).toBe(200);
  });

  it('signs a person out everywhere: POST /api/accounts/me/sign-out-everywhere', async () => {
    const user = await activatedByEmail();
    const phoneSession = await signIn(user.email);
    const extra = await api()
      .post('/api/accounts/me/sign-out-everywhere')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ all: true });
    expect([extra.status, extra.body.error.message]).toEqual([400, 'Biểu mẫu có trường không được phép.']);
    const res = await api()
      .post('/api/accounts/me/sign-out-everywhere')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({});
    expect(res.status).toBe(200);
    expect(res.body.data.message).toBe('Đã đăng xuất khỏi mọi thiết bị. Hãy đăng nhập lại để tiếp tục.');
    for (const old of [user.jwt, phoneSession]) expect((await me(old)).status).toBe(401);
    expect((await api().post('/api/accounts/me/sign-out-everywhere').send({})).status).toBe(403);
    expect((await me(await signIn(user.email))).status).toBe(200);
  });

  it("ends a staff member's sessions when the super admin sets a password, deactivates or deletes them, or they change their own", async () => {
    const boss = await makeOfficer(app.strapi, 'super_admin', []);
    const asBoss = (call: request.Test) => call.set('Authorization', `Bearer ${boss.token}`);
    const adminMe = (token: string) => api().get('/admin/users/me').set('Authorization', `Bearer ${token}`);
    const newPassword = 'Can-bo-doi-mat-khau-2027!';

    const reset = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    expect((await adminMe(reset.token)).status).toBe(200);
    await asBoss(api().put(`/admin/users/${reset.id}`))
      .send({ password: newPassword })
      .expect(200);
    expect((await adminMe(reset.token)).status).toBe(401);

    const paused = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    await asBoss(api().put(`/admin/users/${paused.id}`))
      .send({ isActive: false })
      .expect(200);
    await asBoss(api().put(`/admin/users/${paused.id}`))
      .send({ isActive: true })
      .expect(200);
    expect((await adminMe(paused.token)).status).toBe(401);
    expect((await adminMe(await loginStaff(app.strapi, paused.email))).status).toBe(200);

    const gone = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    await asBoss(api().delete(`/admin/users/${gone.id}`)).expect(200);
    expect((await adminMe(gone.token)).status).toBe(401);

    const own = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const other = await loginStaff(app.strapi, own.email);
    await api()
      .put('/admin/users/me')
      .set('Authorization', `Bearer ${own.token}`)
      .send({ currentPassword: STAFF_PASSWORD, password: newPassword })
      .expect(200);
    for (const token of [own.token, other]) expect((await adminMe(token)).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('counts failed sign-ins per address, not successful ones, whatever the body, case or slash', async () => {
    const user = await activatedByEmail();
    // The mechanism with a small allowance (the real one, for a NAT, is tested below).
    limits().useLimits({ login: { points: 10, duration: 900, counts: 'failures' } });
    try {
      for (let i = 0; i < 15; i += 1)
        await api()
          .post('/api/accounts/login')
          .send({ identifier: user.email, password: PASSWORD })
          .expect(200);
      for (let i = 0; i < 10; i += 1) {
        await api().post('/api/accounts/login').send({ identifier: email(), password: PASSWORD }).expect(400);
      }
      const limited = await api()
        .post('/api/accounts/login')
        .send({ identifier: user.email, password: PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body.error.message).toBe('Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 15 phút.');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
      for (const path of [
        '/API/Accounts/Login',
        '/api/accounts/login/',
        '/api/accounts//login',
        '/api/accounts/%6Cogin',
      ]) {
        const res = await api().post(path).send({ identifier: email(), password: PASSWORD });
        expect([path, res.status]).toEqual([path, 429]);
      }
      // Users & Permissions' own sign-in counts in the same group.
      expect(
        (await api().post('/api/auth/local').send({ identifier: email(), password: PASSWORD })).status,
      ).toBe(429);
      // Other groups keep their own count.
      expect((await register(email())).status).toBe(202);
    } finally {
      limits().useLimits(null);
    }
  });

  it('slows the attempts on one account, however it is written, then blocks it; a reset lifts the block', async () => {
    const user = await activatedByEmail();
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
    const guess = (i: number) =>
      api()
        .post('/api/accounts/login')
        .send({ identifier: spellings[i % spellings.length], password: `Doan-sai-${i}-2026` });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await guess(i)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    // Slowed: a wait of at most the first tier's window.
    const slowed = await guess(5);
    expect(slowed.status).toBe(429);
    expect(slowed.body.error.message).toBe(
      'Đã có nhiều lần thử với tài khoản này. Vui lòng thử lại sau 15 phút.',
    );
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(900);
    // Even the right password waits: the attempt is not even checked.
    expect(
      (await api().post('/api/accounts/login').send({ identifier: user.email, password: PASSWORD })).status,
    ).toBe(429);
    for (let i = 7; i < 20; i += 1) expect((await guess(i)).status).toBe(429);
    // Blocked after 20 attempts: for a day.
    const blocked = await guess(20);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toBe(
      'Tài khoản này tạm ngừng nhận yêu cầu trong 24 giờ vì có quá nhiều lần thử. Nếu đây là tài khoản của bạn, hãy dùng "Quên mật khẩu" để đặt lại mật khẩu.',
    );
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(86_000);
    // Another account from the same address is not touched.
    const other = await activatedByEmail();
    await api().post('/api/accounts/login').send({ identifier: other.email, password: PASSWORD }).expect(200);
    // The owner resets the password: the block is lifted.
    await api().post('/api/accounts/password/forgot').send({ identifier: user.email }).expect(202);
    await accountsService().settled();
    const [, mail] = await mailsTo(user.email, 2);
    const next = 'Mat-khau-sau-khi-bi-doan-2026';
    await api()
      .post('/api/accounts/password/reset')
      .send({ identifier: user.email, code: lastCode(mail.text), password: next })
      .expect(200);
    await api().post('/api/accounts/login').send({ identifier: user.email, password: next }).expect(200);
  });

  it('lets 50 people behind one address sign up and sign in within the hour (a NAT)', async () => {
    const people = Array.from({ length: 50 }, () => email());
    for (const address of people) await register(address).expect(202);
    for (const address of people) {
      await mailsTo(address, 1);
      await api()
        .post('/api/accounts/activate')
        .send({ identifier: address, code: mailCode(address) })
        .expect(200);
    }
    // A few mistype their password first, as people do.
    for (const address of people.slice(0, 10))
      await api()
        .post('/api/accounts/login')
        .send({ identifier: address, password: 'Go-nham-2026' })
        .expect(400);
    for (const address of people)
      await api().post('/api/accounts/login').send({ identifier: address, password: PASSWORD }).expect(200);
  }, 240_000);

  it('limits the messages sent to one address and the code checks of one account', async () => {
    const groups: [string, (identifier: string) => object, number][] = [
      [
        '/api/accounts/register',
        (identifier) => ({ identifier, password: PASSWORD, fullName: 'Lê Văn An', acceptPrivacy: true }),
        5,
      ],
      ['/api/accounts/activate', (identifier) => ({ identifier, code: '123456' }), 10],
      ['/api/accounts/password/forgot', (identifier) => ({ identifier }), 5],
    ];
    for (const [path, body, max] of groups) {
      const target = email();
      for (let i = 0; i < max; i += 1)
        expect((await api().post(path).send(body(target))).status).not.toBe(429);
      expect((await api().post(path.toUpperCase()).send(body(target.toUpperCase()))).status).toBe(429);
      // Another address is another count.
      expect((await api().post(path).send(body(email()))).status).not.toBe(429);
    }
  });

  it('shares the counts between instances through Redis', async () => {
    const a = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
    const b = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
    await Promise.all([a.connect(), b.connect()]);
    const prefix = `sgd:test:${unique('rl').replace(/\W/g, '')}`;
    const one = createLimiter({ points: 3, duration: 900 }, prefix, a);
    const two = createLimiter({ points: 3, duration: 900 }, prefix, b);
    try {
      expect((await one.consume('203.0.113.7')).consumedPoints).toBe(1);
      expect((await two.consume('203.0.113.7')).consumedPoints).toBe(2);
      const third = await one.consume('203.0.113.7');
      expect(third.consumedPoints).toBe(3);
      expect(third.msBeforeNext).toBeGreaterThan(890_000);
      await expect(two.consume('203.0.113.7')).rejects.toMatchObject({ remainingPoints: 0 });
      await one.delete('203.0.113.7');
      expect((await two.consume('203.0.113.7')).consumedPoints).toBe(1);
      await two.delete('203.0.113.7');
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it("closes Users & Permissions' own register and reset routes", async () => {
    const res = await api()
      .post('/api/auth/local/register')
      .send({ username: 'ke-gian', email: email(), password: PASSWORD });
    expect(res.status).toBe(410);
    expect(res.body.error.message).toBe('Đường dẫn này không dùng trên Sàn. Hãy dùng /api/accounts.');
    expect((await api().post('/api/auth/forgot-password').send({ email: email() })).status).toBe(410);
  });
});

describe('personal data (QC Điều 16)', () => {
  it('shows and corrects the profile, but nobody sets their own email, phone or role there', async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    const updated = await api().put('/api/accounts/me').set(as).send({ fullName: 'Nguyễn Thị Mai Anh' });
    expect(updated.status).toBe(200);
    expect(updated.body.data.fullName).toBe('Nguyễn Thị Mai Anh');
    for (const field of [
      { role: 3 },
      { email: 'khac@example.vn' },
      { confirmed: true },
      { blocked: false },
    ]) {
      const res = await api()
        .put('/api/accounts/me')
        .set(as)
        .send({ fullName: 'Ai đó', ...field });
      expect(res.status).toBe(400);
    }
    expect((await api().get('/api/accounts/me')).status).toBe(403);
  });

  it('downloads everything stored about me as JSON, without secrets or staff notes', async () => {
    const user = await activatedByEmail();
    const post = await makePost(app.strapi, { owner: user.id, title: unique('Cần mua 2 tấn khoai lang') });
    const res = await api().get('/api/accounts/me/export').set('Authorization', `Bearer ${user.jwt}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="du-lieu-cua-toi-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.body.profile).toMatchObject({ email: user.email, fullName: 'Nguyễn Thị Mai' });
    expect(res.body['supply-demand-post'].map((p: { title: string }) => p.title)).toEqual([post.title]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('Ghi chú nội bộ');
    expect(text).not.toMatch(/"password"|\$2[aby]\$/);
  });

  it('deletes my account: personal fields erased, my posts gone, the old session refused', async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    const post = await makePost(app.strapi, { owner: user.id });
    // The post waits in an officer's inbox.
    const TASK = 'plugin::workflow.task';
    const task = (await app.strapi.db.query(TASK).create({
      data: {
        workflow: 'post_moderation',
        targetUid: 'plugin::catalog.supply-demand-post',
        targetDocumentId: post.documentId,
        title: String(post.title),
        state: 'in_review',
        submitterUserId: user.id,
        submittedAt: new Date(),
        stageStartedAt: new Date(),
      },
    })) as { id: number };
    const wrong = await api().post('/api/accounts/me/delete').set(as).send({ password: 'Khong-dung-2026' });
    expect([wrong.status, wrong.body.error.message]).toEqual([400, 'Mật khẩu không đúng.']);

    const done = await api().post('/api/accounts/me/delete').set(as).send({ password: PASSWORD });
    expect(done.status).toBe(200);
    const row = (await app.strapi.db.query(U).findOne({ where: { id: user.id } })) as Record<string, unknown>;
    expect(row).toMatchObject({ email: null, phone: null, fullName: null, blocked: true });
    expect(row.deletedAt).not.toBeNull();
    expect(
      await app.strapi.db
        .query('plugin::catalog.supply-demand-post')
        .count({ where: { documentId: post.documentId } }),
    ).toBe(0);
    // Its submission is closed, with the reason in the history: no inbox keeps work about nothing.
    expect(await app.strapi.db.query(TASK).findOne({ where: { id: task.id } })).toMatchObject({
      state: 'cancelled',
      lastAction: 'cancel',
    });
    expect(
      await app.strapi.db
        .query('plugin::workflow.history-entry')
        .findOne({ where: { taskId: task.id, action: 'cancel' } }),
    ).toMatchObject({ toState: 'cancelled', comment: 'Nội dung đã bị xóa nên hồ sơ được đóng.' });
    expect((await api().get('/api/accounts/me').set(as)).status).toBe(401);
    await api().post('/api/accounts/login').send({ identifier: user.email, password: PASSWORD }).expect(400);
    // The address can register again as a new person.
    expect((await register(user.email)).status).toBe(202);
  });

  it('sends a data-subject request to the staff queue with a 2-working-day deadline, and answers it', async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    const bad = await api()
      .post('/api/accounts/me/data-requests')
      .set(as)
      .send({ kind: 'sell', details: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Hãy chọn loại yêu cầu.');

    const res = await api()
      .post('/api/accounts/me/data-requests')
      .set(as)
      .send({ kind: 'correction', details: 'Địa chỉ giao hàng trong các đơn cũ bị sai, xin sửa lại.' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ kind: 'correction', state: 'in_review' });
    // Two working days: counted by the same calendar as every other deadline.
    const calendar = await coreService(app.strapi, 'calendar').get();
    expect(res.body.data.dueAt).toBe(
      calendar.addWorkingDays(new Date(res.body.data.submittedAt), 2).toISOString(),
    );

    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const inbox = await api()
      .get('/workflow/tasks?type=plugin::accounts.data-request')
      .set('Authorization', `Bearer ${officer.token}`);
    const task = inbox.body.data.find(
      (t: { targetDocumentId: string }) => t.targetDocumentId === res.body.data.documentId,
    );
    expect(task.stageName).toBe('Xử lý yêu cầu');
    await api()
      .post(`/workflow/tasks/${task.id}/actions`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ action: 'approve', comment: 'Đã sửa địa chỉ trong 2 đơn hàng.' })
      .expect(200);
    const mine = await api().get('/api/accounts/me/data-requests').set(as);
    expect(mine.body.data[0].state).toBe('approved');
    const outbox = coreService(app.strapi, 'outbox');
    while ((await outbox.deliver(new Date())).sent > 0);
    const mail = (await mailsTo(user.email, 2)).find((m) => m.subject.includes('đã được xử lý'));
    expect(mail?.text).toContain('Đã sửa địa chỉ trong 2 đơn hàng.');
  });

  it('keeps the account of a verified seller until the exchange stops the business', async () => {
    const user = await activatedByEmail();
    await makeSeller(app.strapi, { owner: user.id });
    const res = await api()
      .post('/api/accounts/me/delete')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('doanh nghiệp đã xác thực');
  });
});

describe('seller onboarding (QC Điều 7, 12)', () => {
  // A 1×1 PNG: the scan of a licence.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const declaration = () => ({
    business: {
      legalForm: 'household',
      name: unique('Hộ kinh doanh Bánh phồng tôm Ba Vân'),
      citizenId: '087123456789',
      representative: 'Nguyễn Thị Vân',
      phone: '0918123456',
      address: 'Ấp 3, xã Mỹ An Hưng',
    },
    licences: [
      {
        type: 'food_safety',
        number: unique('ATTP-DK'),
        issuer: 'Sở Y tế tỉnh Đồng Tháp',
        issuedOn: '2025-05-01',
        expiresOn: '2028-05-01',
      },
    ],
  });
  const staff = {} as Record<'specialist' | 'division' | 'unit', Officer>;
  beforeAll(async () => {
    staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
    staff.unit = await makeOfficer(app.strapi, 'head_of_unit', ['SCT']);
  });
  const sellerTask = async (documentId: string) =>
    (await app.strapi.db.query('plugin::workflow.task').findOne({
      where: { targetUid: 'plugin::sellers.seller', targetDocumentId: documentId },
      orderBy: { id: 'desc' },
    })) as { id: number };
  const act = (officer: Officer, taskId: number, body: object) =>
    api()
      .post(`/workflow/tasks/${taskId}/actions`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send(body);

  it('declares a business with a licence scan, and after the three approvals the user is a seller, live', async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    const form = declaration();
    const res = await api()
      .post('/api/accounts/business')
      .set(as)
      .field('data', JSON.stringify(form))
      .attach('scan_0', PNG, { filename: 'giay-attp.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    const { seller, review } = res.body.data;
    expect(review.state).toBe('in_review');
    expect(seller).toMatchObject({
      name: form.business.name,
      verificationStatus: 'pending',
      citizenId: '087123456789',
    });
    expect(seller.licences[0].scan).toEqual({
      name: 'giay-attp.png',
      mime: 'image/png',
      uploadedAt: expect.any(String),
      purgedAt: null,
    });
    expect((await api().get(`/api/sellers/${seller.slug}`)).status).toBe(404);

    const again = await api().post('/api/accounts/business').set(as).send(declaration());
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('đã đăng ký một doanh nghiệp');

    const task = await sellerTask(seller.documentId);
    for (const officer of [staff.specialist, staff.division, staff.unit])
      expect((await act(officer, task.id, { action: 'approve' })).status).toBe(200);

    const me = await api().get('/api/accounts/me').set(as);
    expect(me.body.data.role).toBe('seller');
    const mine = await api().get('/api/accounts/business').set(as);
    expect(mine.body.data.publicUrl).toBe(`/doanh-nghiep/${seller.slug}`);
    const page = await api().get(`/api/sellers/${seller.slug}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain('087123456789');
    // A seller may still do what any signed-in user can.
    expect((await api().get('/api/accounts/me/export').set(as)).status).toBe(200);
  });

  it('shows a request for supplement with its reason, and sends the fixed declaration again', async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    const res = await api().post('/api/accounts/business').set(as).send(declaration());
    expect(res.status).toBe(201);
    const task = await sellerTask(res.body.data.seller.documentId);
    await act(staff.specialist, task.id, {
      action: 'request_supplement',
      comment: 'Bổ sung địa chỉ cơ sở sản xuất (số nhà, ấp).',
      internalComment: 'Ghi chú của cán bộ',
    }).expect(200);

    const view = await api().get('/api/accounts/business').set(as);
    expect(view.body.data.review.state).toBe('supplement_requested');
    expect(JSON.stringify(view.body)).toContain('Bổ sung địa chỉ cơ sở sản xuất');
    expect(JSON.stringify(view.body)).not.toContain('Ghi chú của cán bộ');

    const fixed = await api()
      .put('/api/accounts/business')
      .set(as)
      .send({ business: { address: 'Số 12, ấp 3, xã Mỹ An Hưng' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.seller.address).toBe('Số 12, ấp 3, xã Mỹ An Hưng');
    expect(fixed.body.data.review.state).toBe('in_review');
    expect(fixed.body.data.review.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'request_supplement',
      'resubmit',
    ]);
    const busy = await api()
      .put('/api/accounts/business')
      .set(as)
      .send({ business: { name: 'Tên khác' } });
    expect([busy.status, busy.body.error.message]).toEqual([
      400,
      'Hồ sơ đang được xem xét, chưa sửa được lúc này.',
    ]);
  });

  it("refuses status, owner, department and verification fields, and shows nobody else's business", async () => {
    const user = await activatedByEmail();
    const as = { Authorization: `Bearer ${user.jwt}` };
    for (const extra of [
      { verificationStatus: 'verified' },
      { owner: 1 },
      { department: 1 },
      { verifiedAt: '2026-01-01T00:00:00.000Z' },
      { vneidVerified: true },
    ]) {
      const form = declaration();
      const res = await api()
        .post('/api/accounts/business')
        .set(as)
        .send({ ...form, business: { ...form.business, ...extra } });
      expect([Object.keys(extra)[0], res.status]).toEqual([Object.keys(extra)[0], 400]);
    }
    const licenceExtra = declaration();
    (licenceExtra.licences[0] as Record<string, unknown>).verificationStatus = 'verified';
    expect((await api().post('/api/accounts/business').set(as).send(licenceExtra)).status).toBe(400);

    const other = await activatedByEmail();
    await api()
      .post('/api/accounts/business')
      .set({ Authorization: `Bearer ${other.jwt}` })
      .send(declaration())
      .expect(201);
    const mine = await api().get('/api/accounts/business').set(as);
    expect(mine.body.data).toBeNull();
    expect(
      (
        await api()
          .put('/api/accounts/business')
          .set(as)
          .send({ business: { name: 'Chiếm' } })
      ).status,
    ).toBe(404);
  });
});

describe('private scans: licence and citizen-ID scans (Law 91/2025, Decree 356/2025)', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const FILES = 'plugin::accounts.private-file';
  const UPLOADS = 'plugin::upload.file';
  interface FileView {
    id: number;
    kind: string;
    name: string;
    mime: string;
    size: number;
    purgedAt: string | null;
  }
  const purge = (now: Date) =>
    (
      app.strapi.plugin('accounts').service('private-files') as {
        purgeCitizenIdScans(now: Date): Promise<number>;
      }
    ).purgeCitizenIdScans(now);
  const filesOf = (officer: Officer, uid: string, documentId: string) =>
    api()
      .get('/accounts/private-files')
      .query({ uid, documentId })
      .set('Authorization', `Bearer ${officer.token}`);
  const content = (officer: Officer, id: number) =>
    api()
      .get(`/accounts/private-files/${id}/content`)
      .set('Authorization', `Bearer ${officer.token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const form = () => ({
    business: {
      legalForm: 'household',
      name: unique('Hộ kinh doanh Nem Lai Vung'),
      citizenId: '087223344556',
      representative: 'Trần Văn Lai',
      address: 'Ấp Long Thành, xã Lai Vung',
    },
    licences: [
      {
        type: 'food_safety',
        number: unique('ATTP-LV'),
        issuer: 'Sở Y tế tỉnh Đồng Tháp',
        issuedOn: '2025-03-01',
        expiresOn: '2028-03-01',
      },
    ],
  });
  const declare = (jwt: string, body = form()) =>
    api()
      .post('/api/accounts/business')
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify(body))
      .attach('scan_0', PDF, { filename: 'chung-nhan-attp.pdf', contentType: 'application/pdf' })
      .attach('citizenIdScan', PNG, { filename: 'cccd mat truoc.png', contentType: 'image/png' });

  let sct: Officer;
  let syt: Officer;
  let boss: Officer;
  beforeAll(async () => {
    sct = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    syt = await makeOfficer(app.strapi, 'specialist', ['SYT']);
    boss = await makeOfficer(app.strapi, 'super_admin', []);
  });

  it('keeps scans outside the media library and shows them only to the verifying department', async () => {
    const user = await activatedByEmail();
    const uploadsBefore = await app.strapi.db.query(UPLOADS).count({});
    const res = await declare(user.jwt);
    expect(res.status).toBe(201);
    const { seller } = res.body.data;
    expect(seller.citizenIdScan).toEqual({
      name: 'cccd mat truoc.png',
      mime: 'image/png',
      uploadedAt: expect.any(String),
      purgedAt: null,
    });
    expect(seller.licences[0].scan).toMatchObject({ name: 'chung-nhan-attp.pdf', mime: 'application/pdf' });
    // Nothing reaches the public media library or the uploads folder.
    expect(await app.strapi.db.query(UPLOADS).count({})).toBe(uploadsBefore);

    const listed = await filesOf(sct, 'plugin::sellers.seller', seller.documentId);
    expect(listed.status).toBe(200);
    const files = listed.body.data as FileView[];
    expect(files.map((f) => [f.kind, f.name, f.mime, f.size])).toEqual([
      // Images are kept re-encoded (without metadata): another size, the same picture.
      ['citizen_id_scan', 'cccd mat truoc.png', 'image/png', expect.any(Number)],
      ['licence_scan', 'chung-nhan-attp.pdf', 'application/pdf', PDF.length],
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/storageKey|sha256/);
    const licenceFiles = await filesOf(sct, 'plugin::sellers.licence', seller.licences[0].documentId);
    expect((licenceFiles.body.data as FileView[]).map((f) => f.kind)).toEqual(['licence_scan']);

    const scan = await content(sct, files[0].id);
    expect(scan.status).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.headers['cache-control']).toBe('private, no-store');
    expect(scan.headers['x-content-type-options']).toBe('nosniff');
    expect((scan.body as Buffer).length).toBe(files[0].size);
    expect(await sharp(scan.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    // Every opening of a private file is in the audit log, with who opened it.
    expect(
      await app.strapi.db.query('plugin::core.audit-entry').count({
        where: { action: 'private_file.open', actorId: sct.id, target: `private-file:${files[0].id}` },
      }),
    ).toBe(1);
    expect((await content(boss, files[1].id)).status).toBe(200);

    // Another department's officer, a site user and an anonymous visitor get nothing.
    expect((await filesOf(syt, 'plugin::sellers.seller', seller.documentId)).body.data).toEqual([]);
    const foreign = await content(syt, files[0].id);
    expect([foreign.status, JSON.parse(foreign.body.toString()).error.message]).toEqual([
      404,
      'Không tìm thấy tệp.',
    ]);
    expect((await api().get(`/accounts/private-files/${files[0].id}/content`)).status).toBe(401);
    expect(
      (
        await api()
          .get(`/accounts/private-files/${files[0].id}/content`)
          .set('Authorization', `Bearer ${user.jwt}`)
      ).status,
    ).toBe(401);
    const stored = (await app.strapi.db.query(FILES).findOne({ where: { id: files[0].id } })) as {
      storageKey: string;
    };
    for (const path of [`/uploads/${stored.storageKey}`, `/private/${stored.storageKey}`])
      expect((await api().get(path)).status).toBe(404);

    // The person's data export lists the scans (not their bytes or storage names).
    const exported = await api().get('/api/accounts/me/export').set('Authorization', `Bearer ${user.jwt}`);
    expect(exported.body.privateFiles.map((f: FileView) => f.kind).sort()).toEqual([
      'citizen_id_scan',
      'licence_scan',
    ]);
    expect(JSON.stringify(exported.body)).not.toContain(stored.storageKey);
  });

  it('judges a scan by its content, not its name, and keeps nothing of a refused declaration', async () => {
    const user = await activatedByEmail();
    const sellersBefore = await app.strapi.db.query('plugin::sellers.seller').count({});
    const filesBefore = await app.strapi.db.query(FILES).count({});
    for (const [bytes, filename] of [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'cccd.png'],
      [Buffer.from('<!DOCTYPE html><p>trang</p>'), 'cccd.pdf'],
    ] as const) {
      const res = await api()
        .post('/api/accounts/business')
        .set('Authorization', `Bearer ${user.jwt}`)
        .field('data', JSON.stringify(form()))
        .attach('scan_0', PDF, { filename: 'attp.pdf', contentType: 'application/pdf' })
        .attach('citizenIdScan', bytes, { filename, contentType: 'image/png' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        message: 'Bản chụp phải là tệp PDF, JPG, PNG hoặc WebP.',
        details: { errors: [{ path: ['citizenIdScan'] }] },
      });
    }
    const badLicence = await api()
      .post('/api/accounts/business')
      .set('Authorization', `Bearer ${user.jwt}`)
      .field('data', JSON.stringify(form()))
      .attach('scan_0', Buffer.from('MZ\x90\x00'), { filename: 'attp.pdf', contentType: 'application/pdf' });
    expect(badLicence.body.error.details.errors[0].path).toEqual(['licences', '0', 'scan']);
    expect(await app.strapi.db.query('plugin::sellers.seller').count({})).toBe(sellersBefore);
    expect(await app.strapi.db.query(FILES).count({})).toBe(filesBefore);
  });

  it('erases a citizen-ID scan once the retention period after verification is over, and keeps licence scans', async () => {
    const user = await activatedByEmail();
    const res = await declare(user.jwt);
    const documentId = res.body.data.seller.documentId as string;
    const verifiedAt = new Date('2026-03-02T03:00:00.000Z');
    await app.strapi.db.query('plugin::sellers.seller').updateMany({
      where: { documentId },
      data: { verificationStatus: 'verified', verifiedAt },
    });
    const day = 24 * 60 * 60 * 1000;
    const [citizen, licence] = (await filesOf(sct, 'plugin::sellers.seller', documentId)).body
      .data as FileView[];

    // Retention in tests: the default, 30 days.
    await purge(new Date(verifiedAt.getTime() + 29 * day));
    expect((await content(sct, citizen.id)).status).toBe(200);

    expect(await purge(new Date(verifiedAt.getTime() + 31 * day))).toBeGreaterThanOrEqual(1);
    const gone = await content(sct, citizen.id);
    expect([gone.status, JSON.parse(gone.body.toString()).error.message]).toEqual([
      404,
      'Tệp đã được xóa khi hết thời hạn lưu trữ.',
    ]);
    const row = (await app.strapi.db.query(FILES).findOne({ where: { id: citizen.id } })) as {
      storageKey: string;
      purgedAt: string | null;
    };
    expect(row.purgedAt).not.toBeNull();
    const folder = process.env.PRIVATE_FILES_DIR as string;
    expect(fs.existsSync(path.join(folder, row.storageKey))).toBe(false);
    expect((await content(sct, licence.id)).status).toBe(200);
    // A second run (another instance, the next hour) has nothing left to erase for this seller.
    expect(await purge(new Date(verifiedAt.getTime() + 32 * day))).toBe(0);
    const view = await api().get('/api/accounts/business').set('Authorization', `Bearer ${user.jwt}`);
    expect(view.body.data.seller.citizenIdScan.purgedAt).not.toBeNull();
  });

  it('replaces the citizen-ID scan when a declaration is fixed, and deletes scans with the account', async () => {
    const user = await activatedByEmail();
    const res = await declare(user.jwt);
    const documentId = res.body.data.seller.documentId as string;
    const task = (await app.strapi.db.query('plugin::workflow.task').findOne({
      where: { targetUid: 'plugin::sellers.seller', targetDocumentId: documentId },
      orderBy: { id: 'desc' },
    })) as { id: number };
    await api()
      .post(`/workflow/tasks/${task.id}/actions`)
      .set('Authorization', `Bearer ${sct.token}`)
      .send({ action: 'request_supplement', comment: 'Ảnh CCCD bị mờ, chụp lại mặt trước.' })
      .expect(200);
    const [oldScan] = (await filesOf(sct, 'plugin::sellers.seller', documentId)).body.data as FileView[];
    const fixed = await api()
      .put('/api/accounts/business')
      .set('Authorization', `Bearer ${user.jwt}`)
      .field('data', JSON.stringify({ business: { representative: 'Trần Văn Lai' } }))
      .attach('citizenIdScan', PDF, { filename: 'cccd-ro.pdf', contentType: 'application/pdf' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.seller.citizenIdScan).toMatchObject({
      name: 'cccd-ro.pdf',
      mime: 'application/pdf',
    });
    expect((await content(sct, oldScan.id)).status).toBe(404);

    const keys = (
      (await app.strapi.db.query(FILES).findMany({ where: { sellerDocumentId: documentId } })) as {
        storageKey: string;
      }[]
    ).map((f) => f.storageKey);
    expect(keys).toHaveLength(2);
    await api()
      .post('/api/accounts/me/delete')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ password: PASSWORD })
      .expect(200);
    expect(await app.strapi.db.query(FILES).count({ where: { sellerDocumentId: documentId } })).toBe(0);
    const folder = process.env.PRIVATE_FILES_DIR as string;
    for (const key of keys) expect(fs.existsSync(path.join(folder, key))).toBe(false);
  });
});

describe('staff search users (QC Điều 9)', () => {
  it("finds people by name, email or phone within the officer's departments, with their lock state", async () => {
    const ours = await activatedByEmail();
    const theirs = await activatedByEmail();
    const name = unique('Võ Thị Hồng');
    const ourPhone = phone();
    await app.strapi.db
      .query(U)
      .update({ where: { id: ours.id }, data: { fullName: name, phone: ourPhone } });
    await app.strapi.db.query(U).update({ where: { id: theirs.id }, data: { fullName: `${name} Y tế` } });
    const sct = (await app.strapi.db
      .query('plugin::core.department')
      .findOne({ where: { code: 'SCT' } })) as { id: number };
    const syt = (await app.strapi.db
      .query('plugin::core.department')
      .findOne({ where: { code: 'SYT' } })) as { id: number };
    await makeSeller(app.strapi, { owner: ours.id, department: sct.id });
    await makeSeller(app.strapi, { owner: theirs.id, department: syt.id });
    const sctOfficer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const sytOfficer = await makeOfficer(app.strapi, 'specialist', ['SYT']);
    const boss = await makeOfficer(app.strapi, 'super_admin', []);
    const search = (officer: Officer, q: string) =>
      api().get('/accounts/users').query({ q }).set('Authorization', `Bearer ${officer.token}`);

    const byName = await search(sctOfficer, name.toLowerCase());
    expect(byName.status).toBe(200);
    expect(byName.body.data.map((u: { id: number }) => u.id)).toEqual([ours.id]);
    expect((await search(sctOfficer, ourPhone)).body.data.map((u: { id: number }) => u.id)).toEqual([
      ours.id,
    ]);
    expect((await search(sctOfficer, ours.email.split('@')[0])).body.data).toHaveLength(1);
    expect((await search(sytOfficer, ours.email)).body.data).toEqual([]);
    expect((await search(boss, name)).body.data.map((u: { id: number }) => u.id).sort()).toEqual(
      [ours.id, theirs.id].sort(),
    );

    const user = (await app.strapi.db.query(U).findOne({ where: { id: ours.id } })) as { documentId: string };
    await api()
      .post('/workflow/locks')
      .set('Authorization', `Bearer ${sctOfficer.token}`)
      .send({ uid: U, documentId: user.documentId, reason: 'Đăng bán hàng giả.' })
      .expect(200);
    const locked = (await search(sctOfficer, name)).body.data[0];
    expect(locked).toMatchObject({
      blocked: true,
      lastLock: { action: 'lock', reason: 'Đăng bán hàng giả.' },
    });

    // The user's own page in the admin shows the same state, in scope only.
    const page = await api()
      .get(`/accounts/users/${ours.id}`)
      .set('Authorization', `Bearer ${sctOfficer.token}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({
      id: ours.id,
      blocked: true,
      lastLock: { action: 'lock', reason: 'Đăng bán hàng giả.' },
    });
    const outside = await api()
      .get(`/accounts/users/${ours.id}`)
      .set('Authorization', `Bearer ${sytOfficer.token}`);
    expect([outside.status, outside.body.error.message]).toEqual([
      404,
      'Không tìm thấy người dùng trong phạm vi của bạn.',
    ]);

    const short = await search(sctOfficer, 'a');
    expect([short.status, short.body.error.message]).toEqual([400, 'Nhập ít nhất 2 ký tự để tìm.']);
    expect((await api().get('/accounts/users').query({ q: name })).status).toBe(401);
  });
});

describe('ownership matrix: what a person manages as theirs', () => {
  const payloads: Record<string, () => Record<string, unknown>> = {
    product: () => ({
      name: unique('Mắm cá linh'),
      unit: 'hũ',
      price: 65000,
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
      description: 'Mắm cá linh mùa nước nổi.',
    }),
    licence: () => ({
      type: 'vietgap',
      number: unique('VG'),
      issuer: 'Sở Nông nghiệp và Môi trường',
      issuedOn: '2025-01-02',
      expiresOn: '2027-01-02',
    }),
    'production-area': () => ({
      name: unique('Vùng xoài'),
      code: 'VN-DT-XOAI-01',
      latitude: 10.4,
      longitude: 105.7,
      areaHa: 3,
    }),
    'supply-demand-post': () => ({
      kind: 'sell',
      title: unique('Cần bán 3 tấn xoài'),
      validUntil: '2099-01-01',
      contactName: 'Lê Văn Bán',
      contactPhone: '0987000111',
    }),
    'directory-listing': () => ({
      kind: 'tourism',
      title: unique('Làng hoa Sa Đéc'),
      summary: 'Làng hoa trăm năm.',
    }),
  };
  const sellerOwned = ['product', 'licence', 'production-area'];
  const forbidden: Record<string, unknown>[] = [
    { reviewStatus: 'approved' },
    { verificationStatus: 'verified' },
    { owner: 1 },
    { seller: 'x' },
    { department: 1 },
    { internalNote: 'tự ghi' },
    { publishedAt: '2026-01-01T00:00:00.000Z' },
  ];
  let a: { id: number; jwt: string };
  let b: { id: number; jwt: string };
  let consumer: { id: number; jwt: string };
  beforeAll(async () => {
    a = await activatedByEmail();
    b = await activatedByEmail();
    consumer = await activatedByEmail();
    await makeSeller(app.strapi, { owner: a.id });
    await makeSeller(app.strapi, { owner: b.id });
  });
  const as = (user: { jwt: string }) => ({ Authorization: `Bearer ${user.jwt}` });

  it.each(Object.keys(payloads))('%s: only its owner lists, reads, edits and submits it', async (type) => {
    const base = `/api/accounts/mine/${type}`;
    expect((await api().post(base).send({ data: payloads[type]() })).status).toBe(403);
    if (sellerOwned.includes(type)) {
      const noSeller = await api().post(base).set(as(consumer)).send({ data: payloads[type]() });
      expect([noSeller.status, noSeller.body.error.message]).toEqual([
        400,
        'Bạn cần đăng ký doanh nghiệp trước khi khai báo nội dung này.',
      ]);
    }
    for (const extra of forbidden) {
      const res = await api()
        .post(base)
        .set(as(a))
        .send({ data: { ...payloads[type](), ...extra } });
      expect([Object.keys(extra)[0], res.status]).toEqual([Object.keys(extra)[0], 400]);
    }

    const created = await api().post(base).set(as(a)).send({ data: payloads[type]() });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId as string;
    expect(created.body.data).not.toHaveProperty('internalNote');
    expect(
      (await api().get(base).set(as(a))).body.data.map((r: { documentId: string }) => r.documentId),
    ).toContain(id);
    expect(
      (await api().get(base).set(as(b))).body.data.map((r: { documentId: string }) => r.documentId),
    ).not.toContain(id);

    // Someone else: not found, whatever the action.
    expect((await api().get(`${base}/${id}`).set(as(b))).status).toBe(404);
    expect((await api().put(`${base}/${id}`).set(as(b)).send({ data: {} })).status).toBe(404);
    expect((await api().post(`${base}/${id}/submit`).set(as(b))).status).toBe(404);
    expect(
      (await api().post(`/api/workflow/submissions`).set(as(b)).send({ type, documentId: id })).status,
    ).toBe(404);
    // The owner cannot move it to another seller or owner through an update either.
    expect(
      (
        await api()
          .put(`${base}/${id}`)
          .set(as(a))
          .send({ data: { seller: 'x', owner: b.id } })
      ).status,
    ).toBe(400);

    const edited = await api().put(`${base}/${id}`).set(as(a)).send({ data: {} });
    expect(edited.status).toBe(200);
    const submitted = await api().post(`${base}/${id}/submit`).set(as(a));
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.review.state).toBe('in_review');
    // The owner sees the review's history (actions and reasons), never the staff's internal notes.
    expect(submitted.body.data.review.history).toEqual([
      expect.objectContaining({ action: 'submit', toState: 'in_review' }),
    ]);
    expect(submitted.body.data.review.history[0]).not.toHaveProperty('internalComment');
    const busy = await api().put(`${base}/${id}`).set(as(a)).send({ data: {} });
    expect([busy.status, busy.body.error.message]).toEqual([
      400,
      'Nội dung đang được xem xét, chưa sửa được lúc này.',
    ]);
  });

  it('answers 404 for a type that does not exist and 400 for an unknown field', async () => {
    expect((await api().get('/api/accounts/mine/hoa-don').set(as(a))).status).toBe(404);
    const res = await api()
      .post('/api/accounts/mine/supply-demand-post')
      .set(as(a))
      .send({ data: { ...payloads['supply-demand-post'](), mauSac: 'đỏ' } });
    expect([res.status, res.body.error.message]).toEqual([400, 'Trường không được phép sửa: mauSac.']);
  });
});
