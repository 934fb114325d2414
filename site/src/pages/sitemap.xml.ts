import type { APIRoute } from 'astro';
import { cms } from '../lib/cms';
import { PUBLIC_CACHE_CONTROL } from '../lib/http';
import {
  absoluteUrl,
  SITEMAP_URLS_PER_FILE,
  sitemapIndex,
  sitemapPartPath,
  type SitemapPart,
} from '../lib/seo';

/** The sitemap index: fixed pages and documents, then products and sellers by files of 1000. */
export const GET: APIRoute = async ({ url }) => {
  const [products, sellers] = await Promise.all([
    cms.countPublished('products'),
    cms.countPublished('sellers'),
  ]);
  const files = (kind: 'products' | 'sellers', total: number): SitemapPart[] =>
    Array.from({ length: Math.ceil(total / SITEMAP_URLS_PER_FILE) }, (_, index) => ({
      kind,
      page: index + 1,
    }));
  const parts: SitemapPart[] = [
    { kind: 'pages' },
    ...files('products', products),
    ...files('sellers', sellers),
  ];
  return new Response(sitemapIndex(parts.map((part) => absoluteUrl(url.origin, sitemapPartPath(part)))), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': PUBLIC_CACHE_CONTROL },
  });
};
