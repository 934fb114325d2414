import type { APIRoute } from 'astro';
import { cms } from '../../../../lib/cms';
import { cardSvg, imageResponse, sellerCardView } from '../../../../lib/trust-card';

/** A seller's trust card as a SVG image (A6). */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await cms.getSellerTrustCard(params.slug ?? '');
  if (!found) return new Response('Không có thẻ xác thực.', { status: 404 });
  return imageResponse(await cardSvg(sellerCardView(found, url.origin)), 'svg', `the-xac-thuc-${found.slug}`);
};
