import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import type search from '../services/search';
import { searchQuery, suggestQuery } from '../validation/search';

export interface SearchCtx {
  query: unknown;
  body: unknown;
  type: string;
}

/** The parsed query, or 400 with the first problem in Vietnamese. */
function parse<S extends z.ZodTypeAny>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new errors.ValidationError(
    issue.code === 'unrecognized_keys'
      ? `Tham số không được hỗ trợ: ${issue.keys.join(', ')}.`
      : issue.message,
  );
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('catalog').service('search') as ReturnType<typeof search>;
  return {
    async search(ctx: SearchCtx) {
      ctx.type = 'application/json';
      ctx.body = await service().search(parse(searchQuery, ctx.query));
    },
    async autocomplete(ctx: SearchCtx) {
      ctx.type = 'application/json';
      ctx.body = await service().suggest(parse(suggestQuery, ctx.query));
    },
  };
};
