import type { APIRoute } from 'astro';
import { cms } from '../../lib/cms';
import { pageCache } from '../../lib/page-cache';
import { hasValidSignature, SIGNATURE_HEADER, webhookBodySchema } from '../../lib/webhook';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The CMS published, unpublished, changed or deleted public content: drop the cached answers and pages. */
export const POST: APIRoute = async ({ request }) => {
  const body = await request.text();
  if (!hasValidSignature(process.env.SITE_WEBHOOK_SECRET, body, request.headers.get(SIGNATURE_HEADER))) {
    return json(401, { error: 'Chữ ký không hợp lệ.' });
  }
  const parsed = webhookBodySchema.safeParse(parseJson(body));
  if (!parsed.success) return json(400, { error: 'Nội dung không đúng định dạng.' });
  cms.invalidate();
  pageCache.invalidate();
  return json(200, { invalidated: true, event: parsed.data.event });
};
