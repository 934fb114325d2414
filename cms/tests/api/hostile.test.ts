import request from 'supertest';
import type { UID } from '@strapi/strapi';
import { RATE_LIMITS } from '@sgd/config';
import type { RateLimits } from '@sgd/plugin-accounts';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeProduct, makeSeller } from '../factories';
import { makeOfficer, makeSiteUser } from '../staff';
import { adminRoutes, publicRoutes, withParameters, type PublicRoute } from '../routes';

/**
 * Hostile input against every content-API route the CMS serves, enumerated from its router at run
 * time (a route added later is attacked too): oversized bodies, wrong types, deep filters and
 * populate, unknown fields, SQL and NoSQL injection, broken multipart and JSON, Unicode edge cases.
 * Every answer must be a 4xx or a normal answer, never a 5xx, never show a stack trace, SQL or a
 * path on the server, and nothing may be stored.
 */
let app: TestApp;
let jwt: string;
let adminToken: string;
const api = () => request(app.strapi.server.httpServer);

/** Counts never run out here: the suite sends thousands of requests from one address. */
const unlimited = Object.fromEntries(
  Object.entries(RATE_LIMITS).map(([group, rule]) => [group, { ...rule, points: 1_000_000 }]),
);

beforeAll(async () => {
  app = await bootStrapi('hostile');
  (app.strapi.plugin('accounts').service('rate-limit') as RateLimits).useLimits(unlimited);
  // A signed-in seller with a product: the requests reach the code behind the permission checks.
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = await makeSeller(app.strapi, { owner: owner.id });
  await makeProduct(app.strapi, seller.documentId);
  jwt = owner.jwt;
  adminToken = (await makeOfficer(app.strapi, 'super_admin', [])).token;
});
afterAll(async () => {
  await app.stop();
});

/** Row counts of every content type, the audit log aside (it records refused attempts on purpose). */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of Object.keys(app.strapi.contentTypes)) {
    if (uid === 'plugin::core.audit-entry') continue;
    counts[uid] = await app.strapi.db.query(uid as UID.Schema).count();
  }
  return counts;
}

// Long enough to overflow any column and message, short enough to reach the validation (JSON limit 1 MB).
const LONG = 'ạ'.repeat(20_000);
const STRINGS = [
  "' OR '1'='1' --",
  '1; DROP TABLE products; --',
  "') UNION SELECT password FROM up_users --",
  '"; SELECT pg_sleep(5); --',
  'a\u0000b',
  '\ud800',
  '\u202egnp.exe',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ​﻿',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  LONG,
];

/**
 * Names every plain object inherits: a lookup keyed by user input (`obj[input]`) finds these in any
 * object that is not made for it (a `Map`, `Object.hasOwn`, a null-prototype object).
 */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];

/** Prototype names where a field, a sort, an operator, a page or a parameter's value is read. */
const PROTOTYPE_QUERIES = [
  ...PROTOTYPE_NAMES.map((name) => `fields[0]=${name}`),
  'fields=constructor',
  'fields[0]=name&fields[1]=toString',
  'sort=constructor',
  'sort[0]=__proto__:asc',
  'sort=toString:desc',
  'filters[constructor][$eq]=1',
  'filters[toString][$eq]=x',
  'filters[__proto__][$eq]=x',
  'filters[name][constructor]=1',
  'filters[name][$constructor]=1',
  'filters[$constructor][0][name][$eq]=1',
  'pagination[constructor]=1&pagination[page]=toString',
  // The parameters routes read by name (search type, statuses, kinds, codes), all at once.
  ...PROTOTYPE_NAMES.map((name) =>
    ['type', 'kind', 'status', 'state', 'category', 'licenceType', 'commune', 'format', 'purpose', 'q']
      .map((parameter) => `${parameter}=${name}`)
      .join('&'),
  ),
];

