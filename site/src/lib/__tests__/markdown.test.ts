import { anchorOf, escapeHtml, renderMarkdown, slugify } from '../markdown';

describe('renderMarkdown', () => {
  it('escapes every HTML character of the source', () => {
    const html = renderMarkdown('Xin chào <script>alert("x")</script> & <b onclick=\'y\'>đậm</b>');
    expect(html).toBe(
      '<p>Xin chào &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;y&#39;&gt;đậm&lt;/b&gt;</p>',
    );
  });

  it('escapes HTML inside headings, list items, emphasis and link labels', () => {
    const html = renderMarkdown(
      ['# <img src=x onerror=alert(1)>', '- **<i>x</i>**', '[<svg/onload=1>](https://example.vn)'].join(
        '\n\n',
      ),
    );
    expect(html).not.toMatch(/<(img|i|svg)\b/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<li><strong>&lt;i&gt;x&lt;/i&gt;</strong></li>');
    expect(html).toContain('<a href="https://example.vn">&lt;svg/onload=1&gt;</a>');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['vbscript:msgbox'],
    ['//evil.example/path'],
  ])('drops the link but keeps its text for the unsafe URL %s', (url) => {
    const html = renderMarkdown(`Xem [tại đây](${url}) nhé`);
    expect(html).toBe('<p>Xem tại đây nhé</p>');
  });

  it.each([
    ['https://dongthap.gov.vn/a?b=1&c=2', 'https://dongthap.gov.vn/a?b=1&amp;c=2'],
    ['/van-ban/quy-che#dieu-7', '/van-ban/quy-che#dieu-7'],
    ['#dieu-12', '#dieu-12'],
    ['mailto:sct@dongthap.gov.vn', 'mailto:sct@dongthap.gov.vn'],
    ['tel:02733871001', 'tel:02733871001'],
  ])('keeps the safe URL %s', (url, href) => {
    expect(renderMarkdown(`[liên kết](${url})`)).toBe(`<p><a href="${href}">liên kết</a></p>`);
  });

  it('gives headings the anchors of the outline, one level below the page title', () => {
    const html = renderMarkdown('# Chương I — QUY ĐỊNH CHUNG\n\n## Điều 1. Phạm vi điều chỉnh\n\nNội dung.', {
      anchors: [
        { level: 1, title: 'Chương I — QUY ĐỊNH CHUNG', anchor: 'chuong-mot' },
        { level: 2, title: 'Điều 1. Phạm vi điều chỉnh', anchor: 'dieu-1' },
      ],
    });
    expect(html).toBe(
      [
        '<h2 id="chuong-mot">Chương I — QUY ĐỊNH CHUNG</h2>',
        '<h3 id="dieu-1">Điều 1. Phạm vi điều chỉnh</h3>',
        '<p>Nội dung.</p>',
      ].join('\n'),
    );
  });

  it('derives anchors the way the CMS outline does when there is no outline', () => {
    const html = renderMarkdown(
      '# Chương IV — TRÁCH NHIỆM\n## Điều 12. Người bán\n## Phụ lục: Biểu mẫu đăng ký',
    );
    expect(html).toContain('<h2 id="chuong-iv">');
    expect(html).toContain('<h3 id="dieu-12">');
    expect(html).toContain('<h3 id="phu-luc-bieu-mau-dang-ky">');
  });

  it('keeps ids unique when a heading repeats', () => {
    const html = renderMarkdown('## Ghi chú\n\n## Ghi chú');
    expect(html).toContain('id="ghi-chu"');
    expect(html).toContain('id="ghi-chu-2"');
  });

  it('renders numbered clauses separated by blank lines as one ordered list, keeping its start', () => {
    const html = renderMarkdown('1. Một.\n\n2. Hai.\n\na) điểm a;\n\n5. Năm.\n6. Sáu.');
    expect(html).toBe(
      [
        '<ol><li>Một.</li><li>Hai.</li></ol>',
        '<p>a) điểm a;</p>',
        '<ol start="5"><li>Năm.</li><li>Sáu.</li></ol>',
      ].join('\n'),
    );
  });

  it('renders unordered lists, continuation lines, paragraphs, quotes and rules', () => {
    const html = renderMarkdown(
      'Dòng một\ndòng hai\n\n- Mục *một*\n  tiếp theo\n* Mục hai\n\n> Trích dẫn\n\n---',
    );
    expect(html).toBe(
      [
        '<p>Dòng một dòng hai</p>',
        '<ul><li>Mục <em>một</em> tiếp theo</li><li>Mục hai</li></ul>',
        '<blockquote><p>Trích dẫn</p></blockquote>',
        '<hr>',
      ].join('\n'),
    );
  });

  it('renders bold, italic and code, leaving underscores inside words alone', () => {
    expect(renderMarkdown('**đậm** và __đậm__, *nghiêng* và _nghiêng_, mã `a<b>` và ten_bien_x')).toBe(
      '<p><strong>đậm</strong> và <strong>đậm</strong>, <em>nghiêng</em> và <em>nghiêng</em>, mã <code>a&lt;b&gt;</code> và ten_bien_x</p>',
    );
  });

  it('answers an empty string for an empty body', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});

describe('anchors and slugs', () => {
  it.each([
    ['Điều 7. Xác nhận tài khoản', 'dieu-7'],
    ['Chương II — QUY ĐỊNH VỀ QUẢN LÝ', 'chuong-ii'],
    ['Đồng Tháp – Đất Sen hồng', 'dong-thap-dat-sen-hong'],
  ])('anchorOf(%s) is %s', (title, anchor) => {
    expect(anchorOf(title)).toBe(anchor);
  });

  it('folds đ and tone marks', () => {
    expect(slugify('Bánh pía Sóc Trăng, Đặc sản')).toBe('banh-pia-soc-trang-dac-san');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('placeholders', () => {
  it('cannot be forged from the source to repeat rendered HTML', () => {
    const html = renderMarkdown('[a](https://x.vn) \uE0000\uE000');
    expect(html).toBe('<p><a href="https://x.vn">a</a> 0</p>');
  });
});
