import { z } from 'zod';
import { parseIdentifier, type Identifier } from './identifier';

/**
 * What a person types into the account forms (sign in, registration, activation, password reset,
 * profile): one set of rules and Vietnamese messages for the CMS (`/api/accounts/*`, which adds
 * `.strict()`) and the site's actions, which check a form before the CMS is asked. The strength of a
 * new password (common passwords, the person's own email or phone inside it) is `newPasswordCheck`
 * (./password), which both ask with the rules of @sgd/config.
 */
export const identifierField = z
  .string({
    required_error: 'Hãy nhập email hoặc số điện thoại.',
    invalid_type_error: 'Hãy nhập email hoặc số điện thoại.',
  })
  .max(254, 'Email hoặc số điện thoại quá dài.')
  .transform((value, context): Identifier => {
    const parsed = parseIdentifier(value);
    if (!parsed) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'Email hoặc số điện thoại di động chưa đúng (ví dụ: ten@example.vn hoặc 0912345678).',
      });
      return z.NEVER;
    }
    return parsed;
  });

export const passwordField = z
  .string({ required_error: 'Hãy nhập mật khẩu.', invalid_type_error: 'Hãy nhập mật khẩu.' })
  .min(1, 'Hãy nhập mật khẩu.')
  .max(1000, 'Mật khẩu quá dài.');

export const codeField = z
  .string({ required_error: 'Hãy nhập mã.', invalid_type_error: 'Hãy nhập mã.' })
  .trim()
  .min(1, 'Hãy nhập mã.')
  .max(20, 'Mã không đúng.');

export const fullNameField = z
  .string({ required_error: 'Hãy nhập họ và tên.', invalid_type_error: 'Hãy nhập họ và tên.' })
  .trim()
  .min(2, 'Hãy nhập họ và tên.')
  .max(150, 'Họ và tên quá dài (tối đa 150 ký tự).');

/** Consent to the privacy policy (NĐ 13/2023): given only by ticking the box, never assumed. */
export const privacyConsentField = z.literal(true, {
  errorMap: () => ({ message: 'Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.' }),
});

export const signInFields = { identifier: identifierField, password: passwordField };
export const registerFields = {
  identifier: identifierField,
  password: passwordField,
  fullName: fullNameField,
  acceptPrivacy: privacyConsentField,
};
export const activateFields = { identifier: identifierField, code: codeField };
export const forgotFields = { identifier: identifierField };
export const resetFields = { identifier: identifierField, code: codeField, password: passwordField };

/**
 * A request about one's personal data (NĐ 13/2023 Điều 9: access, correction, deletion…): its kind,
 * one of `kinds` (`DATA_REQUEST_KINDS` of @sgd/config), and what the person asks.
 */
export function dataRequestFields<K extends string>(kinds: readonly K[]) {
  return {
    kind: z.enum(kinds as unknown as [K, ...K[]], {
      errorMap: () => ({ message: 'Hãy chọn loại yêu cầu.' }),
    }),
    details: z
      .string({
        required_error: 'Hãy mô tả yêu cầu của bạn.',
        invalid_type_error: 'Hãy mô tả yêu cầu của bạn.',
      })
      .trim()
      .min(10, 'Hãy mô tả yêu cầu của bạn (ít nhất 10 ký tự).')
      .max(5000, 'Nội dung quá dài (tối đa 5.000 ký tự).'),
  };
}
