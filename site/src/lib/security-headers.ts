/**
 * The headers every page of the site carries. The Content-Security-Policy allows scripts, styles,
 * fonts and requests from the site itself only: the site has no inline script that runs (the
 * JSON-LD and the map's points are `application/…+json` data blocks, which browsers never execute,
 * so they need no hash or nonce), no inline style, and no third-party code. Pictures come from the
 * site (uploads are passed through from the CMS), `data:` URLs (Leaflet's marker images) and the
 * map's tile server (`MAP_TILE_URL`). Nobody may frame a page (`frame-ancestors 'none'`).
 */
import { DEFAULT_TILE_URL } from './places';

/** A year, the usual HSTS lifetime; sent only on answers that came over TLS. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * The CSP source of a tile URL template (`https://{s}.tile.example.org/{z}/{x}/{y}.png` →
 * `https://*.tile.example.org`); null when the template names no http(s) origin.
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!match) return null;
  // Leaflet's `{s}` picks a subdomain: any subdomain of the host is the tile server.
  const host = match[2].replace(/^\{s\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  return `${match[1].toLowerCase()}://${host.toLowerCase()}`;
}

export function contentSecurityPolicy(options: { tileUrl: string; https: boolean }): string {
  const tiles = tileSource(options.tileUrl);
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** The headers of a page answered at `url` (its protocol says whether it came over TLS). */
export function securityHeaders(
  url: URL,
  tileUrl: string = process.env.MAP_TILE_URL || DEFAULT_TILE_URL,
): Record<string, string> {
  const https = url.protocol === 'https:';
  return {
    'Content-Security-Policy': contentSecurityPolicy({ tileUrl, https }),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}

/**
 * Adds the headers to an answer, keeping a policy the answer already has (the uploads' sandbox).
 * Answers built by Astro may have immutable headers: those get a copy.
 */
export function withSecurityHeaders(response: Response, url: URL): Response {
  const headers = securityHeaders(url);
  let target = response;
  try {
    applyHeaders(target.headers, headers);
  } catch {
    target = new Response(response.body, response);
    applyHeaders(target.headers, headers);
  }
  return target;
}

function applyHeaders(target: Headers, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!target.has(name)) target.set(name, value);
  }
}
