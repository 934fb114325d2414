import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { catalogService } from '../services';
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

/** Answers are JSON text written by the search service (from the read model and the answer cache). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: SearchCtx) {
    ctx.type = 'application/json';
    ctx.body = await catalogService(strapi, 'search').search(parse(searchQuery, ctx.query));
  },
  async autocomplete(ctx: SearchCtx) {
    ctx.type = 'application/json';
    ctx.body = await catalogService(strapi, 'search').suggest(parse(suggestQuery, ctx.query));
  },
});
