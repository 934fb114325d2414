import type { APIRoute } from 'astro';
import { documentHref, newsHref, productHref, sellerHref } from '../lib/adapters';
import { cms } from '../lib/cms';
import { PUBLIC_CACHE_CONTROL } from '../lib/http';
import { absoluteUrl, parseSitemapPart, SITEMAP_URLS_PER_FILE, urlSet, type SitemapUrl } from '../lib/seo';

const FIXED_PAGES = [
  '/',
  '/san-pham',
  '/san-pham?type=sellers',
  '/cung-cau',
  '/kiem-tra-giay-phep',
  '/van-ban',
  '/vung-san-xuat',
  '/cho-va-diem-ban',
  '/tin-tuc',
  '/thong-tin-khac',
  '/lien-he',
  '/thong-ke',
  '/du-lieu-mo',
];

/** One file of the sitemap: `trang` (fixed pages, news, legal documents), `san-pham-N`, `doanh-nghiep-N`. */
export const GET: APIRoute = async ({ params, url }) => {
  const part = parseSitemapPart(params.part ?? '');
  if (!part) return new Response('Không có sơ đồ trang này.', { status: 404 });
  const at = (path: string) => absoluteUrl(url.origin, path);
  let urls: SitemapUrl[];
  if (part.kind === 'pages') {
    const [news, documents] = await Promise.all([cms.getNewsEntries(), cms.getLegalDocuments()]);
    urls = [
      ...FIXED_PAGES.map((path) => ({ loc: at(path) })),
      ...documents.map((doc) => ({ loc: at(documentHref(doc.slug)) })),
      ...news.map((article) => ({ loc: at(newsHref(article.slug)), lastmod: article.updatedAt })),
    ];
  } else {
    const entries = await cms.getSitemapEntries(part.kind, part.page, SITEMAP_URLS_PER_FILE);
    if (entries.length === 0 && part.page > 1)
      return new Response('Không có sơ đồ trang này.', { status: 404 });
    const href = part.kind === 'products' ? productHref : sellerHref;
    urls = entries.map((entry) => ({ loc: at(href(entry.slug)), lastmod: entry.updatedAt }));
  }
  return new Response(urlSet(urls), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': PUBLIC_CACHE_CONTROL },
  });
};
