import type { APIRoute } from 'astro';
import { cms } from '../../../../lib/cms';
import { cardPng, imageResponse, licenceCardView } from '../../../../lib/trust-card';

/** A licence's trust card as a PNG image (A6). */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await cms.getLicenceTrustCard(params.id ?? '');
  if (!found) return new Response('Không có thẻ xác thực.', { status: 404 });
  return imageResponse(
    await cardPng(licenceCardView(found, url.origin)),
    'png',
    `the-giay-phep-${found.documentId}`,
  );
};
