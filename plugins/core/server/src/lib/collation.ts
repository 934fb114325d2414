/**
 * A sort key of Vietnamese text whose byte-wise order is the order of `Intl.Collator('vi')` (ICU's
 * Vietnamese collation, the one PostgreSQL's `vi-x-icu` applies): D < Đ < E, a < à < ả < ã < á < ạ
 * < ă < â, lower case before upper case, spaces and punctuation before digits before letters.
 *
 * Stored beside a name and compared with `COLLATE "C"` (PostgreSQL) or `BINARY` (SQLite), it gives
 * both databases the same order, through an ordinary index. SQLite (better-sqlite3) cannot register
 * a collation, and ICU comparisons in PostgreSQL cost about ten times a byte comparison when a search
 * sorts thousands of matches.
 *
 * The key holds the three levels of the collation one after the other: the letters (primary), then
 * the tone marks (secondary), then the case (tertiary), each level ended by a separator that sorts
 * below every weight, so that "a" < "ab" and a difference of letters always outweighs one of tones.
 * Exact for Vietnamese and ASCII text and the usual typographic signs; other characters are placed
 * as ICU places them in most cases (other letters after z, other signs before digits, by code point).
 */

/** Primary order of spaces and punctuation (measured with Intl.Collator('vi')); a group shares a weight. */
const SIGNS: readonly string[] = [
  ' \u00a0\t\n\r',
  '_',
  '-',
  '–',
  '—',
  ',',
  ';',
  ':',
  '!',
  '?',
  '.',
  '…',
  '·',
  "'‘’",
  '"“”',
  '«',
  '»',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '§',
  '@',
  '*',
  '/',
  '\\',
  '&',
  '#',
  '%',
  '•',
  '`',
  '^',
  '°',
  '©',
  '®',
  '+',
  '±',
  '×',
  '<',
  '=',
  '>',
  '|',
  '~',
  '$',
  '₫',
  '€',
];
const DIGITS = '0123456789';
/** The Vietnamese alphabet with the Latin letters it lacks, in collation order. */
const LETTERS = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];

/** Tone marks in the order of the Vietnamese tailoring: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Marks that make a letter of its own in Vietnamese (ă, â, ê, ô, ơ, ư) rather than a tone. */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  a: { '\u0306': 'ă', '\u0302': 'â' },
  e: { '\u0302': 'ê' },
  o: { '\u0302': 'ô', '\u031b': 'ơ' },
  u: { '\u031b': 'ư' },
};

const LEVEL_END = '!';
const WEIGHT_BASE = 0x30;
/** Secondary and tertiary weights: a plain letter, then tones and other marks; lower, then upper case. */
const PLAIN = String.fromCharCode(WEIGHT_BASE);

interface Weight {
  primary: string;
  /** Rank inside a group of signs that share a primary weight (tertiary). */
  variant: number;
}

const primaryOf = new Map<string, Weight>();
let rank = 0;
const weightChar = () => String.fromCharCode(WEIGHT_BASE + rank++);
for (const group of SIGNS) {
  const primary = weightChar();
  [...group].forEach((sign, variant) => primaryOf.set(sign, { primary, variant }));
}
const OTHER_SIGN = weightChar();
for (const digit of DIGITS) primaryOf.set(digit, { primary: weightChar(), variant: 0 });
for (const letter of LETTERS) primaryOf.set(letter, { primary: weightChar(), variant: 0 });
const OTHER_LETTER = weightChar();

/** A character unknown to the tables: its class's weight, then its code point (fixed width). */
function otherWeight(char: string): string {
  const marker = /\p{L}/u.test(char) ? OTHER_LETTER : OTHER_SIGN;
  return marker + (char.codePointAt(0) ?? 0).toString(36).padStart(4, '0');
}

interface Element {
  primary: string;
  secondary: string;
  tertiary: string;
}

function elementsOf(text: string): Element[] {
  const elements: Element[] = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i];
    if (/\p{M}/u.test(char)) continue; // a mark with no letter before it weighs nothing
    const lower = char.toLowerCase();
    const upper = lower !== char;
    let letter = lower;
    let tone = 0;
    let otherMark = 0;
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1])) {
      const mark = chars[(i += 1)];
      const combined = LETTER_MARKS[letter]?.[mark];
      const toneIndex = TONES.indexOf(mark);
      if (combined) letter = combined;
      else if (toneIndex >= 0) tone = toneIndex + 1;
      else otherMark = Math.max(otherMark, (mark.codePointAt(0) ?? 0) - 0x2ff);
    }
    const known = primaryOf.get(letter);
    if (!known) {
      // Compatibility forms (², ½, ﬁ…) sort as what they stand for, after it.
      const compatible = letter.normalize('NFKD');
      if (compatible !== letter && [...compatible].every((c) => primaryOf.has(c))) {
        for (const part of compatible) {
          elements.push({ primary: primaryOf.get(part)!.primary, secondary: PLAIN, tertiary: '2' });
        }
        continue;
      }
    }
    elements.push({
      primary: known ? known.primary : otherWeight(letter),
      secondary: String.fromCharCode(WEIGHT_BASE + tone + (otherMark ? TONES.length + otherMark : 0)),
      tertiary: String.fromCharCode(WEIGHT_BASE + (known?.variant ?? 0) * 2 + (upper ? 1 : 0)),
    });
  }
  return elements;
}

/** The sort key of `text` (see above); compare keys byte-wise. */
export function collationKey(text: string | null | undefined): string {
  const elements = elementsOf(text ?? '');
  return [
    elements.map((e) => e.primary).join(''),
    elements.map((e) => e.secondary).join(''),
    elements.map((e) => e.tertiary).join(''),
  ].join(LEVEL_END);
}
