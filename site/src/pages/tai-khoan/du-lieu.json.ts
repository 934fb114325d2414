import type { APIRoute } from 'astro';
import { cms } from '../../lib/cms';
import { sessionToken } from '../../lib/account';

/** "Tải dữ liệu của tôi": the CMS's export, passed through with the session's token. */
export const GET: APIRoute = async ({ cookies, redirect }) => {
  const token = sessionToken(cookies);
  if (!token) return redirect('/tai-khoan/dang-nhap?tiep=/tai-khoan', 303);
  const res = await cms
    .send('/api/accounts/me/export', { headers: { authorization: `Bearer ${token}` } }, 30_000)
    .catch(() => null);
  if (!res || !res.ok) {
    return new Response('Chưa tải được dữ liệu lúc này. Vui lòng thử lại sau.', {
      status: res?.status === 401 ? 401 : 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
    });
  }
  return new Response(res.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition':
        res.headers.get('content-disposition') ?? 'attachment; filename="du-lieu-cua-toi.json"',
      'cache-control': 'private, no-store',
    },
  });
};
