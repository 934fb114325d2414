import type { APIRoute } from 'astro';
import { cms } from '../../../../lib/cms';
import { cardPng, imageResponse, sellerCardView } from '../../../../lib/trust-card';

/** A seller's trust card as a PNG image (A6). */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await cms.getSellerTrustCard(params.slug ?? '');
  if (!found) return new Response('Không có thẻ xác thực.', { status: 404 });
  return imageResponse(await cardPng(sellerCardView(found, url.origin)), 'png', `the-xac-thuc-${found.slug}`);
};
