import {
  DATABASE_DOWN_MESSAGE,
  databaseOutageGuard,
  isDatabaseUnavailable,
  type OutageCtx,
} from '../database-outage';

const ctx = (path = '/api/products') => {
  const headers: Record<string, string> = {};
  const c: OutageCtx & { headers: Record<string, string> } = {
    path,
    status: 404,
    body: undefined,
    headers,
    set: (name, value) => (headers[name] = value),
  };
  return c;
};
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', refused],
    ['a server shutting down (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a pool timeout',
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
    ],
    ['a wrapped refusal', new Error('select failed', { cause: refused })],
  ])('recognises %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a validation error', Object.assign(new Error('Tên bắt buộc'), { name: 'ValidationError' })],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe('databaseOutageGuard', () => {
  let clock = 0;
  let pings = 0;
  let databaseUp = true;
  const guard = () =>
    databaseOutageGuard({
      ping: async () => {
        pings += 1;
        if (!databaseUp) throw refused;
      },
      probeIntervalMs: 1000,
      now: () => clock,
    });
  beforeEach(() => {
    clock = 0;
    pings = 0;
    databaseUp = true;
  });

  it('answers 503 with a message and no detail of the failure, then fails fast until the database answers', async () => {
    const g = guard();
    const first = ctx();
    await g.handle(first, async () => {
      throw refused;
    });
    expect(first.status).toBe(503);
    expect(first.body).toEqual({
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_DOWN_MESSAGE, details: {} },
    });
    expect(JSON.stringify(first.body)).not.toContain('5432');
    expect(first.headers['Retry-After']).toBe('5');
    expect(g.isDown()).toBe(true);

    // Within the interval: no probe, no handler, 503 at once.
    databaseUp = false;
    const handler = jest.fn();
    const second = ctx();
    await g.handle(second, handler);
    expect([second.status, handler.mock.calls.length, pings]).toEqual([503, 0, 0]);
    clock = 1500;
    await g.handle(ctx(), handler);
    expect([handler.mock.calls.length, pings]).toEqual([0, 1]);

    // Back: the next probe succeeds and the request goes through.
    databaseUp = true;
    clock = 3000;
    const back = ctx();
    await g.handle(back, async () => {
      back.status = 200;
    });
    expect([back.status, g.isDown()]).toEqual([200, false]);
  });

  it('lets other errors through and never guards liveness or readiness', async () => {
    const g = guard();
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      g.handle(ctx(), async () => {
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(g.isDown()).toBe(false);
    await g.handle(ctx(), async () => {
      throw refused;
    });
    databaseUp = false;
    clock = 5000;
    const health = ctx('/_health');
    await g.handle(health, async () => {
      health.status = 204;
    });
    expect(health.status).toBe(204);
  });
});
