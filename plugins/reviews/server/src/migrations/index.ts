import type { Migration } from '@sgd/plugin-core';
import { UID } from '../constants';

/**
 * One review per order and product, one seller rating per order, one answer per review or comment:
 * unique among drafts (each document has exactly one draft row) that are not rejected, so the
 * database refuses the second of two racing requests and a rejected one does not block a new one.
 * One stored rating per product or seller.
 */
const uniqueness: Migration = {
  name: '001-unique-reviews-answers-ratings',
  async up({ createIndex, dropIndex, column }) {
    // Draft rows (one per document) that are not rejected: a rejected review or answer frees its place.
    const drafts = (uid: string) =>
      `${column(uid, 'publishedAt')} IS NULL AND ${column(uid, 'reviewStatus')} <> 'rejected'`;
    // Replaced by the *_open indexes below, which leave rejected rows out.
    await dropIndex('rvw_reviews_order_product');
    await dropIndex('rvw_reviews_order_seller');
    await dropIndex('rvw_answers_target');
    await createIndex({
      name: 'rvw_reviews_order_product_open',
      uid: UID.review,
      attributes: ['orderProductKey'],
      unique: true,
      where: drafts(UID.review),
    });
    await createIndex({
      name: 'rvw_reviews_order_seller_open',
      uid: UID.review,
      attributes: ['orderSellerKey'],
      unique: true,
      where: `${drafts(UID.review)} AND ${column(UID.review, 'orderSellerKey')} IS NOT NULL`,
    });
    await createIndex({
      name: 'rvw_answers_target_open',
      uid: UID.answer,
      attributes: ['targetKey'],
      unique: true,
      where: drafts(UID.answer),
    });
    await createIndex({
      name: 'rvw_ratings_target',
      uid: UID.rating,
      attributes: ['targetUid', 'targetDocumentId'],
      unique: true,
    });
  },
};

export const migrations: Migration[] = [uniqueness];
