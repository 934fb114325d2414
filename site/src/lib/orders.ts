/**
 * Orders on the site: the rules of the order and complaint forms (the CMS's own, checked by the
 * actions before the CMS is asked) and the shapes `/api/orders` answers. The CMS stays the judge
 * of prices, stock rules and transitions.
 */
import { z } from 'zod';
import {
  COMPLAINT_LIMITS,
  COMPLAINT_REMEDY_CODES,
  DELIVERY_METHOD_CODES,
  ORDER_LIMITS,
  PAYMENT_METHOD_CODES,
  type ComplaintRemedyCode,
  type DeliveryMethodCode,
  type PaymentMethodCode,
} from '@sgd/config';
import type { ComplaintRules, OrderRules } from '@sgd/contracts';

export const ORDER_FIELDS = [
  'quantity',
  'contactName',
  'contactPhone',
  'contactEmail',
  'deliveryAddress',
  'note',
  'paymentMethod',
  'deliveryMethod',
] as const;
export type OrderFormValues = Record<(typeof ORDER_FIELDS)[number], string>;

/** The rules of an order's fields, the CMS's own (`orderFields` of @sgd/contracts). */
export const ORDER_RULES: OrderRules<PaymentMethodCode, DeliveryMethodCode> = {
  maxNote: ORDER_LIMITS.maxNote,
  paymentMethods: PAYMENT_METHOD_CODES,
  deliveryMethods: DELIVERY_METHOD_CODES,
};

/** The rules of a complaint's fields, the CMS's own (`complaintFields` of @sgd/contracts). */
export const COMPLAINT_RULES: ComplaintRules<ComplaintRemedyCode> = {
  subjectMax: COMPLAINT_LIMITS.subject,
  descriptionMax: COMPLAINT_LIMITS.description,
  remedies: COMPLAINT_REMEDY_CODES,
};

export const orderActionSchema = z.object({
  action: z.string(),
  name: z.string(),
  reasonRequired: z.boolean(),
});
export type OrderAction = z.infer<typeof orderActionSchema>;

/** An order in my lists (`/api/orders`, `/api/orders/incoming`). */
export const orderSummarySchema = z.object({
  code: z.string(),
  status: z.string(),
  statusName: z.string(),
  placedAt: z.string(),
  seller: z.object({ slug: z.string().nullable(), name: z.string() }),
  total: z.number(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** One order as its buyer or seller sees it (`/api/orders/:code`), with what they may do next. */
export const orderDetailSchema = orderSummarySchema.extend({
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  deliveryAddress: z.string(),
  note: z.string().nullable(),
  paymentMethod: z.string(),
  deliveryMethod: z.string(),
  lines: z.array(
    z.object({
      product: z.object({ documentId: z.string(), slug: z.string() }).nullable(),
      productName: z.string(),
      unit: z.string().nullable(),
      unitPrice: z.number(),
      quantity: z.number(),
      lineTotal: z.number(),
    }),
  ),
  viewerRole: z.enum(['buyer', 'seller']),
  actions: z.array(orderActionSchema),
  history: z.array(
    z.object({
      action: z.string(),
      toName: z.string(),
      actorName: z.string().nullable(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;
