/**
 * Orders on the site: the order form's schema (checked here before the CMS checks again) and the
 * shapes `/api/orders` answers. The CMS stays the judge of prices, stock rules and transitions.
 */
import { z } from 'zod';
import { ORDER_LIMITS } from '@sgd/config';

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

/** The form for one product, whose offered methods bound the choices. */
export const orderFormSchema = (paymentMethods: readonly string[], deliveryMethods: readonly string[]) =>
  z.object({
    quantity: z.coerce
      .number({ invalid_type_error: 'Nhập số lượng.' })
      .int('Số lượng phải là số nguyên.')
      .min(1, 'Số lượng ít nhất là 1.')
      .max(ORDER_LIMITS.maxQuantity, `Số lượng tối đa là ${ORDER_LIMITS.maxQuantity}.`),
    contactName: z.string().trim().min(1, 'Nhập họ và tên người nhận.').max(255, 'Tối đa 255 ký tự.'),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,15}$/, 'Nhập số điện thoại hợp lệ.'),
    contactEmail: z
      .string()
      .trim()
      .max(255, 'Tối đa 255 ký tự.')
      .refine((v) => v === '' || z.string().email().safeParse(v).success, 'Nhập email hợp lệ.')
      .transform((v) => v || undefined),
    deliveryAddress: z.string().trim().min(1, 'Nhập địa chỉ nhận hàng.').max(500, 'Tối đa 500 ký tự.'),
    note: z
      .string()
      .trim()
      .max(1000, 'Tối đa 1000 ký tự.')
      .transform((v) => v || undefined),
    paymentMethod: z
      .string()
      .refine((v) => paymentMethods.includes(v), 'Chọn một cách thanh toán người bán nhận.'),
    deliveryMethod: z
      .string()
      .refine((v) => deliveryMethods.includes(v), 'Chọn một cách giao hàng người bán nhận.'),
  });

export interface OrderAction {
  action: string;
  name: string;
  reasonRequired: boolean;
}

export interface OrderSummary {
  code: string;
  status: string;
  statusName: string;
  placedAt: string;
  seller: { slug: string | null; name: string };
  total: number;
}

export interface OrderDetail extends OrderSummary {
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  deliveryAddress: string;
  note: string | null;
  paymentMethod: string;
  deliveryMethod: string;
  lines: {
    product: { documentId: string; slug: string } | null;
    productName: string;
    unit: string | null;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
  }[];
  viewerRole: 'buyer' | 'seller';
  actions: OrderAction[];
  history: { action: string; toName: string; actorName: string | null; reason: string | null; at: string }[];
}

/** The first message of each field, as zod reports it. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  return fields;
}