/** Query strings for reads: deep filters and populate, operators that do not exist, injections. */
const QUERIES = [
  `filters${'[a]'.repeat(60)}=1`,
  `populate${'[x][populate]'.repeat(40)}=*`,
  'populate=*',
  'filters[name][$eq][$ne]=1',
  'fields[0]=password&fields[1]=resetPasswordToken',
  'sort=name;DROP TABLE x',
  'populate[seller][populate][owner]=*',
  'filters[$or][0][password][$eq]=x',
  'filters[owner][password][$startsWith]=$2',
  'filters[$where]=1==1',
  'filters[name][$regex]=.*',
  'filters[id][$in][0][$ne]=1',
  'sort[0][a][b][c]=asc',
  'pagination[pageSize]=-1&pagination[page]=1e309',
  'pagination[page][$gt]=1',
  'pagination[limit]=99999999999999999999',
  'locale[$ne]=vi',
  'status=draft',
  // In a URL: the lone surrogate as its raw bytes (below), a long string short enough for a header.
  ...[1, 3, 6, 7, 8, 9]
    .map((i) => STRINGS[i])
    .concat('ạ'.repeat(1500))
    .map((s) => `q=${encodeURIComponent(s)}&filters[name][$containsi]=${encodeURIComponent(s)}`),
  'q=%ED%A0%80&filters[slug][$eq]=%C0%AF',
  'filters[name][$eq]=%00',
  `filters[${'a'.repeat(5000)}]=1`,
  Array.from({ length: 1500 }, (_, i) => `filters[$or][${i}][name][$eq]=${i}`).join('&'),
];

/** JSON bodies for writes: wrong shapes and types, unknown fields, injections, huge strings. */
const BODIES: unknown[] = [
  [],
  'chuỗi',
  123,
  null,
  { data: [] },
  { data: 'x' },
  { data: { __proto__: { isAdmin: true } } },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  { role: 1, isAdmin: true, publishedAt: '2026-01-01', owner: 1, department: 1, status: 'approved' },
  { identifier: { $ne: null }, password: { $gt: '' }, code: { $regex: '.*' } },
  { items: [{ product: { $ne: null }, quantity: '1e309' }], quantity: -1, rating: 'NaN' },
  { id: '1 OR 1=1', documentId: { $ne: '' }, slug: ['a', 'b'] },
  // Quote, union, NUL, lone surrogate, RTL override, template, long (the others go in the queries).
  ...[0, 2, 4, 5, 6, 10, 11]
    .map((i) => STRINGS[i])
    .map((s) => ({
      identifier: s,
      password: s,
      fullName: s,
      name: s,
      text: s,
      body: s,
      reason: s,
      action: s,
      kind: s,
      details: s,
      data: { name: s, description: s },
    })),
  // Prototype names as the values routes look up (kinds, types, reasons, actions) and as keys.
  Object.fromEntries(
    [
      'kind',
      'type',
      'purpose',
      'targetType',
      'reason',
      'status',
      'action',
      'state',
      'legalForm',
      'format',
    ].map((key, i) => [key, PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]]),
  ),
  {
    data: {
      kind: 'constructor',
      type: 'toString',
      category: '__proto__',
      commune: 'valueOf',
      paymentMethods: ['constructor'],
    },
  },
  JSON.parse(
    '{"constructor":{"name":1},"toString":1,"data":{"toString":"x","valueOf":1,"hasOwnProperty":1}}',
  ),
  { deep: JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) },
  { list: Array.from({ length: 50_000 }, (_, i) => i) },
];

/** Raw bodies sent as they are: broken JSON, broken multipart, a body far over the limit. */
const RAW: { type: string; body: string | Buffer }[] = [
  { type: 'application/json', body: '{"a":' },
  { type: 'application/json', body: '\u0000\u0001' },
  { type: 'application/json', body: Buffer.from([0xed, 0xa0, 0x80, 0x7b, 0x7d]) },
  {
    type: 'multipart/form-data; boundary=xyz',
    body: '--xyz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"a":1}',
  },
  { type: 'multipart/form-data', body: 'no boundary at all' },
  {
    type: 'multipart/form-data; boundary=b',
    body: '--b\r\nContent-Disposition: form-data; name="files"; filename="../../../x.svg"\r\nContent-Type: image/svg+xml\r\n\r\n<svg onload=alert(1)>\r\n--b--\r\n',
  },
  { type: 'application/x-www-form-urlencoded', body: `a${'[b]'.repeat(500)}=1` },
  { type: 'text/plain', body: 'x'.repeat(100) },
  // Over the 1 MB limit of a JSON body.
  { type: 'application/json', body: JSON.stringify({ data: { name: 'x'.repeat(1200 * 1024) } }) },
];

