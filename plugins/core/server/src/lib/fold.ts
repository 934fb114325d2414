/**
 * Folds Vietnamese text for search: lower case, no tone marks, đ → d, single
 * spaces. `normalize('NFD')` alone leaves đ/Đ untouched, so they are replaced
 * by hand. PostgreSQL's `unaccent` folds the same letters, which keeps search
 * results identical on both databases.
 */
export function foldVietnamese(input: string | null | undefined): string {
  if (!input) return '';
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a person may type between the parts of a code or around it without meaning anything: spaces
 * of any kind, dashes of any kind (hyphen, non-breaking hyphen, figure, en and em dashes, minus) and
 * the invisible characters a copy and paste brings along (zero-width spaces and joiners, BOM).
 */
const CODE_FILLERS = /[\s\-\u2010-\u2015\u2212\ufe58\ufe63\u200b-\u200d\u2060\ufeff]+/gu;

/**
 * Folds a code a person types or scans (a licence number) to the key it is looked up by, forgiving
 * how it was typed: letter case, spaces and dashes (anywhere), missing tone marks and đ typed as d
 * (or as the look-alike Ð), full-width characters of East Asian keyboards (NFKC). Slashes, dots and
 * other signs stay: "12/2024" and "1-22024" remain different numbers.
 */
export function foldCode(input: string | null | undefined): string {
  if (!input) return '';
  return foldVietnamese(input.normalize('NFKC').replace(/[ðÐ]/g, 'd')).replace(CODE_FILLERS, '');
}

/** ASCII kebab-case slug from a Vietnamese name ("Bánh pía Sóc Trăng" → "banh-pia-soc-trang"). */
export function slugify(input: string): string {
  return foldVietnamese(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** Search terms of a query: folded words, empty ones dropped, at most 8. */
export function searchTerms(query: string): string[] {
  return foldVietnamese(query)
    .replace(/[%_\\]/g, ' ')
    .split(' ')
    .filter((term) => term.length > 0)
    .slice(0, 8);
}

/** Longest word kept by `searchWords` (longer ones are not words a person looks for). */
export const MAX_WORD_LENGTH = 40;

/**
 * The words of a text as search indexes them: folded, split on anything but a–z and 0–9 ("Nem (500g)"
 * → nem, 500g; "Ri6" → ri6), so that the database's full-text parser and the query see the same words.
 */
export function searchWords(text: string | null | undefined): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && word.length <= MAX_WORD_LENGTH);
}

/** Tone marks written as Telex writes them, after the word: huyền f, hỏi r, ngã x, sắc s, nặng j. */
const TELEX_TONES: Record<string, string> = {
  '\u0300': 'f',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0301': 's',
  '\u0323': 'j',
};
/** Letter marks as Telex writes them: â ê ô (doubled), ă ơ ư (w after the letter). */
const TELEX_LETTERS: Record<string, (letter: string) => string> = {
  '\u0302': (letter) => letter + letter,
  '\u0306': (letter) => `${letter}w`,
  '\u031b': (letter) => `${letter}w`,
};

/**
 * The words of a text that carry marks, spelled in ASCII the Telex way ("dứa" → duwas, "dừa" → duwaf,
 * "Đồng" → ddoongf): indexed beside the folded words, so that a word the search adds itself (a
 * regional word from the configuration) can be matched with its tones, where the folded word would
 * mix up dứa (pineapple) and dừa (coconut). Words without marks are left out (their folded form is
 * already indexed).
 */
export function markedWords(text: string | null | undefined): string[] {
  return (text ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '' && token !== foldVietnamese(token))
    .map((token) => {
      let tone = '';
      const letters = [...token.normalize('NFD')].reduce((out, char) => {
        if (TELEX_TONES[char]) tone = TELEX_TONES[char];
        else if (TELEX_LETTERS[char]) out = out.slice(0, -1) + TELEX_LETTERS[char](out.slice(-1));
        else out += char === 'đ' ? 'dd' : char;
        return out;
      }, '');
      return letters + tone;
    })
    .filter((word) => /^[a-z0-9]+$/.test(word) && word.length <= MAX_WORD_LENGTH);
}
