import type { APIRoute } from 'astro';
import { cmsBaseUrl, REQUEST_TIMEOUT_MS } from '../../lib/cms';
import { chooseFormat, encode, imageCache } from '../../lib/image-format';

/** File names Strapi gives uploads: letters, digits, `_`, `-`, `.`; no folder climbing. */
const SAFE_PATH = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;
const FORWARDED = ['content-type', 'content-length', 'etag', 'last-modified'];

/**
 * Uploaded images (and other public uploads) on the site's own origin, passed through from the
 * CMS, so pages never send visitors to the CMS's (often internal) address. A file could be an SVG
 * uploaded by a seller: it is served sandboxed, with no script able to run on this origin. JPEG and
 * PNG go out as AVIF or WebP to browsers that accept them.
 */
export const GET: APIRoute = async ({ params, request }) => {
  const path = params.path ?? '';
  if (!SAFE_PATH.test(path) || path.split('/').some((segment) => segment.startsWith('..'))) {
    return new Response('Không tìm thấy tệp.', { status: 404 });
  }
  // A picture of an item not approved yet is served at a signed address only (the seller's own pages):
  // the signature goes along, and such an answer is private to the browser that asked.
  const asked = new URL(request.url).searchParams;
  const signature = new URLSearchParams(
    ['sgd_exp', 'sgd_sig'].flatMap((name) => {
      const value = asked.get(name);
      return value ? [[name, value]] : [];
    }),
  ).toString();
  let upstream: Response;
  try {
    upstream = await fetch(`${cmsBaseUrl()}/uploads/${path}${signature ? `?${signature}` : ''}`, {
      headers: Object.fromEntries(
        ['if-none-match', 'if-modified-since'].flatMap((name) => {
          const value = request.headers.get(name);
          return value ? [[name, value]] : [];
        }),
      ),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return new Response('Chưa tải được tệp, vui lòng thử lại sau.', {
      status: 503,
      headers: { 'cache-control': 'no-store' },
    });
  }
  if (upstream.status !== 200 && upstream.status !== 304) {
    return new Response('Không tìm thấy tệp.', {
      status: 404,
      headers: { 'cache-control': 'public, max-age=60' },
    });
  }
  const headers = new Headers({
    'cache-control': upstream.headers.get('cache-control')?.includes('private')
      ? 'private, max-age=3600'
      : 'public, max-age=86400',
    vary: 'Accept',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
  });
  for (const name of FORWARDED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  const format =
    upstream.status === 200 ? chooseFormat(headers.get('content-type'), request.headers.get('accept')) : null;
  if (format) {
    const version = headers.get('etag') ?? headers.get('last-modified') ?? '';
    try {
      const original = Buffer.from(await upstream.arrayBuffer());
      const encoded = await imageCache.get(`${path} ${version} ${format}`, () => encode(original, format));
      headers.set('content-type', `image/${format}`);
      headers.set('content-length', String(encoded.byteLength));
      headers.delete('etag');
      return new Response(new Uint8Array(encoded), { status: 200, headers });
    } catch {
      return new Response('Không đọc được ảnh.', { status: 404, headers: { 'cache-control': 'no-store' } });
    }
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers });
};
