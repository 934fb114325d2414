import {
  cacheSettings,
  CACHE_MAX_ENTRIES,
  CACHE_TTL_WITH_WEBHOOK_MS,
  CACHE_TTL_WITHOUT_WEBHOOK_MS,
} from '../cms';
import { hasValidSignature, signBody } from '../webhook';

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
