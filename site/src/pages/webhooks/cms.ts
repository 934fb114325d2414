import type { APIRoute } from 'astro';
import { cms } from '../../lib/cms';
import { pageCache } from '../../lib/page-cache';
import { createReplayGuard, SIGNATURE_HEADER } from '../../lib/webhook';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

const guard = createReplayGuard();

/** The CMS published, unpublished, changed or deleted public content: drop the cached answers and pages. */
export const POST: APIRoute = async ({ request }) => {
  const checked = guard.check(
    process.env.SITE_WEBHOOK_SECRET,
    await request.text(),
    request.headers.get(SIGNATURE_HEADER),
  );
  if (!checked.ok) return json(checked.status, { error: checked.error });
  cms.invalidate();
  pageCache.invalidate();
  return json(200, { invalidated: true, event: checked.body.event });
};
