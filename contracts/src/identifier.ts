/** An email address or a Vietnamese mobile number, as a person types it, normalised. */
export type Identifier = { channel: 'email'; value: string } | { channel: 'sms'; value: string };

// Vietnamese mobile numbers: 10 digits, 03x, 05x, 07x, 08x, 09x (after the 2018 renumbering).
const MOBILE = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** `0912 345 678`, `+84912345678`, `84912345678` → `0912345678`; `null` when not a mobile number. */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return MOBILE.test(digits) ? digits : null;
}

export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** Reads what a person typed in "Email hoặc số điện thoại". */
export function parseIdentifier(input: unknown): Identifier | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    return email ? { channel: 'email', value: email } : null;
  }
  const phone = normalisePhone(text);
  return phone ? { channel: 'sms', value: phone } : null;
}

/** `0912345678` → `0912***678`; `an.nguyen@example.vn` → `a***@example.vn`: what a message may show. */
export function maskIdentifier(id: Identifier): string {
  if (id.channel === 'sms') return `${id.value.slice(0, 4)}***${id.value.slice(-3)}`;
  const [local, domain] = id.value.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
