import type { Core } from '@strapi/strapi';
import { findInOrder, foldCode, presentPublic } from '@sgd/plugin-core';
import { LICENCE_CHECK_MAX_RESULTS, UID } from '../constants';
import { licenceEndpoint, VISIBLE_LICENCE } from '../controllers/endpoints';

interface WriteEvent {
  params: { data?: Record<string, unknown> };
}

/**
 * The licence check anyone runs by number (the site's "Kiểm tra giấy phép", a scanned trust card):
 * a number is found however it was typed, since every licence stores its number folded
 * (`numberKey`, `foldCode`) and the typed number is folded the same way.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Verified licences of verified sellers whose number folds like `number` (a number may repeat). */
  async check(number: string): Promise<unknown[]> {
    const key = foldCode(number);
    if (!key) return [];
    const rows = (await strapi.db.query(UID.licence).findMany({
      where: { ...VISIBLE_LICENCE, numberKey: key, publishedAt: { $notNull: true } },
      select: ['id'],
      orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
      limit: LICENCE_CHECK_MAX_RESULTS,
    })) as Array<{ id: number }>;
    const items = await findInOrder(
      strapi,
      licenceEndpoint,
      rows.map((row) => row.id),
    );
    return (await presentPublic(strapi, licenceEndpoint, items)) as unknown[];
  },

  /** Keeps `numberKey` in step with `number` on every write (Document Service, admin, seed, code). */
  register(): void {
    const fold = (event: WriteEvent) => {
      const data = event.params.data;
      if (data && typeof data.number === 'string') data.numberKey = foldCode(data.number);
    };
    strapi.db.lifecycles.subscribe({ models: [UID.licence], beforeCreate: fold, beforeUpdate: fold });
  },
});
