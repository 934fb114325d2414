import { safeNext } from '../account';

describe('safeNext (where sign-in goes back to)', () => {
  it.each([
    ['/tai-khoan/don-hang', '/tai-khoan/don-hang'],
    ['/tai-khoan/dat-hang/banh-pia?so-luong=2#dat', '/tai-khoan/dat-hang/banh-pia?so-luong=2#dat'],
    // Non-ASCII is sent percent-encoded: a Location header holds ASCII only.
    ['/san-pham?q=bánh pía'.replace(' ', '+'), '/san-pham?q=b%C3%A1nh+p%C3%ADa'],
    ['/%2F/evil.example', '/%2F/evil.example'],
  ])('keeps the local path %j', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it.each([
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/tai-khoan\r\nSet-Cookie: x=1',
    '/tai-khoan\u200f',
    '/\u202e/evil.example',
    '/\u2066tai-khoan',
    '/\ufefftai-khoan',
    '/ /evil.example',
    'javascript:alert(1)',
    'tai-khoan',
  ])('sends %j to the account page instead', (value) => {
    expect(safeNext(value)).toBe('/tai-khoan');
  });
});
