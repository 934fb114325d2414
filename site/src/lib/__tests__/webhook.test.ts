import {
  cacheSettings,
  CACHE_MAX_ENTRIES,
  CACHE_TTL_WITH_WEBHOOK_MS,
  CACHE_TTL_WITHOUT_WEBHOOK_MS,
} from '../cms';
import { createReplayGuard, hasValidSignature, signBody } from '../webhook';

describe('webhook signature', () => {
  const body = JSON.stringify({ event: 'entry.publish', uids: ['plugin::catalog.product'] });

  it.each([
    ['the right signature', 'bí-mật', signBody('bí-mật', body), true],
    ['another secret', 'bí-mật', signBody('khác', body), false],
    ['no signature', 'bí-mật', null, false],
    ['a truncated signature', 'bí-mật', signBody('bí-mật', body).slice(0, 20), false],
    ['no secret configured', undefined, signBody('', body), false],
  ])('%s', (_case, secret, header, valid) => {
    expect(hasValidSignature(secret, body, header)).toBe(valid);
  });

  it('signs the exact body: a changed body fails', () => {
    const header = signBody('bí-mật', body);
    expect(hasValidSignature('bí-mật', `${body} `, header)).toBe(false);
  });
});

describe('webhook freshness: a captured request cannot be replayed', () => {
  const SECRET = 'bí-mật';
  const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);
  const message = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: '6f1c2a8e-3b7d-4c9a-9e2f-1a2b3c4d5e6f',
      sentAt: NOW / 1000,
      event: 'entry.publish',
      uids: ['plugin::catalog.product'],
      ...overrides,
    });
  const check = (guard: ReturnType<typeof createReplayGuard>, body: string, now = NOW) =>
    guard.check(SECRET, body, signBody(SECRET, body), now);

  it('accepts a fresh webhook once and refuses the same request again', () => {
    const guard = createReplayGuard();
    const body = message();
    expect(check(guard, body)).toEqual({ ok: true, body: JSON.parse(body) });
    expect(check(guard, body, NOW + 1000)).toEqual({
      ok: false,
      status: 409,
      error: 'Webhook này đã được nhận.',
    });
    // Another request of the CMS about the same change has its own id.
    expect(check(guard, message({ id: '0b7e4f6a-9c1d-4e2b-8a3f-5d6c7b8a9e0f' })).ok).toBe(true);
  });

  it.each([
    ['sent six minutes ago', message({ sentAt: NOW / 1000 - 360 })],
    ['dated six minutes ahead', message({ sentAt: NOW / 1000 + 360 })],
  ])('refuses a webhook %s', (_label, body) => {
    expect(check(createReplayGuard(), body)).toEqual({ ok: false, status: 401, error: 'Webhook đã quá cũ.' });
  });

  it('refuses a captured request replayed after the window, when its id is forgotten', () => {
    const guard = createReplayGuard();
    const body = message();
    expect(check(guard, body).ok).toBe(true);
    expect(check(guard, body, NOW + 301_000)).toMatchObject({ ok: false, status: 401 });
  });

  it.each([
    ['without a time', JSON.stringify({ id: '6f1c2a8e-3b7d-4c9a-9e2f-1a2b3c4d5e6f', event: 'x', uids: [] })],
    ['without an id', JSON.stringify({ sentAt: NOW / 1000, event: 'x', uids: [] })],
    ['not JSON', 'không phải JSON'],
  ])('answers 400 to a signed body %s', (_label, body) => {
    expect(check(createReplayGuard(), body)).toMatchObject({ ok: false, status: 400 });
  });

  it('answers 401 to a wrong signature before reading the body', () => {
    const body = message();
    expect(createReplayGuard().check(SECRET, body, signBody('khác', body), NOW)).toMatchObject({
      ok: false,
      status: 401,
      error: 'Chữ ký không hợp lệ.',
    });
  });
});

describe('cache settings', () => {
  it.each([
    [{}, CACHE_TTL_WITHOUT_WEBHOOK_MS, CACHE_MAX_ENTRIES],
    [{ SITE_WEBHOOK_SECRET: 'x' }, CACHE_TTL_WITH_WEBHOOK_MS, CACHE_MAX_ENTRIES],
    [{ SITE_WEBHOOK_SECRET: 'x', SITE_CACHE_TTL_SECONDS: '30', SITE_CACHE_MAX_ENTRIES: '50' }, 30_000, 50],
    [
      { SITE_CACHE_TTL_SECONDS: 'abc', SITE_CACHE_MAX_ENTRIES: '-1' },
      CACHE_TTL_WITHOUT_WEBHOOK_MS,
      CACHE_MAX_ENTRIES,
    ],
  ])('%j', (env, ttl, max) => {
    expect(cacheSettings(env)).toEqual({ cacheTtlMs: ttl, cacheMaxEntries: max });
  });
});
