import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { sellersService } from '../services';

const NOT_FOUND = 'Không có thẻ xác thực: người bán hoặc giấy phép chưa được Sàn xác thực.';
/** Slugs and document ids are short words of letters, digits and dashes. */
const KEY = /^[a-z0-9-]{1,200}$/;

/** `GET /api/sellers/:id/trust-card`, `GET /api/licences/:id/trust-card`: public, read-only. */
const trustCardsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const found = <T>(card: T | null): { data: T } => {
    if (!card) throw new errors.NotFoundError(NOT_FOUND);
    return { data: card };
  };
  const key = (value: unknown) => (typeof value === 'string' && KEY.test(value) ? value : null);
  return {
    async seller(ctx: { params: { id?: unknown }; body: unknown }) {
      const slug = key(ctx.params.id);
      ctx.body = found(slug ? await sellersService(strapi, 'trustCards').seller(slug) : null);
    },
    async licence(ctx: { params: { id?: unknown }; body: unknown }) {
      const documentId = key(ctx.params.id);
      ctx.body = found(documentId ? await sellersService(strapi, 'trustCards').licence(documentId) : null);
    },
    /**
     * `GET /sellers/trust-card/:id` (admin, a seller's document id): where the seller's card is on the public site, for
     * the officer to open or print from the seller's edit view; `data` is null (with why, in Vietnamese)
     * when the seller has no card or the site's address is not configured.
     */
    async links(ctx: { params: { id?: unknown }; body: unknown }) {
      const documentId = key(ctx.params.id);
      const row = documentId
        ? ((await strapi.db.query(UID.seller).findOne({ where: { documentId }, select: ['slug'] })) as {
            slug: string | null;
          } | null)
        : null;
      const card = row?.slug ? await sellersService(strapi, 'trustCards').seller(row.slug) : null;
      if (!card) {
        ctx.body = { data: null, meta: { reason: NOT_FOUND } };
        return;
      }
      const site = String((strapi.config.get('plugin::core') as { siteUrl?: string }).siteUrl ?? '');
      if (!site) {
        ctx.body = {
          data: null,
          meta: {
            reason: 'Chưa đặt địa chỉ trang công khai của Sàn (SITE_URL): không tạo được liên kết tới thẻ.',
          },
        };
        return;
      }
      const page = `${site.replace(/\/+$/, '')}/xac-thuc/doanh-nghiep/${encodeURIComponent(card.slug)}`;
      ctx.body = {
        data: { state: card.state, page, png: `${page}/the.png`, svg: `${page}/the.svg` },
        meta: {},
      };
    },
  };
};

export default trustCardsController;
