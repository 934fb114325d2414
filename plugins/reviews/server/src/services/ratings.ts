import type { Core } from '@strapi/strapi';
import { coreService, NO_RATING, type Rating } from '@sgd/plugin-core';
import { UID } from '../constants';

type Row = Record<string, unknown>;

const present = (row: { count: number; total: number } | undefined): Rating =>
  row && row.count > 0
    ? { average: Math.round((Number(row.total) / Number(row.count)) * 10) / 10, count: Number(row.count) }
    : NO_RATING;

/** Stored ratings of some products or sellers, by documentId, in one query. */
export async function ratingsOf(
  strapi: Core.Strapi,
  targetUid: string,
  documentIds: string[],
): Promise<Map<string, Rating>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await strapi.db.query(UID.rating).findMany({
    where: { targetUid, targetDocumentId: { $in: documentIds } },
    select: ['targetDocumentId', 'count', 'total'],
  })) as { targetDocumentId: string; count: number; total: number }[];
  return new Map(rows.map((row) => [row.targetDocumentId, present(row)]));
}

/**
 * Keeps the stored aggregates: after an approval, or when an approved review leaves the public site,
 * the product's and the seller's count and total are recomputed from the approved, published reviews.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function store(targetUid: string, targetDocumentId: string, count: number, total: number) {
    const where = { targetUid, targetDocumentId };
    const updated = await strapi.db.query(UID.rating).updateMany({ where, data: { count, total } });
    if (updated.count === 0) {
      try {
        await strapi.db.query(UID.rating).create({ data: { ...where, count, total } });
      } catch (error) {
        // Another request created the row meanwhile (unique index): write our figures onto it.
        const again = await strapi.db.query(UID.rating).updateMany({ where, data: { count, total } });
        if (again.count === 0) throw error;
      }
    }
    // Copies of the ratings (the catalog's read model) follow, in this transaction.
    await coreService(strapi, 'ratings').changed(targetUid, [targetDocumentId]);
  }

  async function sum(where: Row, field: 'productStars' | 'sellerStars') {
    const rows = (await strapi.db.query(UID.review).findMany({
      where: {
        ...where,
        reviewStatus: 'approved',
        publishedAt: { $notNull: true },
        [field]: { $notNull: true },
      },
      // With the id: the relation's join makes the Query Engine select DISTINCT, which would merge
      // two reviews giving the same stars into one.
      select: ['id', field],
    })) as Row[];
    return { count: rows.length, total: rows.reduce((acc, row) => acc + Number(row[field]), 0) };
  }

  return {
    async recomputeProduct(documentId: string) {
      const { count, total } = await sum({ product: { documentId } }, 'productStars');
      await store(UID.product, documentId, count, total);
    },

    async recomputeSeller(documentId: string) {
      const { count, total } = await sum({ seller: { documentId } }, 'sellerStars');
      await store(UID.seller, documentId, count, total);
    },

    /** The product and seller a review is about (from any of its versions). */
    async targetsOf(reviewDocumentId: string) {
      const row = (await strapi.db.query(UID.review).findOne({
        where: { documentId: reviewDocumentId },
        populate: { product: { select: ['documentId'] }, seller: { select: ['documentId'] } },
      })) as { product?: { documentId: string } | null; seller?: { documentId: string } | null } | null;
      return { product: row?.product?.documentId ?? null, seller: row?.seller?.documentId ?? null };
    },

    async recompute(targets: { product: string | null; seller: string | null }) {
      if (targets.product) await this.recomputeProduct(targets.product);
      if (targets.seller) await this.recomputeSeller(targets.seller);
    },

    ratingsOf: (targetUid: string, documentIds: string[]) => ratingsOf(strapi, targetUid, documentIds),
  };
};
