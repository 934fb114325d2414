import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { catalogService } from '../services';
import { searchQuery } from '../validation/search';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: { query: unknown; body: unknown }) {
    const parsed = searchQuery.safeParse(ctx.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message =
        issue.code === 'unrecognized_keys'
          ? `Tham số không được hỗ trợ: ${issue.keys.join(', ')}.`
          : issue.message;
      throw new errors.ValidationError(message);
    }
    ctx.body = await catalogService(strapi, 'search').search(parsed.data);
  },
});
