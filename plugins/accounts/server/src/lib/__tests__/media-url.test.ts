import { hasValidMediaSignature, signMediaUrl } from '../media-url';

const NOW = Date.UTC(2026, 11, 4, 10, 15, 0);
const query = (url: string) => Object.fromEntries(new URL(url, 'http://cms.test').searchParams);

describe('signed addresses of uploads that are not public', () => {
  it('signs a local upload for one to two hours, the same address within the hour', () => {
    const signed = signMediaUrl('bí-mật', '/uploads/xoai_3f2a.jpg', NOW);
    expect(signed).toMatch(/^\/uploads\/xoai_3f2a\.jpg\?sgd_exp=\d+&sgd_sig=[0-9a-f]{64}$/);
    expect(signMediaUrl('bí-mật', '/uploads/xoai_3f2a.jpg', NOW + 30 * 60_000)).toBe(signed);
    expect(Number(query(signed).sgd_exp) * 1000 - NOW).toBeGreaterThanOrEqual(3600_000);
    expect(hasValidMediaSignature('bí-mật', '/uploads/xoai_3f2a.jpg', query(signed), NOW)).toBe(true);
  });

  it.each([
    ['another file', '/uploads/khac.jpg', 'bí-mật', NOW],
    ['another secret', '/uploads/xoai_3f2a.jpg', 'khác', NOW],
    ['after it expired', '/uploads/xoai_3f2a.jpg', 'bí-mật', NOW + 3 * 3600_000],
  ])('refuses the signature for %s', (_label, path, secret, now) => {
    const signed = signMediaUrl('bí-mật', '/uploads/xoai_3f2a.jpg', NOW);
    expect(hasValidMediaSignature(secret, path, query(signed), now)).toBe(false);
  });

  it('refuses a missing, truncated or later expiry', () => {
    const { sgd_exp, sgd_sig } = query(signMediaUrl('bí-mật', '/uploads/a.jpg', NOW));
    const check = (q: Record<string, unknown>) => hasValidMediaSignature('bí-mật', '/uploads/a.jpg', q, NOW);
    expect(check({})).toBe(false);
    expect(check({ sgd_exp, sgd_sig: sgd_sig.slice(0, 10) })).toBe(false);
    expect(check({ sgd_exp: String(Number(sgd_exp) + 3600), sgd_sig })).toBe(false);
  });

  it('leaves other addresses alone', () => {
    expect(signMediaUrl('bí-mật', 'https://bucket.example/a.jpg', NOW)).toBe('https://bucket.example/a.jpg');
    expect(signMediaUrl('', '/uploads/a.jpg', NOW)).toBe('/uploads/a.jpg');
  });
});
