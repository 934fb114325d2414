import { BANNED_GOODS } from '@sgd/config';
import { foldVietnamese } from '@sgd/plugin-core';

export interface BannedMatch {
  code: string;
  name: string;
  keywords: string[];
}

/** Folded words separated by single spaces, with spaces at both ends so keywords match whole words. */
const words = (text: string) =>
  ` ${foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const FOLDED = BANNED_GOODS.map((group) => ({
  code: group.code,
  name: group.name,
  keywords: group.keywords.map((keyword) => ({ keyword, folded: words(keyword) })),
}));

/**
 * The banned-goods groups (QC Điều 17.2) whose keywords appear in the texts, diacritics- and
 * case-insensitively, as whole words ("thuoc la dien tu" finds "thuốc lá điện tử").
 */
export function findBannedGoods(texts: (string | null | undefined)[]): BannedMatch[] {
  const haystack = words(texts.filter(Boolean).join(' \n '));
  return FOLDED.map((group) => ({
    code: group.code,
    name: group.name,
    keywords: group.keywords.filter((k) => haystack.includes(k.folded)).map((k) => k.keyword),
  })).filter((match) => match.keywords.length > 0);
}

/** What the officer reads on the product: one line per group. */
export function describeMatches(matches: BannedMatch[]): string | null {
  if (matches.length === 0) return null;
  return matches
    .map((m) => `${m.name}: từ khóa ${m.keywords.map((k) => `"${k}"`).join(', ')} (QC Điều 17.2)`)
    .join('\n');
}