/** What an answer must never show: a stack trace, SQL, a driver's error, a path on the server. */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat [\w.<>]+ \(|\bat (async )?\/|\.(js|ts|mjs|cjs):\d+:\d+/],
  ['server path', /\/(work|home|usr|tmp|var|opt)\/[\w.-]+\/|node_modules|[A-Z]:\\\\/],
  [
    'SQL',
    /\b(select|insert|update|delete)\b[^"]{0,80}\b(from|into|set)\b\s+[`"]?\w+|syntax error at or near|SQLITE_|sqlite3|knex|ECONNREFUSED|duplicate key value/i,
  ],
];

interface Problem {
  route: string;
  attack: string;
  status: number;
  why: string;
}

function check(problems: Problem[], route: PublicRoute, attack: string, res: request.Response) {
  const text = res.text ?? '';
  if (res.status >= 500)
    problems.push({
      route: `${route.method} ${route.pattern}`,
      attack,
      status: res.status,
      why: text.slice(0, 200),
    });
  for (const [label, pattern] of LEAKS) {
    const found = pattern.exec(text);
    if (found)
      problems.push({
        route: `${route.method} ${route.pattern}`,
        attack,
        status: res.status,
        why: `${label}: ${found[0]}`,
      });
  }
}

/** Runs the calls a few at a time: the CMS answers several requests at once, as in production. */
async function inParallel<T>(items: T[], run: (item: T) => Promise<void>, width = 6) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Whether a route needs a signed-in user (401/403 without): attacked signed in, else anonymously. */
async function needsUser(route: PublicRoute): Promise<boolean> {
  const agent = api();
  const res = await agent[route.method.toLowerCase() as 'get'](route.path).send();
  return res.status === 401 || res.status === 403;
}

const short = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

