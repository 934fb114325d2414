import {
  jsonLdScript,
  parseSitemapPart,
  productJsonLd,
  sitemapIndex,
  sitemapPartPath,
  urlSet,
  type SitemapPart,
} from '../seo';
import { makeProduct } from './builders';

const ORIGIN = 'https://sangiaodich.dongthap.gov.vn';

describe('product structured data', () => {
  it.each([
    ['one price', { price: '76000', priceMin: null, priceMax: null }, { '@type': 'Offer', price: '76000' }],
    [
      'a price range',
      { price: null, priceMin: '50000', priceMax: '90000' },
      { '@type': 'AggregateOffer', lowPrice: '50000', highPrice: '90000' },
    ],
    [
      'a lower bound only',
      { price: null, priceMin: 50000, priceMax: null },
      { lowPrice: '50000', highPrice: '50000' },
    ],
  ])('offers %s in VND', (_case, prices, offer) => {
    const data = productJsonLd(makeProduct(prices), ORIGIN);
    expect(data.offers).toMatchObject({ ...offer, priceCurrency: 'VND' });
  });

  it('leaves the offer out when the price is on request, and never invents a rating', () => {
    const data = productJsonLd(makeProduct({ price: null, priceMin: null, priceMax: null }), ORIGIN);
    expect(data).not.toHaveProperty('offers');
    expect(data).not.toHaveProperty('aggregateRating');
  });

  it.each([
    [
      { average: 4.5, count: 2 },
      { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 },
    ],
    [{ average: null, count: 0 }, undefined],
    [null, undefined],
  ])('carries aggregateRating only with approved reviews (%j)', (rating, expected) => {
    expect(productJsonLd(makeProduct({ rating }), ORIGIN).aggregateRating).toEqual(expected);
  });

  it('cannot be closed early by a product text', () => {
    const script = jsonLdScript(
      productJsonLd(makeProduct({ description: '</script><script>alert(1)</script>' }), ORIGIN),
    );
    expect(script).not.toContain('</script>');
    expect(JSON.parse(script).description).toBe('</script><script>alert(1)</script>');
  });
});

describe('sitemap', () => {
  it.each<[string, SitemapPart | null]>([
    ['trang', { kind: 'pages' }],
    ['san-pham-1', { kind: 'products', page: 1 }],
    ['doanh-nghiep-12', { kind: 'sellers', page: 12 }],
    ['san-pham-0', null],
    ['san-pham-01', null],
    ['tin-tuc-1', null],
    ['', null],
  ])('reads the file name %j', (name, part) => {
    expect(parseSitemapPart(name)).toEqual(part);
    if (part) expect(sitemapPartPath(part)).toBe(`/sitemap-${name}.xml`);
  });

  it('escapes URLs in the XML', () => {
    expect(urlSet([{ loc: `${ORIGIN}/san-pham?type=sellers&page=2`, lastmod: '2026-12-01' }])).toContain(
      `<url><loc>${ORIGIN}/san-pham?type=sellers&#38;page=2</loc><lastmod>2026-12-01</lastmod></url>`,
    );
    expect(sitemapIndex([`${ORIGIN}/sitemap-trang.xml`])).toContain(
      `<sitemap><loc>${ORIGIN}/sitemap-trang.xml</loc></sitemap>`,
    );
  });
});
