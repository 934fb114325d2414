import { FORM_BODY_LIMIT, formProblem, takesOtherBody } from '../form-guard';

const post = (body: BodyInit | null, contentType: string | null, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/tai-khoan/dang-nhap', {
    method: 'POST',
    body,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
  });

describe('formProblem', () => {
  it('reads form bodies, urlencoded and multipart, and leaves the body for the page', async () => {
    const urlencoded = post('identifier=a%40example.vn&password=x', 'application/x-www-form-urlencoded');
    expect(await formProblem(urlencoded)).toBeNull();
    expect((await urlencoded.formData()).get('identifier')).toBe('a@example.vn');

    const form = new FormData();
    form.set('identifier', 'a@example.vn');
    const multipart = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    expect(await formProblem(multipart)).toBeNull();
  });

  it.each([
    ['JSON', '{"identifier":"a@example.vn"}', 'application/json'],
    ['XML', '<login><identifier>a</identifier></login>', 'application/xml'],
    ['plain text', 'identifier=a', 'text/plain'],
    ['no type', 'identifier=a', null],
  ])('answers 415 to %s', async (_what, body, type) => {
    expect(await formProblem(post(body, type))).toBe(415);
  });

  it('answers 400 to a multipart body that cannot be read', async () => {
    const broken = post(
      '--abc\r\nContent-Disposition: form-data; name="x"\r\n\r\nvalue',
      'multipart/form-data; boundary=abc',
    );
    expect(await formProblem(broken)).toBe(400);
    const noBoundary = post('x=1', 'multipart/form-data');
    expect(await formProblem(noBoundary)).toBe(400);
  });

  it('answers 413 to a body announced larger than any form', async () => {
    const huge = post('x=1', 'application/x-www-form-urlencoded', {
      'content-length': String(FORM_BODY_LIMIT + 1),
    });
    expect(await formProblem(huge)).toBe(413);
  });

  it("leaves the CMS's webhook to its own endpoint", () => {
    expect(takesOtherBody('/webhooks/cms')).toBe(true);
    expect(takesOtherBody('/tai-khoan/dang-nhap')).toBe(false);
  });
});
