import type { APIRoute } from 'astro';
import { cmsBaseUrl, REQUEST_TIMEOUT_MS } from '../../lib/cms';

/** `chu-the-kinh-doanh.csv`, `san-pham.json`…: a lower-case name and a format. */
const FILE = /^[a-z][a-z-]{0,60}\.(csv|json)$/;
const FORWARDED = ['content-type', 'content-disposition', 'link', 'cache-control'];

/**
 * An open-data file, passed through from the CMS as it streams (a file of 100,000 products is never
 * held here), on the site's own origin. Only the answer's start has to come within the timeout.
 */
export const GET: APIRoute = async ({ params }) => {
  const file = params.file ?? '';
  if (!FILE.test(file)) return new Response('Không có tệp dữ liệu mở này.', { status: 404 });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let upstream: Response;
  try {
    upstream = await fetch(`${cmsBaseUrl()}/api/open-data/${file}`, { signal: controller.signal });
  } catch {
    return new Response('Chưa tải được tệp dữ liệu, vui lòng thử lại sau.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  } finally {
    clearTimeout(timer);
  }
  if (upstream.status !== 200 || !upstream.body) {
    await upstream.body?.cancel();
    const missing = upstream.status === 404;
    return new Response(
      missing ? 'Không có tệp dữ liệu mở này.' : 'Chưa tải được tệp dữ liệu, vui lòng thử lại sau.',
      {
        status: missing ? 404 : 503,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': missing ? 'public, max-age=60' : 'no-store',
        },
      },
    );
  }
  const headers = new Headers({ 'x-content-type-options': 'nosniff' });
  for (const name of FORWARDED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
};
