import { readinessHandler, type ReadinessCtx } from '../readiness';

const call = async (ping: () => Promise<unknown>) => {
  const headers: Record<string, string> = {};
  const ctx: ReadinessCtx = { status: 0, body: null, set: (name, value) => (headers[name] = value) };
  await readinessHandler(ping, 50)(ctx);
  return { status: ctx.status, body: ctx.body, headers };
};

describe('readiness', () => {
  it('is ready when the database answers', async () => {
    expect(await call(() => Promise.resolve([{ '?column?': 1 }]))).toEqual({
      status: 200,
      body: { status: 'ready' },
      headers: { 'Cache-Control': 'no-store' },
    });
  });

  it.each([
    ['refuses connections', () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))],
    ['does not answer in time', () => new Promise(() => undefined)],
  ])('answers 503 with a message when the database %s', async (_, ping) => {
    expect(await call(ping)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', message: 'Không kết nối được cơ sở dữ liệu.' },
    });
  });
});
