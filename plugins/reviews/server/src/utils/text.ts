import { plainText } from '@sgd/contracts';
import { foldVietnamese } from '@sgd/plugin-core';

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
