import type { APIRoute } from 'astro';
import { CmsError, cms } from '../lib/cms';
import { cachePublicly } from '../lib/http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * Names for the catalogue's search box as the visitor types (`/goi-y?q=xoai c&type=products` →
 * `{ data: [{ name, slug }] }`, at most 10), from the CMS's autocomplete. The box works without it:
 * the form is a plain GET to /san-pham.
 */
export const GET: APIRoute = async ({ url }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  const type = url.searchParams.get('type') === 'sellers' ? 'sellers' : 'products';
  if (q === '') return json(200, { data: [] });
  try {
    const response = json(200, { data: await cms.autocomplete(q, type) });
    cachePublicly(response.headers);
    return response;
  } catch (error) {
    if (error instanceof CmsError && error.status === 400)
      return json(400, { data: [], error: error.detail });
    throw error;
  }
};
