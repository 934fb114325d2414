import { defineAction } from 'astro:actions';
import { z } from 'zod';
import {
  complaintFields,
  orderFields,
  orderQuantityField,
  plainTextField,
  reasonField,
} from '@sgd/contracts';
import { ORDER_LIMITS, REVIEW_LIMITS } from '@sgd/config';
import { callApi, refusal, unreadAnswer } from '../lib/account';
import { FIX_FIELDS, formNumber } from '../lib/action-form';
import { cms } from '../lib/cms';
import { COMPLAINT_RULES, ORDER_RULES, orderDetailSchema } from '../lib/orders';
import { signedIn } from './signed-in';

const orderCode = z.string().trim().min(1).max(20);

const stars = (message: string) =>
  z
    .number({ required_error: message, invalid_type_error: message })
    .int(message)
    .min(REVIEW_LIMITS.minStars, message)
    .max(REVIEW_LIMITS.maxStars, message);

/**
 * Ordering one product and what follows on the order: its buyer's and seller's actions, the buyer's
 * complaint. The CMS's rules (`@sgd/contracts`) are checked first; the CMS stays the judge of prices,
 * stock, transitions and who may do what.
 */
export const orders = {
  /**
   * An order for one product (by its slug): only a method the seller offers is accepted. The page
   * gives each rendering a fresh `idempotencyKey`, so posting the same form twice makes one order.
   */
  place: defineAction({
    accept: 'form',
    input: z.object({
      product: z.string().trim().min(1).max(200),
      idempotencyKey: z.string().uuid(),
      quantity: formNumber(orderQuantityField(ORDER_LIMITS.maxQuantity)),
      ...orderFields(ORDER_RULES),
    }),
    handler: async ({ product: slug, idempotencyKey, quantity, ...order }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const product = await cms.getProduct(slug);
      if (!product)
        return { ok: false as const, status: 404, message: 'Sản phẩm không còn trên Sàn.', fields: {} };
      const fields: Record<string, string> = {};
      if (!(product.paymentMethods ?? []).includes(order.paymentMethod))
        fields.paymentMethod = 'Chọn một cách thanh toán người bán nhận.';
      if (!(product.deliveryMethods ?? []).includes(order.deliveryMethod))
        fields.deliveryMethod = 'Chọn một cách giao hàng người bán nhận.';
      if (Object.keys(fields).length > 0)
        return { ok: false as const, status: 400, message: FIX_FIELDS, fields };
      const res = await callApi('POST', '/orders', orderDetailSchema, {
        token,
        headers: { 'idempotency-key': idempotencyKey },
        json: { items: [{ product: product.documentId, quantity }], ...order },
      });
      return res.ok ? { ok: true as const, code: res.data.code } : refusal(res);
    },
  }),

  /** One of the actions the CMS lists for the viewer of an order now, with its reason. */
  act: defineAction({
    accept: 'form',
    input: z.object({
      order: orderCode,
      action: z.string({ invalid_type_error: 'Hãy chọn một thao tác.' }).trim().min(1).max(50),
      reason: reasonField(ORDER_LIMITS.maxReason),
    }),
    handler: async ({ order, action, reason }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi('POST', `/orders/${encodeURIComponent(order)}/actions`, unreadAnswer, {
        token,
        json: { action, ...(reason ? { reason } : {}) },
      });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** The buyer's review of a delivered product (by its document id) and, optionally, of the seller. */
  review: defineAction({
    accept: 'form',
    input: z.object({
      order: orderCode,
      product: z.string().trim().min(1).max(64),
      productStars: stars('Chọn từ 1 đến 5 sao cho sản phẩm.'),
      sellerStars: stars('Chọn từ 1 đến 5 sao cho người bán.').optional(),
      text: plainTextField('nội dung đánh giá', REVIEW_LIMITS.reviewText),
    }),
    handler: async (review, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi('POST', '/reviews', unreadAnswer, { token, json: review });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** The buyer's complaint to the seller about an order (QC Điều 27). */
  complain: defineAction({
    accept: 'form',
    input: z.object({ order: orderCode, ...complaintFields(COMPLAINT_RULES) }),
    handler: async (complaint, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi('POST', '/complaints', unreadAnswer, { token, json: complaint });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
