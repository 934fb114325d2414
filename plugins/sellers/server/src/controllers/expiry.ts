import type { Core } from '@strapi/strapi';
import { coreService, parseInput } from '@sgd/plugin-core';
import { workflowService } from '@sgd/plugin-workflow';
import { sellersService } from '../services';
import { expiringQuery } from '../validation/expiring';

export interface ExpiringCtx {
  query: unknown;
  state: { user: { id: number } };
  body: unknown;
}

/** Staff's list of expiring licences (admin route), scoped to the officer's departments. */
const expiryController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async expiring(ctx: ExpiringCtx) {
    const query = parseInput(expiringQuery, ctx.query);
    const staff = workflowService(strapi, 'staff');
    const officer = await staff.officer(ctx.state.user.id);
    ctx.body = await sellersService(strapi, 'expiry').expiring(coreService(strapi, 'clock').now(), {
      ...query,
      scope: staff.scopeOf(officer),
    });
  },
});

export default expiryController;
