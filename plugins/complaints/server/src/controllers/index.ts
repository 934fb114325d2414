import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clientAddress, parseInput } from '@sgd/plugin-core';
import { accountsService } from '@sgd/plugin-accounts';
import { workflowService } from '@sgd/plugin-workflow';
import { MESSAGES } from '../constants';
import { complaintsService } from '../services';
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

/** Parse, call one service, shape the answer. */
const complaints = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => complaintsService(strapi, 'complaints');
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
    const wait = await accountsService(strapi, 'rate-limit').check(
      'violation-report',
      clientAddress(ctx, strapi),
    );
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError(MESSAGES.tooMany(Math.max(1, Math.ceil(wait / 60))), {
        retryAfter: wait,
      });
    }
    const input = parseInput(newReport, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await complaintsService(strapi, 'reports').create(input, ctx.state.user ?? null) };
  },
});

/** Officers (admin): read a complaint of their departments, forward it to the association. */
const staff = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => complaintsService(strapi, 'complaints');
  async function officerOf(ctx: Ctx) {
    if (!ctx.state.user) throw new errors.UnauthorizedError(MESSAGES.signIn);
    const officer = await workflowService(strapi, 'staff').officer(ctx.state.user.id);
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
