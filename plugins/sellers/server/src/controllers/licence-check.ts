import type { Core } from '@strapi/strapi';
import { parseInput } from '@sgd/plugin-core';
import { sellersService } from '../services';
import { licenceCheckQuery } from '../validation/licence-check';

/** `GET /api/licences/check?number=…`: public, read-only. */
const licenceCheckController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { query: unknown; body: unknown }) {
    const { number } = parseInput(licenceCheckQuery, ctx.query);
    ctx.body = { data: await sellersService(strapi, 'licenceCheck').check(number) };
  },
});

export default licenceCheckController;
