import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseInput } from '@sgd/plugin-core';
import { MESSAGES } from '../constants';
import { ordersService } from '../services';
import { idempotencyKey, listQuery, newOrder, orderAction } from '../validation/order';

export interface Ctx {
  request: { body?: unknown; query?: unknown; get(name: string): string };
  params: { code?: string };
  state: { user?: { id: number } };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** Parse, call one service, shape the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = () => ordersService(strapi, 'orders');
  const me = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError(MESSAGES.signIn);
    return ctx.state.user.id;
  };

  return {
    /** 201 with the order, the first time and on every replay of the same key and body (`Idempotent-Replayed: true`). */
    async create(ctx: Ctx) {
      const userId = me(ctx);
      const key = idempotencyKey.safeParse(ctx.request.get('Idempotency-Key'));
      if (!key.success) throw new errors.ValidationError(MESSAGES.keyMissing);
      const input = parseInput(newOrder, ctx.request.body);
      const { order, replayed } = await orders().create(userId, key.data, input);
      ctx.set('Idempotent-Replayed', String(replayed));
      ctx.status = 201;
      ctx.body = { data: order };
    },
    async list(ctx: Ctx) {
      const userId = me(ctx);
      ctx.body = await orders().list(userId, 'buyer', parseInput(listQuery, ctx.request.query));
    },
    async incoming(ctx: Ctx) {
      const userId = me(ctx);
      ctx.body = await orders().list(userId, 'seller', parseInput(listQuery, ctx.request.query));
    },
    async read(ctx: Ctx) {
      ctx.body = { data: await orders().read(String(ctx.params.code), me(ctx)) };
    },
    async act(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(orderAction, ctx.request.body);
      ctx.body = { data: await orders().act(String(ctx.params.code), userId, input) };
    },
  };
};
