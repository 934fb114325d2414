import crypto from 'node:crypto';

// Crockford's base 32 without I, L, O, U: nothing to misread when a code is read over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DH261201-7KQ2MX`: the order date in Vietnam (yyMMdd) and 6 random characters (about 10⁹ per day). */
export function orderCode(now: Date, random: (size: number) => Buffer = crypto.randomBytes): string {
  const vietnam = new Date(now.getTime() + 7 * 3600 * 1000);
  const date = vietnam.toISOString().slice(2, 10).replace(/-/g, '');
  const suffix = Array.from(random(6), (byte) => ALPHABET[byte % 32]).join('');
  return `DH${date}-${suffix}`;
}

export const ORDER_CODE = /^DH\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;
