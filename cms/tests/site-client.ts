import { SITE_PASSWORD } from './staff';

/** A form of a page as a browser without JavaScript reads it. */
export interface PageForm {
  /** Where it posts, resolved against the page's address. */
  action: string;
  /** Its hidden fields and the value of its submit button, as the browser sends them. */
  fields: [string, string][];
  html: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>', '#34': '"' };
const decode = (text: string) =>
  text.replace(/&(amp|quot|#39|#34|lt|gt);/g, (_m, name: string) => ENTITIES[name]);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/**
 * The POST forms of a page, in order. Attributes are read from the site's own markup (Astro writes
 * them with double quotes); `pageUrl` is the page's path and query, which a form without `action`
 * posts back to.
 */
export function formsOf(html: string, pageUrl: string): PageForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, tag]) => /method="post"/i.test(tag))
    .map(([whole, tag, inner]) => {
      const action = attribute(tag, 'action');
      const base = new URL(pageUrl, 'http://site.test');
      const target = action === null ? base : new URL(decode(action), base);
      const hidden = [...inner.matchAll(/<input\b[^>]*>/g)]
        .map(([input]) => input)
        .filter((input) => /type="hidden"/.test(input))
        .map((input): [string, string] => [
          decode(attribute(input, 'name') ?? ''),
          decode(attribute(input, 'value') ?? ''),
        ]);
      const button = /<button\b[^>]*type="submit"[^>]*>|<button\b(?![^>]*type=)[^>]*>/.exec(inner)?.[0] ?? '';
      const buttonName = attribute(button, 'name');
      const fields: [string, string][] = [
        ...hidden,
        ...(buttonName
          ? [[decode(buttonName), decode(attribute(button, 'value') ?? '')] as [string, string]]
          : []),
      ];
      return { action: `${target.pathname}${target.search}`, fields, html: whole };
    });
}

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
/**
 * A GET, asked again once when the site had just closed the kept-alive connection it went out on:
 * a test that held the CPU for seconds (decoding a QR code) can reuse a connection the site's 5 s
 * keep-alive has closed meanwhile, and a browser, too, asks an idempotent request again then.
 */
async function getOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET' && cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

export function siteClient(base: () => string) {
  const get = async (pathname: string, cookie?: string): Promise<Page> => {
    const res = await getOnce(`${base()}${pathname}`, {
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
    const login = await get('/tai-khoan/dang-nhap');
    const form = formsOf(login.html, '/tai-khoan/dang-nhap').find((f) =>
      f.html.includes('name="identifier"'),
    );
    if (!form) throw new Error('Không thấy biểu mẫu đăng nhập');
    const res = await fetch(`${base()}${form.action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ...form.fields,
        ['identifier', email],
        ['password', SITE_PASSWORD],
      ]).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((cookie) => cookie.startsWith('sgd_phien='));
    if (!session) throw new Error('Không nhận được cookie phiên đăng nhập');
    return session.split(';')[0];
  };

  /**
   * Fills the form of the page at `pathname` that contains `marker` (a button's text, a field's
   * name…) with `fields` and sends it, with its hidden fields, as the browser would.
   */
  const submit = async (
    pathname: string,
    marker: string,
    fields: [string, string][],
    cookie?: string,
  ): Promise<Page> => {
    const page = await get(pathname, cookie);
    const form = formsOf(page.html, pathname).find((candidate) => candidate.html.includes(marker));
    if (!form) throw new Error(`Không thấy biểu mẫu có “${marker}” trên ${pathname} (${page.status})`);
    const names = new Set(fields.map(([name]) => name));
    return post(form.action, [...form.fields.filter(([name]) => !names.has(name)), ...fields], cookie);
  };

  return { get, post, signIn, submit };
}
