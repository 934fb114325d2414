import Redis from 'ioredis';
import { consume, createLimiter, groupOf, isAuthGroup, rateGroupOf, waitOf } from '../rate-limit';

describe('rateGroupOf', () => {
  it.each([
    ['POST', '/api/accounts/login', 'login'],
    ['POST', '/API/Accounts//Login/', 'login'],
    ['POST', '/api/accounts/%6Cogin', 'login'],
    ['POST', '/api/upload', 'upload'],
    ['POST', '/api/upload/actions/bulk-delete', 'upload'],
    ['DELETE', '/api/upload/files/3', 'upload'],
    ['POST', '/api/orders', 'order'],
    ['POST', '/api/orders/DH-2026-0001/actions', 'order-action'],
    ['POST', '/api/reviews', 'review'],
    ['PUT', '/api/comments/4', 'review'],
    ['POST', '/api/answers', 'review'],
    ['POST', '/api/complaints/abc/actions', 'complaint'],
    ['POST', '/api/accounts/me/data-requests', 'data-request'],
    ['PUT', '/api/accounts/me', 'account'],
    ['POST', '/api/accounts/mine/product/abc/submit', 'account'],
    ['POST', '/api/accounts/mine/product/abc/images', 'upload'],
    ['POST', '/api/accounts/mine/product/abc/images/7/delete', 'account'],
    ['PUT', '/api/accounts/business', 'account'],
    ['POST', '/api/reports', 'write'],
    ['DELETE', '/api/news-articles/1', 'write'],
    ['PATCH', '/api/users/1', 'write'],
    ['PUT', '/api/accounts/login', 'write'],
  ])('%s %s counts in %s', (method, path, group) => {
    expect(rateGroupOf(method, path)).toBe(group);
  });

  it.each([
    ['GET', '/api/orders'],
    ['HEAD', '/api/products'],
    ['OPTIONS', '/api/orders'],
    ['POST', '/admin/login'],
    ['POST', '/upload'],
  ])('does not count %s %s (reads, the admin)', (method, path) => {
    expect(rateGroupOf(method, path)).toBeNull();
  });

  it('tells auth groups from write groups', () => {
    expect(groupOf('/api/auth/local')).toBe('login');
    expect(isAuthGroup('login')).toBe(true);
    expect(isAuthGroup('order')).toBe(false);
  });
});

describe('limiters (rate-limiter-flexible)', () => {
  it('counts in a window: allowed up to its points, then the seconds left', async () => {
    const limiter = createLimiter({ points: 2, duration: 900 }, 'thu:dem');
    expect(await waitOf(limiter, '203.0.113.7')).toBeNull();
    expect(await consume(limiter, '203.0.113.7')).toBeNull();
    expect(await consume(limiter, '203.0.113.7')).toBeNull();
    // Used up: waiting says so without counting, and a third request is refused.
    expect(await waitOf(limiter, '203.0.113.7')).toBeGreaterThan(890);
    expect(await consume(limiter, '203.0.113.7')).toBeGreaterThan(890);
    // Another client counts apart.
    expect(await consume(limiter, '203.0.113.8')).toBeNull();
  });

  it('keeps limiting in memory while Redis is unreachable (the insurance limiter)', async () => {
    // A port nothing listens on: every Redis command fails at once (no offline queue).
    const redis = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    redis.on('error', () => {});
    try {
      const limiter = createLimiter({ points: 1, duration: 60 }, 'thu:bao-hiem', redis);
      expect(await consume(limiter, 'khach')).toBeNull();
      expect(await consume(limiter, 'khach')).toBeGreaterThan(50);
    } finally {
      redis.disconnect();
    }
  });
});
