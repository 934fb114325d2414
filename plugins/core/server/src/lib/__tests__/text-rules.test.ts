import { textProblem } from '../text-rules';

const plain = { type: 'text' };
const link = { type: 'string', pluginOptions: { core: { link: true } } };
const markdown = { type: 'richtext' };
const message = (attribute: object, value: unknown) => textProblem(attribute, value)?.('Mô tả') ?? null;

describe('textProblem', () => {
  it.each([
    [plain, 'Xoài cát Hòa Lộc, loại 1.'],
    [plain, 'Giá < 50.000 đồng, khối lượng > 1 kg, a<3'],
    [plain, 'Gửi file: bảng giá; Big data: xu hướng; Lưu ý: giao trong ngày'],
    [plain, 'https://dongthap.gov.vn/tin-tuc?a=1&b=2'],
    [plain, null],
    [{ type: 'integer' }, '<b>'],
    [{ type: 'json' }, '<b>'],
    [link, 'https://langhoa.vn'],
    [link, ' http://langhoa.vn/gioi-thieu '],
    [markdown, '## Điều 5\n\nXem [Điều 6](#dieu-6), [văn bản](/van-ban/quy-che) và [web](https://x.vn).'],
    [
      markdown,
      'Liên hệ [hộp thư](mailto:hotro@sangiaodich.vn), [điện thoại](tel:02773851000), <https://x.vn>.',
    ],
    [markdown, '[tham khảo]: https://thuvienphapluat.vn/van-ban\n\nTheo [tham khảo].'],
  ])('accepts %j: %j', (attribute, value) => {
    expect(message(attribute, value)).toBeNull();
  });

  const MARKUP =
    'Trường "Mô tả" không được chứa mã HTML (dấu "<" liền trước chữ cái, như <img> hay <script>): hãy nhập văn bản thường.';
  const SCRIPT =
    'Trường "Mô tả" không được chứa liên kết "javascript:": chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://.';
  const NOT_WEB =
    'Trường "Mô tả" phải là địa chỉ web bắt đầu bằng http:// hoặc https:// (ví dụ https://dongthap.gov.vn).';
  it.each([
    [plain, '<img src=x onerror=alert(1)>', MARKUP],
    [plain, 'Đẹp</p><script>alert(1)</script>', MARKUP],
    [plain, '<!-- ẩn -->', MARKUP],
    [plain, '<svg/onload=alert(1)', MARKUP],
    [{ type: 'email' }, '"<script>"@x.vn', MARKUP],
    [plain, 'javascript:alert(1)', SCRIPT],
    [plain, 'Bấm vào JaVaScRiPt :alert(1)', SCRIPT],
    [plain, 'java\tscript:alert(1)', SCRIPT],
    [plain, 'java\u200bscript:alert(1)', SCRIPT],
    [
      plain,
      'data:text/html;base64,PHNjcmlwdD4=',
      'Trường "Mô tả" không được chứa liên kết "data:": chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://.',
    ],
    [
      plain,
      'file:///etc/passwd',
      'Trường "Mô tả" không được chứa liên kết "file:": chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://.',
    ],
    [link, 'javascript:alert(1)', NOT_WEB],
    [link, 'langhoa.vn', NOT_WEB],
    [link, 'https://x.vn/"onmouseover="alert(1)', NOT_WEB],
    [markdown, '<iframe src=https://evil.example>', MARKUP],
    [
      markdown,
      'Xem [đây](javascript:alert(1))',
      expect.stringContaining('có liên kết không được phép (javascript:alert(1)'),
    ],
    [
      markdown,
      '![ảnh](data:image/svg+xml;base64,PHN2Zz4=)',
      expect.stringContaining('có liên kết không được phép'),
    ],
    [markdown, '[đây](javascript&#58;alert(1))', expect.stringContaining('có liên kết không được phép')],
    [markdown, '[đây](//evil.example)', expect.stringContaining('có liên kết không được phép')],
    [markdown, '[đây](/\\evil.example)', expect.stringContaining('có liên kết không được phép')],
    [markdown, '[x]: vbscript:msgbox(1)', expect.stringContaining('có liên kết không được phép')],
  ])('refuses %j: %j', (attribute, value, expected) => {
    expect(message(attribute, value)).toEqual(expected);
  });
});
