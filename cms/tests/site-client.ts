import { SITE_PASSWORD } from './staff';

/** What a browser gets back for a page: status, HTML and where a redirect points. */
export interface Page {
  status: number;
  html: string;
  location: string | null;
}

/**
 * A visitor of the built site over HTTP, without JavaScript: pages, form posts (with the site's own
 * Origin, as a browser sends it) and sign-in through the login form. `base` is read at each call,
 * since the site starts in `beforeAll`.
 */
export function siteClient(base: () => string) {
  const get = async (pathname: string, cookie?: string): Promise<Page> => {
    const res = await fetch(`${base()}${pathname}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };

  const post = async (pathname: string, fields: [string, string][], cookie?: string): Promise<Page> => {
    const res = await fetch(`${base()}${pathname}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: base(),
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };

  /** Signs in through the login form; answers the session cookie a browser would send back. */
  const signIn = async (email: string): Promise<string> => {
    const res = await fetch(`${base()}/tai-khoan/dang-nhap`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ identifier: email, password: SITE_PASSWORD }).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((cookie) => cookie.startsWith('sgd_phien='));
    if (!session) throw new Error('Không nhận được cookie phiên đăng nhập');
    return session.split(';')[0];
  };

  return { get, post, signIn };
}
