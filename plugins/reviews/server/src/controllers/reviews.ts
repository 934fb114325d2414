import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseInput } from '@sgd/plugin-core';
import { MESSAGES } from '../constants';
import { reviewsService } from '../services';
import {
  answerEdit,
  commentEdit,
  newAnswer,
  newComment,
  newReview,
  pageQuery,
  reviewEdit,
} from '../validation/input';

export interface Ctx {
  request: { body?: unknown; query?: unknown };
  params: { id?: string };
  state: { user?: { id: number } };
  status: number;
  body: unknown;
}

/** Parse, call one service, shape the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviews = () => reviewsService(strapi, 'reviews');
  const me = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError(MESSAGES.signIn);
    return ctx.state.user.id;
  };
  const created = (ctx: Ctx, data: unknown) => {
    ctx.status = 201;
    ctx.body = { data };
  };

  return {
    async createReview(ctx: Ctx) {
      const userId = me(ctx);
      created(ctx, await reviews().createReview(userId, parseInput(newReview, ctx.request.body)));
    },
    async createComment(ctx: Ctx) {
      const userId = me(ctx);
      created(ctx, await reviews().createComment(userId, parseInput(newComment, ctx.request.body)));
    },
    async createAnswer(ctx: Ctx) {
      const userId = me(ctx);
      created(ctx, await reviews().createAnswer(userId, parseInput(newAnswer, ctx.request.body)));
    },
    async editReview(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(reviewEdit, ctx.request.body);
      ctx.body = { data: await reviews().edit('review', userId, String(ctx.params.id), input) };
    },
    async editComment(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(commentEdit, ctx.request.body);
      ctx.body = { data: await reviews().edit('comment', userId, String(ctx.params.id), input) };
    },
    async editAnswer(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(answerEdit, ctx.request.body);
      ctx.body = { data: await reviews().edit('answer', userId, String(ctx.params.id), input) };
    },
    async myReviews(ctx: Ctx) {
      ctx.body = await reviews().mine('review', me(ctx), parseInput(pageQuery, ctx.request.query));
    },
    async myComments(ctx: Ctx) {
      ctx.body = await reviews().mine('comment', me(ctx), parseInput(pageQuery, ctx.request.query));
    },
    async myAnswers(ctx: Ctx) {
      ctx.body = await reviews().mine('answer', me(ctx), parseInput(pageQuery, ctx.request.query));
    },
    async productReviews(ctx: Ctx) {
      const page = parseInput(pageQuery, ctx.request.query);
      ctx.body = await reviews().forProduct('review', String(ctx.params.id), page);
    },
    async productComments(ctx: Ctx) {
      const page = parseInput(pageQuery, ctx.request.query);
      ctx.body = await reviews().forProduct('comment', String(ctx.params.id), page);
    },
  };
};
