import { EXPIRING_WITHIN_DAYS } from '@sgd/config';

type Data = Record<string, unknown>;

export type Validity = 'valid' | 'expiring' | 'expired';

/** Today's date in Vietnam (UTC+7), as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A licence with no expiry date is valid; one expiring on a day is valid through that day. */
export function validityOf(expiresOn: unknown, today: string = todayInVietnam()): Validity {
  if (typeof expiresOn !== 'string' || expiresOn === '') return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS) ? 'expiring' : 'valid';
}

/**
 * The last day on which a licence's validity stays what it is `today` (it turns "expiring" 30 days
 * before its expiry date and "expired" the day after it); null when it never changes again.
 */
export function validityHoldsUntil(expiresOn: unknown, today: string = todayInVietnam()): string | null {
  if (typeof expiresOn !== 'string' || expiresOn === '' || expiresOn < today) return null;
  return validityOf(expiresOn, today) === 'expiring'
    ? expiresOn
    : addDays(expiresOn, -EXPIRING_WITHIN_DAYS - 1);
}

export interface PublicContact {
  phone: string | null;
  email: string | null;
}

/** The seller's phone and email, each only if the seller chose to publish it. */
export function publicContact(raw: Data | null | undefined): PublicContact {
  return {
    phone: raw?.showPhone === true && typeof raw.phone === 'string' ? raw.phone : null,
    email: raw?.showEmail === true && typeof raw.email === 'string' ? raw.email : null,
  };
}

/** Adds `validity`; a licence the expiry job marked (`expiredAt`, read but not shown) is expired. */
export function presentLicence(clean: Data): Data {
  const { expiredAt, ...licence } = clean;
  return { ...licence, validity: expiredAt ? 'expired' : validityOf(clean.expiresOn) };
}

export function presentLicences(value: unknown): unknown {
  return Array.isArray(value) ? value.map((item) => presentLicence(item as Data)) : value;
}

export function presentSeller(clean: Data): Data {
  return clean.licences ? { ...clean, licences: presentLicences(clean.licences) } : clean;
}
