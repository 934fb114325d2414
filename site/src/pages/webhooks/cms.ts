import type { APIRoute } from 'astro';
import { cms } from '../../lib/cms';
import { pageCache } from '../../lib/page-cache';
import { hasValidSignature, SIGNATURE_HEADER, webhookBodySchema } from '../../lib/webhook';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

/** The CMS published, unpublished, changed or deleted public content: drop the cached answers and pages. */
export const POST: APIRoute = async ({ request }) => {
  const body = await request.text();
  if (!hasValidSignature(process.env.SITE_WEBHOOK_SECRET, body, request.headers.get(SIGNATURE_HEADER))) {
    return json(401, { error: 'Chữ ký không hợp lệ.' });
  }
  let parsed;
  try {
    parsed = webhookBodySchema.safeParse(JSON.parse(body));
  } catch {
    return json(400, { error: 'Nội dung không phải JSON.' });
  }
  if (!parsed.success) return json(400, { error: 'Nội dung không đúng định dạng.' });
  cms.invalidate();
  pageCache.invalidate();
  return json(200, { invalidated: true, event: parsed.data.event });
};
