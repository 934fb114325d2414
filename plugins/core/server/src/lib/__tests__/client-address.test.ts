import { plainAddress, signClientAddress, verifyClientAddress } from '../client-address';

const SECRET = 'bi-mat-chung-cua-trang-va-cms';
const NOW = Date.UTC(2026, 11, 1, 8, 0, 0);

describe('the visitor address the site signs', () => {
  it('is believed when signed with the shared secret and fresh', () => {
    expect(verifyClientAddress(SECRET, signClientAddress(SECRET, '203.0.113.7', NOW), NOW)).toBe(
      '203.0.113.7',
    );
    expect(verifyClientAddress(SECRET, signClientAddress(SECRET, '2001:db8::1', NOW), NOW + 60_000)).toBe(
      '2001:db8::1',
    );
  });

  it('is not believed when forged, altered, stale, unsigned or when no secret is configured', () => {
    const signed = signClientAddress(SECRET, '203.0.113.7', NOW);
    expect(verifyClientAddress(SECRET, signClientAddress('khac', '203.0.113.7', NOW), NOW)).toBeNull();
    expect(verifyClientAddress(SECRET, signed.replace('203.0.113.7', '203.0.113.8'), NOW)).toBeNull();
    expect(verifyClientAddress(SECRET, signed, NOW + 121_000)).toBeNull();
    expect(verifyClientAddress(SECRET, signed, NOW - 121_000)).toBeNull();
    expect(verifyClientAddress(SECRET, '203.0.113.7', NOW)).toBeNull();
    expect(verifyClientAddress(SECRET, `${signed};x`, NOW)).toBeNull();
    expect(verifyClientAddress('', signed, NOW)).toBeNull();
    expect(verifyClientAddress(SECRET, undefined, NOW)).toBeNull();
  });

  it('only names IP addresses', () => {
    expect(verifyClientAddress(SECRET, signClientAddress(SECRET, 'may-chu-a', NOW), NOW)).toBeNull();
  });

  it('counts an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(plainAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(plainAddress('::1')).toBe('::1');
  });
});
