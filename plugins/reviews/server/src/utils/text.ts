import { foldVietnamese } from '@sgd/plugin-core';

/** Tags (`<b>`, `</p>`, `<img …>`), comments and doctype: markup never reaches the site. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<!--/i;
// Control characters other than tab and line feed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g;

export function containsMarkup(input: string): boolean {
  return MARKUP.test(input);
}

/** Plain text as stored: NFC, no control characters, single spaces, at most one blank line, trimmed. */
export function plainText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Folded words separated by single spaces, with a space at each end for whole-word matching. */
const words = (input: string) =>
  ` ${foldVietnamese(input)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/**
 * The listed words or phrases found in `text`, whole words only, ignoring case and diacritics
 * ("LUA DAO" and "lừa-đảo" match "lừa đảo"; "hàng giả" does not match "hàng giảm").
 */
export function bannedWordsIn(text: string, banned: readonly string[]): string[] {
  const haystack = words(text);
  return banned.filter((word) => {
    const needle = words(word);
    return needle.trim().length > 0 && haystack.includes(needle);
  });
}

/**
 * A public display name from a full name: the family name, then initials ("Nguyễn Thị Minh" →
 * "Nguyễn T. M."); `fallback` when there is none.
 */
export function shortName(fullName: string | null | undefined, fallback: string): string {
  const parts = plainText(fullName ?? '')
    .split(/\s+/)
    .filter((part) => /\p{L}/u.test(part));
  if (parts.length === 0) return fallback;
  const [family, ...rest] = parts;
  return [family, ...rest.map((part) => `${part.charAt(0).toLocaleUpperCase('vi')}.`)].join(' ');
}
