import request from 'supertest';
import { RATE_LIMITS } from '@sgd/config';
import { groupOf, type RateLimits } from '@sgd/plugin-accounts';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeSiteUser } from '../staff';
import { writeRoutes } from '../routes';

/**
 * Every write to the public API is limited per client (QC Điều 26: no mass submissions): each
 * POST, PUT, PATCH and DELETE route the CMS serves answers 429 with Retry-After once its group's
 * count is over, and real counting stops a person after the allowed number of requests.
 */
let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
const limiter = () => app.strapi.plugin('accounts').service('rate-limit') as RateLimits;

/** Limits every client has used up in every group, with 754 seconds left in the window. */
const exhausted = Object.fromEntries(
  Object.entries(RATE_LIMITS).map(([group, rule]) => [group, { ...rule, points: 0, duration: 754 }]),
);

beforeAll(async () => {
  app = await bootStrapi('ratelimits');
});
afterAll(async () => {
  await app.stop();
});
afterEach(async () => {
  limiter().useLimits(null);
  await limiter().reset();
});

describe('every public write is rate-limited', () => {
  it('lists the write routes from the running router (the sample covers every plugin)', () => {
    const patterns = writeRoutes(app.strapi).map((r) => `${r.method} ${r.pattern}`);
    expect(patterns).toEqual(
      expect.arrayContaining([
        'POST /api/accounts/login',
        'POST /api/accounts/business',
        'POST /api/orders',
        'POST /api/orders/:code/actions',
        'POST /api/reviews',
        'PUT /api/comments/:id',
        'POST /api/complaints',
        'POST /api/reports',
        'POST /api/upload',
      ]),
    );
  });

  it('answers 429 with Retry-After and a Vietnamese message on each of them once the limit is used up', async () => {
    limiter().useLimits(exhausted);
    const user = await makeSiteUser(app.strapi);
    const failures: string[] = [];
    for (const route of writeRoutes(app.strapi)) {
      // Fresh windows: several routes share a group, whose window would otherwise be under way.
      await limiter().reset();
      const method = route.method.toLowerCase() as 'post';
      const agent = api();
      const res = await agent[method](route.path)
        .set('Authorization', `Bearer ${user.jwt}`)
        .send({ data: { ten: 'thử' } });
      // Sign-in routes tell a person to wait before trying again; other writes that they sent too much.
      const auth = route.method === 'POST' && groupOf(route.path) !== null;
      const message = auth
        ? 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 13 phút.'
        : 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau 13 phút.';
      if (
        res.status !== 429 ||
        res.headers['retry-after'] !== '754' ||
        res.body?.error?.message !== message ||
        res.body?.error?.name !== 'RateLimitError'
      )
        failures.push(`${route.method} ${route.pattern}: ${res.status} ${JSON.stringify(res.body?.error)}`);
    }
    expect(failures).toEqual([]);
  });

  it('counts for real: the 11th data request in an hour from one address is refused, whatever its body', async () => {
    const user = await makeSiteUser(app.strapi);
    const requests = () => app.strapi.db.query('plugin::accounts.data-request').count();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await api()
        .post('/api/accounts/me/data-requests')
        .set('Authorization', `Bearer ${user.jwt}`)
        .send({ kind: 'không-có' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const before = await requests();
    const refused = await api()
      .post('/api/accounts/me/data-requests')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ kind: 'access', details: 'Tôi muốn xem dữ liệu của mình.' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    expect(await requests()).toBe(before);
  });

  it('does not limit reads, and counts each group apart', async () => {
    limiter().useLimits(exhausted);
    expect((await api().get('/api/products')).status).toBe(200);
    limiter().useLimits(null);
    const user = await makeSiteUser(app.strapi);
    for (let i = 0; i < 10; i += 1)
      await api().post('/api/accounts/me/data-requests').set('Authorization', `Bearer ${user.jwt}`).send({});
    const other = await api().put('/api/accounts/me').set('Authorization', `Bearer ${user.jwt}`).send({});
    expect(other.status).not.toBe(429);
  });
});
