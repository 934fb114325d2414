import type { Migration } from '@sgd/plugin-core';
import { UID } from '../constants';

/**
 * One order per code and per (user, Idempotency-Key): the database refuses the second of two racing
 * inserts. The history by order, and keys by age (for the retention job).
 */
const orderIndexes: Migration = {
  name: '001-order-indexes',
  async up({ createIndex }) {
    await createIndex({ name: 'ord_orders_code_unique', uid: UID.order, attributes: ['code'], unique: true });
    await createIndex({
      name: 'ord_idempotency_keys_unique',
      uid: UID.idempotencyKey,
      attributes: ['userId', 'requestKey'],
      unique: true,
    });
    await createIndex({ name: 'ord_history_order', uid: UID.event, attributes: ['orderId'] });
    await createIndex({
      name: 'ord_idempotency_keys_age',
      uid: UID.idempotencyKey,
      attributes: ['createdAt'],
    });
  },
};

export const migrations: Migration[] = [orderIndexes];
