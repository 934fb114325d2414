import { anchorOf, isSafeUrl, renderMarkdown, slugify } from '../markdown';

describe('renderMarkdown', () => {
  it('shows HTML of the source as text', () => {
    const html = renderMarkdown('Xin chào <script>alert("x")</script> & <b onclick=\'y\'>đậm</b>');
    expect(html).toBe(
      "<p>Xin chào &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick='y'&gt;đậm&lt;/b&gt;</p>",
    );
  });

  it('escapes HTML inside headings, list items, emphasis, link labels and table cells', () => {
    const html = renderMarkdown(
      [
        '# <img src=x onerror=alert(1)>',
        '- **<i>x</i>**',
        '[<svg/onload=1>](https://example.vn)',
        '| <a> |\n| --- |\n| <iframe> |',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<(img|i|svg|iframe|a)\b(?! href="https:\/\/example\.vn")/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<li><strong>&lt;i&gt;x&lt;/i&gt;</strong></li>');
    expect(html).toContain('<a href="https://example.vn">&lt;svg/onload=1&gt;</a>');
    expect(html).toContain('<td>&lt;iframe&gt;</td>');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['javascript&#58;alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['vbscript:msgbox'],
    ['file:///etc/passwd'],
    ['//evil.example/path'],
    ['<javascript:alert(1)>'],
  ])('drops the link but keeps its label for the unsafe address %s', (url) => {
    const html = renderMarkdown(`Xem [tại đây](${url}) nhé`);
    expect(html).toBe('<p>Xem tại đây nhé</p>');
  });

  it('shows the description of an image whose address is unsafe, and no image', () => {
    expect(renderMarkdown('![Sơ đồ](javascript:alert(1))')).toBe('<p>Sơ đồ</p>');
    expect(renderMarkdown('![Sơ đồ](/uploads/so-do.png)')).toBe(
      '<p><img src="/uploads/so-do.png" alt="Sơ đồ"></p>',
    );
  });

  it.each([
    ['https://dongthap.gov.vn/a?b=1&c=2', 'https://dongthap.gov.vn/a?b=1&amp;c=2'],
    ['http://dongthap.gov.vn', 'http://dongthap.gov.vn'],
    ['/van-ban/quy-che#dieu-7', '/van-ban/quy-che#dieu-7'],
    ['#dieu-12', '#dieu-12'],
    ['quy-che#dieu-7', 'quy-che#dieu-7'],
    ['mailto:sct@dongthap.gov.vn', 'mailto:sct@dongthap.gov.vn'],
    ['tel:02733871001', 'tel:02733871001'],
  ])('keeps the safe address %s', (url, href) => {
    expect(renderMarkdown(`[liên kết](${url})`)).toBe(`<p><a href="${href}">liên kết</a></p>`);
  });

  it('renders a table as written, in a box that scrolls on a narrow screen', () => {
    const html = renderMarkdown(
      [
        '| Loại giấy phép | Cơ quan cấp | Thời hạn |',
        '| :--- | :--- | ---: |',
        '| An toàn thực phẩm | Sở Y tế | 3 năm |',
        '| OCOP | UBND tỉnh | 3 năm |',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">',
        '<table>',
        '<thead>',
        '<tr>',
        '<th style="text-align:left">Loại giấy phép</th>',
        '<th style="text-align:left">Cơ quan cấp</th>',
        '<th style="text-align:right">Thời hạn</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td style="text-align:left">An toàn thực phẩm</td>',
        '<td style="text-align:left">Sở Y tế</td>',
        '<td style="text-align:right">3 năm</td>',
        '</tr>',
        '<tr>',
        '<td style="text-align:left">OCOP</td>',
        '<td style="text-align:left">UBND tỉnh</td>',
        '<td style="text-align:right">3 năm</td>',
        '</tr>',
        '</tbody>',
        '</table>',
        '</div>',
      ].join('\n'),
    );
  });

  it('renders nested lists as written', () => {
    const html = renderMarkdown(
      [
        '1. Người bán:',
        '   - đăng ký tài khoản;',
        '   - cập nhật giấy phép:',
        '     1. còn hiệu lực;',
        '2. Người mua.',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<ol>',
        '<li>Người bán:',
        '<ul>',
        '<li>đăng ký tài khoản;</li>',
        '<li>cập nhật giấy phép:',
        '<ol>',
        '<li>còn hiệu lực;</li>',
        '</ol>',
        '</li>',
        '</ul>',
        '</li>',
        '<li>Người mua.</li>',
        '</ol>',
      ].join('\n'),
    );
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

  it('derives anchors the way the CMS outline does when there is no outline, and renders deeper headings', () => {
    const html = renderMarkdown(
      '# Chương IV — TRÁCH NHIỆM\n## Điều 12. Người bán\n## Phụ lục: Biểu mẫu đăng ký\n#### Mẫu số 01\n###### Ghi chú',
    );
    expect(html).toContain('<h2 id="chuong-iv">');
    expect(html).toContain('<h3 id="dieu-12">');
    expect(html).toContain('<h3 id="phu-luc-bieu-mau-dang-ky">');
    expect(html).toContain('<h5 id="mau-so-01">Mẫu số 01</h5>');
    expect(html).toContain('<h6 id="ghi-chu">Ghi chú</h6>');
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
        '<ol>',
        '<li>',
        '<p>Một.</p>',
        '</li>',
        '<li>',
        '<p>Hai.</p>',
        '</li>',
        '</ol>',
        '<p>a) điểm a;</p>',
        '<ol start="5">',
        '<li>Năm.</li>',
        '<li>Sáu.</li>',
        '</ol>',
      ].join('\n'),
    );
  });

  it('renders paragraphs, quotes, rules, bold, italic and code, leaving underscores inside words alone', () => {
    expect(
      renderMarkdown(
        '**đậm** và __đậm__, *nghiêng* và _nghiêng_, mã `a<b>` và ten_bien_x\n\n> Trích dẫn\n\n---',
      ),
    ).toBe(
      [
        '<p><strong>đậm</strong> và <strong>đậm</strong>, <em>nghiêng</em> và <em>nghiêng</em>, mã <code>a&lt;b&gt;</code> và ten_bien_x</p>',
        '<blockquote>',
        '<p>Trích dẫn</p>',
        '</blockquote>',
        '<hr>',
      ].join('\n'),
    );
  });

  it('answers an empty string for an empty body', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});

describe('safe addresses', () => {
  it.each([
    ['https://a.vn', true],
    ['mailto:a@b.vn', true],
    ['tel:0912345678', true],
    ['/san-pham', true],
    ['?page=2', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['\tjavascript:alert(1)', false],
    ['ftp://a.vn', false],
    ['//a.vn', false],
    ['\\\\a.vn', false],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
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
});
