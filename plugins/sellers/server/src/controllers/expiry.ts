import type { Core } from '@strapi/strapi';
import { parseInput } from '@sgd/plugin-core';
import { expiringQuery } from '../validation/expiring';

export interface ExpiringOfficer {
  superAdmin: boolean;
  departmentIds: number[];
}

export interface ExpiringCtx {
  query: unknown;
  state: { user: { id: number } };
  body: unknown;
}

/** Staff's list of expiring licences (admin route), scoped to the officer's departments. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async expiring(ctx: ExpiringCtx) {
    const query = parseInput(expiringQuery, ctx.query);
    const workflow = <T>(name: string) => strapi.plugin('workflow').service(name) as T;
    const staff = workflow<{
      officer(id: number): Promise<ExpiringOfficer>;
      scopeOf(o: ExpiringOfficer): number[] | null;
    }>('staff');
    const officer = await staff.officer(ctx.state.user.id);
    const expiry = strapi.plugin('sellers').service('expiry') as ReturnType<
      typeof import('../services/expiry').default
    >;
    ctx.body = await expiry.expiring(workflow<{ now(): Date }>('clock').now(), {
      ...query,
      scope: staff.scopeOf(officer),
    });
  },
});
