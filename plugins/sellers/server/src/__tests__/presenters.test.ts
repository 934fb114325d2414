import {
  addDays,
  presentLicence,
  publicContact,
  todayInVietnam,
  validityHoldsUntil,
  validityOf,
} from '../presenters';

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

describe('validityHoldsUntil', () => {
  it.each([
    [null, '2026-01-10', null],
    ['2026-01-09', '2026-01-10', null],
    ['2026-01-10', '2026-01-10', '2026-01-10'],
    ['2026-02-09', '2026-01-10', '2026-02-09'],
    ['2026-02-10', '2026-01-10', '2026-01-10'],
    ['2027-01-10', '2026-01-10', '2026-12-10'],
  ])('a licence expiring on %p, seen on %p, keeps its validity through %p', (expiresOn, today, until) => {
    expect(validityHoldsUntil(expiresOn, today)).toBe(until);
    if (until) {
      expect(validityOf(expiresOn, until)).toBe(validityOf(expiresOn, today));
      expect(validityOf(expiresOn, addDays(until, 1))).not.toBe(validityOf(expiresOn, today));
    }
  });
});
