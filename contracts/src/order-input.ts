import { z } from 'zod';
import { optionalEmailField, optionalText, requiredText } from './text';

/** The limits and choices an order keeps (`ORDER_LIMITS.maxNote`, payment and delivery codes of @sgd/config). */
export interface OrderRules<P extends string, D extends string> {
  maxNote: number;
  paymentMethods: readonly P[];
  deliveryMethods: readonly D[];
}

/** A Vietnamese phone number, mobile or landline: 10–11 digits starting with 0 (or +84). */
export function normaliseContactPhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** How many of a product: a whole number from 1 to the limit. */
export const orderQuantityField = (maxQuantity: number) =>
  z
    .number({
      required_error: 'Hãy nhập số lượng.',
      invalid_type_error: 'Số lượng phải là số nguyên dương.',
    })
    .int('Số lượng phải là số nguyên dương.')
    .min(1, 'Số lượng phải ít nhất là 1.')
    .max(maxQuantity, `Số lượng tối đa mỗi sản phẩm là ${maxQuantity.toLocaleString('vi-VN')}.`);

/**
 * What a buyer writes in an order besides its products: who receives it and how, how they pay. One
 * set of rules and messages for the CMS (`POST /api/orders`) and the site's order form; the rules are
 * data of @sgd/config, given here (config depends on this package, not the other way). The CMS stays
 * the judge of prices and of the methods a seller offers.
 */
export function orderFields<P extends string, D extends string>(rules: OrderRules<P, D>) {
  return {
    contactName: requiredText('Họ tên người nhận', 2, 150),
    contactPhone: z
      .string({
        required_error: 'Hãy nhập số điện thoại liên hệ.',
        invalid_type_error: 'Hãy nhập số điện thoại liên hệ.',
      })
      .max(30, 'Số điện thoại chưa đúng (ví dụ: 0912345678).')
      .transform((value, context) => {
        const normal = normaliseContactPhone(value);
        if (!normal) {
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: 'Số điện thoại chưa đúng (ví dụ: 0912345678).',
          });
          return z.NEVER;
        }
        return normal;
      }),
    contactEmail: optionalEmailField,
    deliveryAddress: requiredText('Địa chỉ giao hàng', 5, 500),
    note: optionalText('Ghi chú', rules.maxNote),
    paymentMethod: z.enum(rules.paymentMethods as unknown as [P, ...P[]], {
      errorMap: () => ({ message: 'Hãy chọn phương thức thanh toán.' }),
    }),
    deliveryMethod: z.enum(rules.deliveryMethods as unknown as [D, ...D[]], {
      errorMap: () => ({ message: 'Hãy chọn phương thức giao hàng.' }),
    }),
  };
}

/** The lengths and remedies a complaint keeps (`COMPLAINT_LIMITS`, `COMPLAINT_REMEDY_CODES`). */
export interface ComplaintRules<R extends string> {
  subjectMax: number;
  descriptionMax: number;
  remedies: readonly R[];
}

/**
 * What a buyer writes in a complaint about an order (QC Điều 27): one set of rules and messages for
 * the CMS (`POST /api/complaints`) and the site's complaint form.
 */
export function complaintFields<R extends string>(rules: ComplaintRules<R>) {
  return {
    subject: requiredText('Tiêu đề', 5, rules.subjectMax),
    description: requiredText('Nội dung khiếu nại', 10, rules.descriptionMax),
    remedy: z.enum(rules.remedies as unknown as [R, ...R[]], {
      errorMap: () => ({ message: 'Hãy chọn điều quý vị đề nghị người bán làm.' }),
    }),
  };
}
