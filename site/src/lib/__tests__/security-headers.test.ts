import { contentSecurityPolicy, securityHeaders, tileSource, withSecurityHeaders } from '../security-headers';

describe('tileSource', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:8080'],
    ['/tiles/{z}/{x}/{y}.png', null],
    ["https://tiles.example.org';script-src *;/{z}", null],
  ])('%s → %s', (template, source) => {
    expect(tileSource(template)).toBe(source);
  });
});

describe('security headers', () => {
  it('allows only the site itself for scripts and styles, the tile server for images, and no framing', () => {
    const policy = contentSecurityPolicy({
      tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
      https: false,
    });
    expect(policy.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: https://tile.example.org",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(policy).not.toContain('unsafe');
  });

  it('sends HSTS and upgrades requests only over TLS', () => {
    const plain = securityHeaders(new URL('http://127.0.0.1:4321/'), 'https://t.example/{z}/{x}/{y}.png');
    expect(plain).not.toHaveProperty('Strict-Transport-Security');
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');

    const tls = securityHeaders(
      new URL('https://sangiaodich.example.vn/'),
      'https://t.example/{z}/{x}/{y}.png',
    );
    expect(tls['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(tls['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    expect(tls).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(tls['Permissions-Policy']).toContain('geolocation=()');
  });

  it("keeps a policy the answer already has (the uploads' sandbox), and copies immutable headers", () => {
    const sandboxed = new Response('x', {
      headers: { 'content-security-policy': "sandbox; default-src 'none'" },
    });
    const kept = withSecurityHeaders(sandboxed, new URL('http://127.0.0.1/uploads/a.png'));
    expect(kept.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(kept.headers.get('x-frame-options')).toBe('DENY');

    const redirect = Response.redirect('http://127.0.0.1/', 303);
    const copied = withSecurityHeaders(redirect, new URL('http://127.0.0.1/'));
    expect(copied.status).toBe(303);
    expect(copied.headers.get('location')).toBe('http://127.0.0.1/');
    expect(copied.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
