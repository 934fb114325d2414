import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
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
  };
};

export default trustCardsController;
