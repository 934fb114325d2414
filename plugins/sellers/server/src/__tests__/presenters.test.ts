import { presentLicence, publicContact, todayInVietnam, validityOf } from '../presenters';

describe('validityOf', () => {
  const today = '2026-11-22';
  it.each([
    [null, 'valid'],
    ['2027-06-01', 'valid'],
    ['2026-12-23', 'valid'],
    ['2026-12-22', 'expiring'],
    ['2026-11-22', 'expiring'],
    ['2026-11-21', 'expired'],
  ])('expiry %p is %p', (expiresOn, expected) => {
    expect(validityOf(expiresOn, today)).toBe(expected);
  });
});

describe('presentLicence', () => {
  it('is expired once the expiry job marked it, and does not show the mark', () => {
    const licence = { number: 'OCOP-1', expiresOn: '2099-01-01' };
    expect(presentLicence(licence)).toEqual({ ...licence, validity: 'valid' });
    expect(presentLicence({ ...licence, expiredAt: '2099-01-02T00:10:00.000Z' })).toEqual({
      ...licence,
      validity: 'expired',
    });
  });
});

describe('todayInVietnam', () => {
  it('is already tomorrow at 18:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-11-22T18:00:00Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-22T16:59:00Z'))).toBe('2026-11-22');
  });
});

describe('publicContact', () => {
  it('shows only what the seller chose to publish', () => {
    const raw = { phone: '0912345678', email: 'a@b.vn', showPhone: true, showEmail: false };
    expect(publicContact(raw)).toEqual({ phone: '0912345678', email: null });
    expect(publicContact({ ...raw, showPhone: false })).toEqual({ phone: null, email: null });
  });
});
