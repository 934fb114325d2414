import { orderFields, orderQuantityField, reasonField } from '@sgd/contracts';
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

const item = z
  .object({
    product: z
      .string({ required_error: 'Hãy chọn sản phẩm.', invalid_type_error: 'Hãy chọn sản phẩm.' })
      .trim()
      .min(1, 'Hãy chọn sản phẩm.')
      .max(64, 'Mã sản phẩm không đúng.'),
    quantity: orderQuantityField(ORDER_LIMITS.maxQuantity),
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
    ...orderFields<PaymentMethodCode, DeliveryMethodCode>({
      maxNote: ORDER_LIMITS.maxNote,
      paymentMethods: PAYMENT_METHOD_CODES,
      deliveryMethods: DELIVERY_METHOD_CODES,
    }),
  })
  .strict(STRICT);
export type NewOrder = z.infer<typeof newOrder>;

export const orderAction = z
  .object({
    action: z.enum(ORDER_ACTION_CODES as unknown as [string, ...string[]], {
      errorMap: () => ({ message: 'Thao tác không hợp lệ.' }),
    }),
    reason: reasonField(ORDER_LIMITS.maxReason),
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
