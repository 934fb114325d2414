/** Numbers, money and dates the Vietnamese way: "76.000 ₫", "01/07/2025". */

const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Strapi sends big integers as strings: keep them exact with BigInt. */
function toAmount(value: string | number | null | undefined): number | bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) return BigInt(trimmed);
  const parsed = Number(trimmed);
  return trimmed !== '' && Number.isFinite(parsed) ? parsed : null;
}

/** Text in HTML or XML: the five characters that could end an attribute or start a tag, as entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** "76.000 ₫"; null when there is no amount. */
export function formatVnd(value: string | number | null | undefined): string | null {
  const amount = toAmount(value);
  return amount === null ? null : vnd.format(amount);
}

export interface PriceInput {
  price?: string | number | null;
  priceMin?: string | number | null;
  priceMax?: string | number | null;
  unit?: string | null;
}

export const PRICE_ON_REQUEST = 'Liên hệ';

/** A fixed price, a range, "Từ …", "Đến …", or "Liên hệ" when the seller gave none. */
export function formatPrice({ price, priceMin, priceMax, unit }: PriceInput): string {
  const perUnit = unit ? ` / ${unit}` : '';
  const fixed = formatVnd(price);
  if (fixed) return `${fixed}${perUnit}`;
  const min = formatVnd(priceMin);
  const max = formatVnd(priceMax);
  if (min && max) return min === max ? `${min}${perUnit}` : `${min} – ${max}${perUnit}`;
  if (min) return `Từ ${min}${perUnit}`;
  if (max) return `Đến ${max}${perUnit}`;
  return PRICE_ON_REQUEST;
}

/** "12,5" */
export function formatDecimal(value: string | number | null | undefined): string | null {
  const amount = toAmount(value);
  if (amount === null) return null;
  return decimal.format(typeof amount === 'bigint' ? Number(amount) : amount);
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

const vietnamDateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * dd/mm/yyyy. A date ("2025-07-01") is shown as written; a timestamp ("2025-06-30T20:00:00.000Z") is
 * shown as the date in Vietnam (here 01/07/2025). null for an empty or unreadable value.
 */
export function formatDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const plain = dateOnly.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return null;
  const parts = Object.fromEntries(
    vietnamDateParts.formatToParts(time).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
