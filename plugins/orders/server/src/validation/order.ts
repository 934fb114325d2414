import { pageFields } from '@sgd/plugin-core';
import {
  DELIVERY_METHOD_CODES,
  ORDER_ACTION_CODES,
  ORDER_LIMITS,
  ORDER_STATUS_CODES,
  PAYMENT_METHOD_CODES,
  type OrderStatusCode,
  type DeliveryMethodCode,
  type PaymentMethodCode,
} from '@sgd/config';
import { z } from 'zod';

const STRICT = 'Đơn hàng có trường không được phép (trạng thái, người bán, giá do Sàn xác định).';

const text = (label: string, min: number, max: number) =>
  z
    .string({
      required_error: `Hãy nhập ${label.toLowerCase()}.`,
      invalid_type_error: `Hãy nhập ${label.toLowerCase()}.`,
    })
    .trim()
    .min(min, `Hãy nhập ${label.toLowerCase()}.`)
    .max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const optionalText = (label: string, max: number) =>
  z
    .string({ invalid_type_error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(max, `${label} quá dài (tối đa ${max} ký tự).`)
    .nullish()
    .transform((value) => (value ? value : null));

/** A Vietnamese phone number, mobile or landline: 10–11 digits starting with 0 (or +84). */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

const phone = z
  .string({
    required_error: 'Hãy nhập số điện thoại liên hệ.',
    invalid_type_error: 'Hãy nhập số điện thoại liên hệ.',
  })
  .max(30, 'Số điện thoại chưa đúng (ví dụ: 0912345678).')
  .transform((value, context) => {
    const normal = normalisePhone(value);
    if (!normal) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'Số điện thoại chưa đúng (ví dụ: 0912345678).',
      });
      return z.NEVER;
    }
    return normal;
  });
const email = z
  .string({ invalid_type_error: 'Email chưa đúng.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email quá dài.')
  .email('Email chưa đúng (ví dụ: ten@example.vn).')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

const item = z
  .object({
    product: z
      .string({ required_error: 'Hãy chọn sản phẩm.', invalid_type_error: 'Hãy chọn sản phẩm.' })
      .trim()
      .min(1, 'Hãy chọn sản phẩm.')
      .max(64, 'Mã sản phẩm không đúng.'),
    quantity: z
      .number({
        required_error: 'Hãy nhập số lượng.',
        invalid_type_error: 'Số lượng phải là số nguyên dương.',
      })
      .int('Số lượng phải là số nguyên dương.')
      .min(1, 'Số lượng phải ít nhất là 1.')
      .max(
        ORDER_LIMITS.maxQuantity,
        `Số lượng tối đa mỗi sản phẩm là ${ORDER_LIMITS.maxQuantity.toLocaleString('vi-VN')}.`,
      ),
  })
  .strict('Sản phẩm trong đơn chỉ gồm mã sản phẩm và số lượng; giá do Sàn lấy từ sản phẩm.');

export const newOrder = z
  .object({
    items: z
      .array(item, {
        required_error: 'Hãy chọn ít nhất một sản phẩm.',
        invalid_type_error: 'Hãy chọn ít nhất một sản phẩm.',
      })
      .min(1, 'Hãy chọn ít nhất một sản phẩm.')
      .max(ORDER_LIMITS.maxLines, `Một đơn hàng có tối đa ${ORDER_LIMITS.maxLines} sản phẩm.`)
      .refine((items) => new Set(items.map((i) => i.product)).size === items.length, {
        message: 'Mỗi sản phẩm chỉ chọn một lần; hãy sửa số lượng thay vì thêm lại.',
      }),
    contactName: text('Họ tên người nhận', 2, 150),
    contactPhone: phone,
    contactEmail: email,
    deliveryAddress: text('Địa chỉ giao hàng', 5, 500),
    note: optionalText('Ghi chú', ORDER_LIMITS.maxNote),
    paymentMethod: z.enum(PAYMENT_METHOD_CODES as unknown as [PaymentMethodCode, ...PaymentMethodCode[]], {
      errorMap: () => ({ message: 'Hãy chọn phương thức thanh toán.' }),
    }),
    deliveryMethod: z.enum(
      DELIVERY_METHOD_CODES as unknown as [DeliveryMethodCode, ...DeliveryMethodCode[]],
      {
        errorMap: () => ({ message: 'Hãy chọn phương thức giao hàng.' }),
      },
    ),
  })
  .strict(STRICT);
export type NewOrder = z.infer<typeof newOrder>;

export const orderAction = z
  .object({
    action: z.enum(ORDER_ACTION_CODES as unknown as [string, ...string[]], {
      errorMap: () => ({ message: 'Thao tác không hợp lệ.' }),
    }),
    reason: optionalText('Lý do', ORDER_LIMITS.maxReason),
  })
  .strict('Chỉ gửi thao tác và lý do.');
export type OrderActionInput = z.infer<typeof orderAction>;

/** `Idempotency-Key`: 1–255 visible ASCII characters (a UUID, typically). */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

export const listQuery = z
  .object({
    ...pageFields,
    status: z
      .enum(ORDER_STATUS_CODES as unknown as [OrderStatusCode, ...OrderStatusCode[]], {
        errorMap: () => ({ message: 'Trạng thái không hợp lệ.' }),
      })
      .optional(),
  })
  .strict('Tham số không được phép.');
