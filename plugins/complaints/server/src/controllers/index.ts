import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUTH_RATE_LIMITS } from '@sgd/config';
import { clientAddress, parseInput } from '@sgd/plugin-core';
import { MESSAGES } from '../constants';
import { complaintAction, forwardInput, listQuery, newComplaint, newReport } from '../validation';

export interface Ctx {
  request: { body?: unknown; query?: unknown; ip: string };
  params: { documentId?: string };
  state: { user?: { id: number; username?: string | null } } & Record<string, unknown>;
  status: number;
  body: unknown;
  get(name: string): string;
  set(name: string, value: string): void;
}

type Complaints = ReturnType<typeof import('../services/complaints').default>;
type Reports = ReturnType<typeof import('../services/reports').default>;

/** Parse, call one service, shape the answer. */
const complaints = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('complaints').service('complaints') as Complaints;
  const me = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError(MESSAGES.signIn);
    return ctx.state.user.id;
  };
  return {
    async create(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(newComplaint, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().open(userId, input) };
    },
    async list(ctx: Ctx) {
      const userId = me(ctx);
      ctx.body = await service().list(userId, 'buyer', parseInput(listQuery, ctx.request.query));
    },
    async incoming(ctx: Ctx) {
      const userId = me(ctx);
      ctx.body = await service().list(userId, 'seller', parseInput(listQuery, ctx.request.query));
    },
    async read(ctx: Ctx) {
      ctx.body = { data: await service().read(String(ctx.params.documentId), me(ctx)) };
    },
    async act(ctx: Ctx) {
      const userId = me(ctx);
      const input = parseInput(complaintAction, ctx.request.body);
      ctx.body = { data: await service().act(String(ctx.params.documentId), userId, input) };
    },
  };
};

/** Anyone reports a violation; counted per client (the site's signed visitor address, else the IP) with the accounts plugin's limiter (Redis when configured). */
const reports = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Ctx) {
    const limiter = strapi.plugin('accounts').service('rate-limit') as {
      check(group: keyof typeof AUTH_RATE_LIMITS, client: string): Promise<number | null>;
    };
    const wait = await limiter.check('violation-report', clientAddress(ctx, strapi));
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError(MESSAGES.tooMany(Math.max(1, Math.ceil(wait / 60))), {
        retryAfter: wait,
      });
    }
    const input = parseInput(newReport, ctx.request.body);
    const service = strapi.plugin('complaints').service('reports') as Reports;
    ctx.status = 201;
    ctx.body = { data: await service.create(input, ctx.state.user ?? null) };
  },
});

/** Officers (admin): read a complaint of their departments, forward it to the association. */
const staff = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('complaints').service('complaints') as Complaints;
  async function officerOf(ctx: Ctx) {
    if (!ctx.state.user) throw new errors.UnauthorizedError(MESSAGES.signIn);
    const officer = await (
      strapi.plugin('workflow').service('staff') as {
        officer(
          id: number,
        ): Promise<{ id: number; name: string; superAdmin: boolean; departmentIds: number[] }>;
      }
    ).officer(ctx.state.user.id);
    if (!officer.superAdmin && officer.departmentIds.length === 0)
      throw new errors.PolicyError(MESSAGES.noDepartment);
    return officer;
  }
  return {
    async read(ctx: Ctx) {
      ctx.body = {
        data: await service().readForOfficer(String(ctx.params.documentId), await officerOf(ctx)),
      };
    },
    async forward(ctx: Ctx) {
      const officer = await officerOf(ctx);
      const input = parseInput(forwardInput, ctx.request.body);
      ctx.body = { data: await service().forward(String(ctx.params.documentId), officer, input.message) };
    },
  };
};

export default { complaints, reports, staff };
