/**
 * The visitor's address, passed on to the CMS. The site calls the CMS from its own server, so
 * without it the CMS would count every visitor as one client in its rate limits (5 sign-ups an hour
 * for the whole province). The middleware records the address of the request being served
 * (`request-context.ts`); calls to the CMS send it as
 * `X-Sgd-Client: <address>;<unix seconds>;<hex HMAC-SHA256>`, signed with SITE_WEBHOOK_SECRET,
 * which the CMS also holds (`clientAddress` in @sgd/plugin-core checks it).
 * Where the address comes from: the socket, or X-Forwarded-For when SITE_TRUST_PROXY is set
 * (`server.mjs` decides what Astro's `clientAddress` sees).
 */
import { createHmac } from 'node:crypto';
import { currentRequest } from './request-context';

export const CLIENT_HEADER = 'x-sgd-client';

export function signClientAddress(secret: string, address: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  const mac = createHmac('sha256', secret).update(`client|${address}|${seconds}`).digest('hex');
  return `${address};${seconds};${mac}`;
}

/** The header naming the current visitor, when there is one and the secret is configured. */
export function visitorHeaders(secret = process.env.SITE_WEBHOOK_SECRET): Record<string, string> {
  const address = currentRequest()?.visitor;
  return address && secret ? { [CLIENT_HEADER]: signClientAddress(secret, address) } : {};
}
