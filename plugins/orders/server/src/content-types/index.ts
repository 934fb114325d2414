import {
  DELIVERY_METHODS,
  ORDER_ACTION_CODES,
  ORDER_PARTY_CODES,
  ORDER_STATUSES,
  ORDER_STATUS_CODES,
  PAYMENT_METHODS,
} from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

/** Shown read-only in the content manager for staff; never edited there (routes do the writing). */
const visible = {
  'content-manager': { visible: true },
  'content-type-builder': { visible: false },
};
const internal = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
};

/**
 * An order of one buyer to one seller (QC Điều 11, 13). Not draft & publish: an order is never public,
 * and its status is a field of the status machine (`ORDER_TRANSITIONS`). Contact and delivery details
 * are personal data: private.
 */
const order = {
  kind: 'collectionType',
  collectionName: 'ord_orders',
  info: {
    singularName: 'order',
    pluralName: 'orders',
    displayName: 'Đơn hàng',
    description: 'Đơn đặt hàng của người mua gửi người bán (không thanh toán trực tuyến)',
  },
  options: { draftAndPublish: false },
  pluginOptions: visible,
  attributes: {
    code: { type: 'string', required: true, unique: true, maxLength: 20 },
    // Not `status`: Strapi 5 reserves that name (draft or published).
    orderStatus: enumeration(ORDER_STATUSES, { default: 'placed', required: true }),
    buyer: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
    seller: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.seller' },
    sellerName: { type: 'string', required: true, maxLength: 255 },
    contactName: { type: 'string', required: true, maxLength: 150, private: true },
    contactPhone: { type: 'string', required: true, maxLength: 20, private: true },
    contactEmail: { type: 'string', maxLength: 254, private: true },
    deliveryAddress: { type: 'string', required: true, maxLength: 500, private: true },
    note: { type: 'text', maxLength: 1000, private: true },
    paymentMethod: enumeration(PAYMENT_METHODS, { required: true }),
    deliveryMethod: enumeration(DELIVERY_METHODS, { required: true }),
    total: { type: 'biginteger', required: true },
    lines: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::orders.order-line',
      mappedBy: 'order',
    },
    // The seller's department at ordering time: staff of that department read the order.
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    placedAt: { type: 'datetime', required: true },
    statusChangedAt: { type: 'datetime', required: true },
  },
};

/** One product of an order: name, unit and price are copied at ordering time. */
const orderLine = {
  kind: 'collectionType',
  collectionName: 'ord_order_lines',
  info: {
    singularName: 'order-line',
    pluralName: 'order-lines',
    displayName: 'Dòng đơn hàng',
    description: 'Sản phẩm trong đơn hàng, với giá tại thời điểm đặt',
  },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    order: { type: 'relation', relation: 'manyToOne', target: 'plugin::orders.order', inversedBy: 'lines' },
    product: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.product' },
    position: { type: 'integer', required: true },
    productName: { type: 'string', required: true, maxLength: 255 },
    unit: { type: 'string', required: true, maxLength: 30 },
    unitPrice: { type: 'biginteger', required: true },
    quantity: { type: 'integer', required: true, min: 1 },
    lineTotal: { type: 'biginteger', required: true },
  },
};

/**
 * Append-only history of an order: who (buyer, seller, staff, system; user id and name), from, to,
 * reason, when. Plain integer `orderId` so that the history is one indexed table.
 */
const orderEvent = {
  kind: 'collectionType',
  collectionName: 'ord_history',
  info: {
    singularName: 'order-event',
    pluralName: 'order-events',
    displayName: 'Lịch sử đơn hàng',
    description: 'Mỗi lần đơn hàng đổi trạng thái: ai, khi nào, vì sao',
  },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    orderId: { type: 'integer', required: true },
    action: { type: 'enumeration', enum: ['place', ...ORDER_ACTION_CODES], required: true },
    fromStatus: { type: 'enumeration', enum: [...ORDER_STATUS_CODES] },
    toStatus: { type: 'enumeration', enum: [...ORDER_STATUS_CODES], required: true },
    actorRole: { type: 'enumeration', enum: [...ORDER_PARTY_CODES], required: true },
    actorUserId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 150 },
    reason: { type: 'text', maxLength: 1000 },
  },
};

/**
 * One `Idempotency-Key` of one user: the hash of the request body and the order it created, so a
 * retry gets that order again. A unique index on (user, key) (bootstrap) lets only one of two racing
 * requests create an order.
 */
const idempotencyKey = {
  kind: 'collectionType',
  collectionName: 'ord_idempotency_keys',
  info: {
    singularName: 'idempotency-key',
    pluralName: 'idempotency-keys',
    displayName: 'Khóa chống đặt trùng',
    description: 'Idempotency-Key của yêu cầu đặt hàng và đơn hàng đã tạo',
  },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    userId: { type: 'integer', required: true },
    requestKey: { type: 'string', required: true, maxLength: 255 },
    requestHash: { type: 'string', required: true, maxLength: 64 },
    orderId: { type: 'integer', required: true },
  },
};

export default {
  order: { schema: order },
  'order-line': { schema: orderLine },
  'order-event': { schema: orderEvent },
  'idempotency-key': { schema: idempotencyKey },
};
