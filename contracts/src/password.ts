import { z } from 'zod';

/** What a new password must be (`PASSWORD_RULES` and `COMMON_PASSWORDS` of @sgd/config). */
export interface PasswordRules {
  minLength: number;
  maxLength: number;
  /** bcrypt reads the first 72 bytes only: a longer password is refused, not cut. */
  maxBytes: number;
  /** Passwords too common to be accepted, compared in lower case. */
  common: ReadonlySet<string>;
}

const isRun = (text: string) => {
  // One repeated character, or a run of consecutive characters up or down (12345678, abcdefgh).
  if (/^(.)\1+$/.test(text)) return true;
  const codes = [...text].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
};

/**
 * Why a new password is refused, in Vietnamese, or `null` when it is acceptable: length, common
 * passwords, repeats and runs, and the person's own email or phone number (`personal`) inside it.
 * The CMS judges every new password with it; the site's forms ask it first.
 */
export function passwordProblem(
  password: unknown,
  rules: PasswordRules,
  personal: string[] = [],
): string | null {
  if (typeof password !== 'string' || password.length === 0) return 'Hãy nhập mật khẩu.';
  if (password.length < rules.minLength) return `Mật khẩu cần ít nhất ${rules.minLength} ký tự.`;
  if (password.length > rules.maxLength || new TextEncoder().encode(password).length > rules.maxBytes)
    return `Mật khẩu quá dài (tối đa ${rules.maxBytes} byte, khoảng ${rules.maxBytes} ký tự không dấu).`;
  const lower = password.toLowerCase();
  if (rules.common.has(lower) || isRun(lower))
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.';
  for (const item of personal) {
    const part = item.toLowerCase().split('@')[0];
    if (part.length >= 4 && lower.includes(part))
      return 'Mật khẩu không được chứa email hoặc số điện thoại của bạn.';
  }
  return null;
}

/**
 * A refinement of a form holding a new `password` and the person's `identifier` (registration,
 * reset): the password's problem, if any, beside the password field.
 */
export function newPasswordCheck(rules: PasswordRules) {
  return (input: { password: string; identifier: { value: string } }, context: z.RefinementCtx) => {
    // A refinement also runs over a form whose other fields failed: an identifier refused is none.
    const identifier: unknown = input.identifier?.value;
    const problem = passwordProblem(
      input.password,
      rules,
      typeof identifier === 'string' ? [identifier] : [],
    );
    if (problem) context.addIssue({ code: z.ZodIssueCode.custom, path: ['password'], message: problem });
  };
}
