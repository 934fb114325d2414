import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed addresses of uploaded files that are not public (pictures of items not approved yet):
 * `/uploads/x.jpg?sgd_exp=<unix seconds>&sgd_sig=<hex HMAC-SHA256>`. Handed to the people who may
 * see the file (the seller on their own pages, staff in the admin); valid one to two hours (the
 * expiry is rounded up to the hour, so an address stays the same, and cached, within the hour).
 */
export const EXPIRY_PARAM = 'sgd_exp';
export const SIGNATURE_PARAM = 'sgd_sig';
const HOUR = 3600;

const mac = (secret: string, path: string, expires: number) =>
  createHmac('sha256', secret).update(`media|${path}|${expires}`).digest('hex');

/** The address with a signature, for a local upload (`/uploads/…`); any other address as it is. */
export function signMediaUrl(secret: string, url: string, now = Date.now()): string {
  if (!secret || !url.startsWith('/uploads/') || url.includes('?')) return url;
  const expires = (Math.floor(now / 1000 / HOUR) + 2) * HOUR;
  return `${url}?${EXPIRY_PARAM}=${expires}&${SIGNATURE_PARAM}=${mac(secret, url, expires)}`;
}

/** Whether a request for `path` carries a signature of this secret that has not expired. */
export function hasValidMediaSignature(
  secret: string,
  path: string,
  query: Record<string, unknown>,
  now = Date.now(),
): boolean {
  const expires = Number(query[EXPIRY_PARAM]);
  const signature = query[SIGNATURE_PARAM];
  if (!secret || typeof signature !== 'string' || !Number.isInteger(expires) || expires * 1000 < now)
    return false;
  const expected = Buffer.from(mac(secret, path, expires));
  const received = Buffer.from(signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
