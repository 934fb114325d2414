import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { describeMatches, findBannedGoods } from '../utils/banned-goods';

const TEXT_FIELDS = ['name', 'description', 'ingredients', 'uses', 'specification', 'promotion'] as const;

/**
 * Banned goods (QC Điều 17.2): a product's texts are checked against `BANNED_GOODS` when it is
 * submitted for review. A match does not refuse the submission; it is written to the product's
 * private `flaggedReasons` (read by the reviewing officer in the admin), and cleared when a later
 * submission no longer matches.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async checkProduct(documentId: string): Promise<string | null> {
    const draft = (await strapi.db.query(UID.product as never).findOne({
      where: { documentId, publishedAt: null },
      select: [...TEXT_FIELDS],
    })) as Record<(typeof TEXT_FIELDS)[number], string | null> | null;
    if (!draft) return null;
    const flagged = describeMatches(findBannedGoods(TEXT_FIELDS.map((field) => draft[field])));
    await strapi.db.query(UID.product as never).updateMany({
      where: { documentId, publishedAt: null },
      data: { flaggedReasons: flagged },
    });
    return flagged;
  },
});
