import { productJson, readListRequest, readsOne, textCondition } from '../read';
import { plan } from '../spelling';

const NAME_ORDER = [
  ['name_key', 'asc'],
  ['slug', 'asc'],
];

describe('readListRequest', () => {
  it.each([
    [{}, { filters: [], order: NAME_ORDER, page: { page: 1, pageSize: 24 } }],
    [
      { filters: { seller: { slug: { $eq: 'htx-a' } } }, sort: 'name:desc', pagination: { pageSize: '2' } },
      {
        filters: [{ column: 'slug', value: 'htx-a', via: 'seller' }],
        order: [
          ['name_key', 'desc'],
          ['slug', 'desc'],
        ],
        page: { page: 1, pageSize: 2 },
      },
    ],
    [
      { filters: { slug: 'xoai' }, sort: ['id:asc'], status: 'published', pagination: { page: '3' } },
      {
        filters: [{ column: 'slug', value: 'xoai' }],
        order: [['id', 'asc']],
        page: { page: 3, pageSize: 24 },
      },
    ],
    [
      { filters: { category: { documentId: { $eq: 'abc' } } }, pagination: { pageSize: '500' } },
      {
        filters: [{ column: 'document_id', value: 'abc', via: 'category' }],
        order: NAME_ORDER,
        page: { page: 1, pageSize: 100 },
      },
    ],
  ])('serves %p from the read model', (query, expected) => {
    expect(readListRequest(query, ['seller', 'category'], NAME_ORDER)).toEqual(expected);
  });

  it.each([
    [{ filters: { name: { $eq: 'Xoài' } } }],
    [{ filters: { slug: { $containsi: 'xoai' } } }],
    [{ filters: { seller: { name: { $eq: 'HTX' } } } }],
    [{ filters: { $or: [{ slug: 'a' }, { slug: 'b' }] } }],
    [{ sort: 'price:asc' }],
    [{ sort: 'name:sideways' }],
    [{ fields: ['name'] }],
    [{ populate: '*' }],
    [{ status: 'draft' }],
    [{ pagination: { limit: 10 } }],
  ])('leaves %p to the generic path', (query) => {
    expect(readListRequest(query, ['seller', 'category'], NAME_ORDER)).toBeNull();
  });

  it('answers bad paging with the public API message', () => {
    expect(() => readListRequest({ pagination: { page: 'abc' } }, [], NAME_ORDER)).toThrow(
      'Tham số phân trang không hợp lệ: page và pageSize phải là số nguyên dương.',
    );
  });

  it('reads one item only without fields or populate', () => {
    expect(readsOne({})).toBe(true);
    expect(readsOne({ status: 'published' })).toBe(true);
    expect(readsOne({ fields: ['name'] })).toBe(false);
  });
});

describe('textCondition', () => {
  const slots = plan('thịt lợn ca');
  it('writes one plan as a tsquery on PostgreSQL', () => {
    expect(textCondition('postgres', slots, 'text', 'p', 'pub_products_fts')).toEqual({
      sql: "p.text_tsv @@ to_tsquery('simple', ?)",
      bindings: ['thit:* & (lon:* | heo) & ca:*'],
    });
  });

  it('writes the same plan as an FTS5 query on SQLite', () => {
    expect(textCondition('sqlite', slots, 'name', 'p', 'pub_products_fts')).toEqual({
      sql: 'p.id IN (SELECT rowid FROM pub_products_fts WHERE pub_products_fts MATCH ?)',
      bindings: ['{name_words} : (thit* AND (lon* OR heo) AND ca*)'],
    });
  });
});

describe('productJson', () => {
  const row = {
    body: JSON.stringify({
      id: 1,
      name: 'Nem',
      licences: [
        { number: 'A', expiresOn: '2026-02-01', validity: 'valid' },
        { number: 'B', expiresOn: '2025-01-01', validity: 'expired' },
      ],
    }),
    category: '{"name":"Đặc sản"}',
    department: null,
    seller: '{"name":"HTX"}',
  };

  it('adds the category, department and seller card to the stored answer', () => {
    expect(JSON.parse(productJson({ ...row, fresh_until: null }, '2026-01-10'))).toEqual({
      id: 1,
      name: 'Nem',
      licences: JSON.parse(row.body).licences,
      category: { name: 'Đặc sản' },
      department: null,
      seller: { name: 'HTX' },
    });
  });

  it('shows licence validities as of today when the stored ones went stale', () => {
    const item = JSON.parse(productJson({ ...row, fresh_until: '2026-01-01' }, '2026-01-10'));
    expect(item.licences.map((l: { validity: string }) => l.validity)).toEqual(['expiring', 'expired']);
  });
});