describe('hostile input on every public route', () => {
  it('finds the routes in the running router', () => {
    const routes = publicRoutes(app.strapi).map((r) => `${r.method} ${r.pattern}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/products',
        'GET /api/search',
        'POST /api/orders',
        'POST /api/upload',
      ]),
    );
  });

  it('reads: deep filters and populate, unknown operators, injections and Unicode never break or leak', async () => {
    const before = await rowCounts();
    const problems: Problem[] = [];
    const reads = publicRoutes(app.strapi).filter((r) => r.method === 'GET');
    const calls: { route: PublicRoute; query: string; auth: boolean }[] = [];
    for (const route of reads) {
      const auth = await needsUser(route);
      // Lists get every query; a single item (`/:id`) the ones its route reads at all.
      const queries = route.pattern.includes(':')
        ? [...QUERIES.slice(0, 6), ...PROTOTYPE_QUERIES]
        : [...QUERIES, ...PROTOTYPE_QUERIES];
      for (const query of queries) calls.push({ route, query, auth });
    }
    await inParallel(calls, async ({ route, query, auth }) => {
      const call = api().get(`${route.path}?${query}`);
      const res = await (auth ? call.set('Authorization', `Bearer ${jwt}`) : call);
      check(problems, route, `?${query.slice(0, 80)}${auth ? ' (signed in)' : ''}`, res);
    });
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  it('answers prototype names in any path parameter (`/api/accounts/mine/constructor`) without breaking', async () => {
    const before = await rowCounts();
    const problems: Problem[] = [];
    const calls = publicRoutes(app.strapi)
      .filter((route) => route.pattern.includes(':') || route.pattern.includes('(.*)'))
      .flatMap((route) =>
        PROTOTYPE_NAMES.flatMap((name) => [false, true].map((auth) => ({ route, name, auth }))),
      );
    await inParallel(calls, async ({ route, name, auth }) => {
      const method = route.method.toLowerCase() as 'post';
      const call = api()[method](withParameters(route.pattern, name));
      const res = await (auth ? call.set('Authorization', `Bearer ${jwt}`) : call).send({
        data: { name: 'Thử' },
      });
      check(problems, route, `${name}${auth ? ' (signed in)' : ''}`, res);
    });
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // The probe of the report, exactly.
    for (const method of ['get', 'post'] as const) {
      const res = await api()[method]('/api/accounts/mine/constructor').set('Authorization', `Bearer ${jwt}`);
      expect([res.status, res.body.error?.message]).toEqual([404, 'Loại nội dung không tồn tại.']);
    }
  }, 120_000);

  it('answers prototype names in the parameters of every admin route without breaking', async () => {
    const problems: Problem[] = [];
    const routes = adminRoutes(app.strapi).filter((route) => route.pattern.includes(':'));
    // The names plain objects inherit (`prototype`, a function's, is not one: an id Strapi's own
    // admin routes take as it comes).
    const inherited = PROTOTYPE_NAMES.filter((name) => name in {});
    const calls = routes.flatMap((route) => inherited.map((name) => ({ route, name })));
    await inParallel(calls, async ({ route, name }) => {
      const method = route.method.toLowerCase() as 'post';
      const query = ['type', 'uid', 'state', 'workflow', 'format', 'kind']
        .map((p) => `${p}=${name}`)
        .join('&');
      const path = `${withParameters(route.pattern, name)}?${query}`;
      const call = api()[method](path).set('Authorization', `Bearer ${adminToken}`);
      const res = await call.send({
        uid: name,
        documentId: name,
        action: name,
        kind: name,
        type: name,
        reason: 'Thử tên lạ',
      });
      check(problems, route, name, res);
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('answers `fields[0]=__proto__` on every public list with a Vietnamese 400', async () => {
    const lists = publicRoutes(app.strapi).filter(
      (route) => route.method === 'GET' && !route.pattern.includes(':'),
    );
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const res = await api().get(`/api/products?fields[0]=${name}`);
      expect([res.status, res.body.error?.message]).toEqual([
        400,
        `Tham số truy vấn không hợp lệ: trường "${name}" không tồn tại hoặc không được phép truy vấn.`,
      ]);
      for (const route of lists) {
        const answer = await api().get(`${route.path}?fields[0]=${name}`);
        expect([route.pattern, answer.status < 500]).toEqual([route.pattern, true]);
      }
    }
  });

  it('answers an unreadable body with a Vietnamese 400', async () => {
    for (const [type, body] of [
      ['application/json', '{"a":'],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{'],
    ]) {
      const res = await api()
        .post('/api/orders')
        .set('Authorization', `Bearer ${jwt}`)
        .set('Content-Type', type)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'ValidationError',
        message:
          'Nội dung gửi lên không đọc được: cần một đối tượng JSON hợp lệ, hoặc một biểu mẫu đúng định dạng.',
      });
    }
  });

  it("refuses NUL characters and unbindable filters on every route, Strapi's own included", async () => {
    const nul = await api().get('/api/products?filters[name][$eq]=%00');
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toBe('Dữ liệu gửi lên chứa ký tự không hợp lệ (NUL).');
    const users = await api()
      .get('/api/users/me?filters[id][$in][0][$ne]=1')
      .set('Authorization', `Bearer ${jwt}`);
    expect(users.status).toBe(400);
    expect(users.body.error.message).toBe(
      'Tham số truy vấn không hợp lệ: giá trị của $in phải là một giá trị đơn.',
    );
    const body = await api().post('/api/reports').send({ reason: 'spam', details: 'a\u0000b' });
    expect(body.status).toBe(400);
  });

  it('writes: wrong types, unknown fields, injections, broken bodies and huge strings are refused and store nothing', async () => {
    const before = await rowCounts();
    const problems: Problem[] = [];
    const writes = publicRoutes(app.strapi).filter((r) => !['GET', 'OPTIONS'].includes(r.method));
    await inParallel(writes, async (route) => {
      const method = route.method.toLowerCase() as 'post';
      // Anonymous first (refused at the door), then signed in (reaching the validation).
      for (const auth of [false, true]) {
        const signed = (call: request.Test) => (auth ? call.set('Authorization', `Bearer ${jwt}`) : call);
        const who = auth ? ' (signed in)' : '';
        for (const body of auth ? BODIES : BODIES.slice(0, 2)) {
          const res = await signed(api()[method](route.path))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          check(problems, route, `${short(body)}${who}`, res);
        }
        for (const raw of auth ? RAW : RAW.slice(0, 1)) {
          const res = await signed(api()[method](route.path))
            .set('Content-Type', raw.type)
            .send(raw.body)
            .ok(() => true);
          check(problems, route, `${raw.type}: ${short(raw.body.toString())}${who}`, res);
        }
        for (const query of QUERIES.slice(0, auth ? 2 : 1)) {
          const res = await signed(api()[method](`${route.path}?${query}`)).send({});
          check(problems, route, `?${query.slice(0, 60)}${who}`, res);
        }
      }
    });
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  }, 120_000);
});
