import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Core } from '@strapi/strapi';

/**
 * The visitor's address when a request comes from the public site's server. The site calls the CMS
 * on behalf of its visitors, so the socket address is the site's own for all of them; per-client
 * limits (sign-up, sign-in, reports, public writes) would then count the whole exchange as one
 * client. The site names the visitor in `X-Sgd-Client: <address>;<unix seconds>;<hex HMAC-SHA256>`,
 * signed with the secret both sides already share (SITE_WEBHOOK_SECRET). The CMS believes the header
 * only when the signature verifies and is fresh; anything else (no secret, forged, stale, not an IP
 * address) falls back to the socket address (or X-Forwarded-For when TRUST_PROXY is set, by Koa).
 */
export const CLIENT_HEADER = 'x-sgd-client';
/** A signature older (or further in the future) than this is not believed. */
export const CLIENT_SIGNATURE_MAX_AGE_SECONDS = 120;

function mac(secret: string, address: string, seconds: number): string {
  return createHmac('sha256', secret).update(`client|${address}|${seconds}`).digest('hex');
}

/** The header's value for a visitor's address (what the site sends). */
export function signClientAddress(secret: string, address: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  return `${address};${seconds};${mac(secret, address, seconds)}`;
}

/** The address named by a header that verifies against the secret, else null. */
export function verifyClientAddress(
  secret: string,
  header: string | undefined | null,
  now = Date.now(),
): string | null {
  if (!secret || !header || header.length > 200) return null;
  const [address, secondsText, signature, ...rest] = header.split(';');
  if (rest.length || !address || !secondsText || !signature || !isIP(address)) return null;
  const seconds = Number(secondsText);
  if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > CLIENT_SIGNATURE_MAX_AGE_SECONDS)
    return null;
  const expected = Buffer.from(mac(secret, address, seconds));
  const received = Buffer.from(signature);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null;
  return address;
}

interface ClientContext {
  request: { ip: string };
  get(name: string): string;
  state: Record<string, unknown>;
}

const STATE_KEY = 'sgdClientAddress';

/** Normalises `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) to `1.2.3.4`. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The client a request counts for in rate limits: the site's signed visitor address, else the socket's. */
export function clientAddress(ctx: ClientContext, strapi: Core.Strapi): string {
  const known = ctx.state[STATE_KEY];
  if (typeof known === 'string') return known;
  const secret = (strapi.config.get('plugin::core.siteWebhookSecret') as string | undefined) ?? '';
  const address = plainAddress(verifyClientAddress(secret, ctx.get(CLIENT_HEADER)) ?? ctx.request.ip);
  ctx.state[STATE_KEY] = address;
  return address;
}
