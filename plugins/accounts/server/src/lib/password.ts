import { COMMON_PASSWORDS, PASSWORD_RULES } from '@sgd/config';

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

const isRun = (text: string) => {
  // One repeated character, or a run of consecutive characters up or down (12345678, abcdefgh).
  if (/^(.)\1+$/.test(text)) return true;
  const codes = [...text].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
};

/**
 * Why a password is refused, in Vietnamese, or `null` when it is acceptable: length, common
 * passwords, repeats and runs, and the person's own email or phone number inside it.
 */
export function passwordProblem(password: unknown, personal: string[] = []): string | null {
  if (typeof password !== 'string' || password.length === 0) return 'Hãy nhập mật khẩu.';
  if (password.length < PASSWORD_RULES.minLength)
    return `Mật khẩu cần ít nhất ${PASSWORD_RULES.minLength} ký tự.`;
  if (password.length > PASSWORD_RULES.maxLength || Buffer.byteLength(password) > PASSWORD_RULES.maxBytes)
    return `Mật khẩu quá dài (tối đa ${PASSWORD_RULES.maxBytes} byte, khoảng ${PASSWORD_RULES.maxBytes} ký tự không dấu).`;
  const lower = password.toLowerCase();
  if (common.has(lower) || isRun(lower))
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.';
  for (const item of personal) {
    const part = item.toLowerCase().split('@')[0];
    if (part.length >= 4 && lower.includes(part))
      return 'Mật khẩu không được chứa email hoặc số điện thoại của bạn.';
  }
  return null;
}
