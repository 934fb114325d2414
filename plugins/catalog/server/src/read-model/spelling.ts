import { REGIONAL_WORDS, SEARCH_TOLERANCE } from '@sgd/config';
import { foldVietnamese, markedWords, searchWords } from '@sgd/plugin-core';

/**
 * What a search looks for, as plain data the SQL of both databases is written from: every slot must
 * match (AND); a slot matches when one of its alternatives does (OR); an alternative matches when all
 * its words do. A word typed by the visitor matches as the beginning of a word ("ca" finds "cá",
 * "cam"); a word the search put there itself (regional word, correction) matches as a whole word.
 */
export interface Word {
  word: string;
  prefix: boolean;
}
export type Alternative = Word[];
export interface Slot {
  /** The typed words this slot stands for (folded), in order. */
  typed: string[];
  /** The same as typed (lower case, tones kept), to write a corrected query back. */
  written: string;
  alternatives: Alternative[];
}

/** A word or a run of two words of the public names, with how it is written and how often. */
export interface VocabularyEntry {
  term: string;
  joined: string;
  display: string;
  items: number;
}

export interface Vocabulary {
  entries: VocabularyEntry[];
  byTerm: Map<string, VocabularyEntry>;
  byJoined: Map<string, VocabularyEntry[]>;
}

export function createVocabulary(entries: VocabularyEntry[]): Vocabulary {
  const byJoined = new Map<string, VocabularyEntry[]>();
  for (const entry of entries) byJoined.set(entry.joined, [...(byJoined.get(entry.joined) ?? []), entry]);
  return { entries, byTerm: new Map(entries.map((e) => [e.term, e])), byJoined };
}

/** A typed word with its folded form and whether it was typed with tone marks or đ. */
interface Typed {
  folded: string;
  written: string;
  accented: boolean;
}

/** Folded words of a typed token, however long (a word longer than any indexed one finds nothing). */
const foldedWords = (token: string) =>
  foldVietnamese(token)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function typedWords(query: string): Typed[] {
  return query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((token) => {
      const folded = foldedWords(token);
      const accented = token !== foldVietnamese(token);
      return folded.length === 1
        ? [{ folded: folded[0], written: token, accented }]
        : folded.map((word) => ({ folded: word, written: word, accented: false }));
    });
}

/** Typed words, at most this many (a query of a hundred one-letter words stays cheap). */
export const MAX_QUERY_WORDS = 8;

/** The words of a query as the search reads them. */
export function queryWords(query: string): Typed[] {
  return typedWords(query).slice(0, MAX_QUERY_WORDS);
}

/**
 * The regional words, each as written, folded, and as the index spells it with its tones (a word
 * without marks is its folded form), so that an added "dứa" does not find "dừa" (coconut).
 */
const regionalGroups = REGIONAL_WORDS.map((group) =>
  group.map((entry) => {
    const written = entry.normalize('NFC').toLowerCase().split(/\s+/);
    return {
      written,
      folded: searchWords(entry),
      marked: written.map((word) => markedWords(word)[0] ?? searchWords(word)[0]),
    };
  }),
);

/** Does the run of typed words match this entry ("lợn" typed with tones must be written so)? */
function sameWords(run: Typed[], entry: { written: string[]; folded: string[] }): boolean {
  return (
    run.length === entry.folded.length &&
    run.every((t, i) => (t.accented ? t.written === entry.written[i] : t.folded === entry.folded[i]))
  );
}

/**
 * The slots of a query: one per typed word, a run of words named in `REGIONAL_WORDS` merged into one
 * slot that also accepts the other words of its group (whole words): "thịt lợn" → thit* AND (lon* OR heo).
 */
export function plan(query: string): Slot[] {
  const typed = queryWords(query);
  const slots: Slot[] = [];
  for (let i = 0; i < typed.length;) {
    let merged: Slot | null = null;
    // The longest run first ("trái cây" before "trái").
    for (const length of [3, 2, 1]) {
      const run = typed.slice(i, i + length);
      if (run.length < length) continue;
      const group = regionalGroups.find((g) => g.some((entry) => sameWords(run, entry)));
      if (!group) continue;
      const own = run.map((t) => ({ word: t.folded, prefix: true }));
      const others = group
        .filter(
          (entry) => !sameWords(run, entry) && entry.folded.join(' ') !== own.map((w) => w.word).join(' '),
        )
        .map((entry) => entry.marked.map((word) => ({ word, prefix: false })));
      merged = {
        typed: run.map((t) => t.folded),
        written: run.map((t) => t.written).join(' '),
        alternatives: [own, ...others],
      };
      i += length;
      break;
    }
    if (merged) {
      slots.push(merged);
    } else {
      slots.push({
        typed: [typed[i].folded],
        written: typed[i].written,
        alternatives: [[{ word: typed[i].folded, prefix: true }]],
      });
      i += 1;
    }
  }
  return slots;
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or `max + 1` past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before.slice();
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length], max + 1);
}

/** How many edits a word of this length may be corrected by; `loose` is for suggestions. */
export function allowedEdits(length: number, loose = false): number {
  const { minLetters, twoEditsFrom } = SEARCH_TOLERANCE;
  const edits = length < minLetters ? 0 : length < twoEditsFrom ? 1 : 2;
  return loose ? (length < 3 ? 0 : edits + 1) : edits;
}

interface Candidate {
  entry: VocabularyEntry;
  distance: number;
}

const better = (a: Candidate, b: Candidate) =>
  a.distance - b.distance || b.entry.items - a.entry.items || (a.entry.term < b.entry.term ? -1 : 1);

/** Vocabulary entries (words or two-word runs, compared without spaces) within the allowed edits. */
export function nearest(vocabulary: Vocabulary, joined: string, edits: number, limit: number): Candidate[] {
  if (edits === 0) return [];
  const found: Candidate[] = [];
  for (const entry of vocabulary.entries) {
    if (entry.joined === joined || Math.abs(entry.joined.length - joined.length) > edits) continue;
    const distance = editDistance(joined, entry.joined, edits);
    if (distance <= edits) found.push({ entry, distance });
  }
  return found.sort(better).slice(0, limit);
}

/** Does some word of the vocabulary start with this one (it then finds something as typed)? */
function known(vocabulary: Vocabulary, word: string): boolean {
  if (vocabulary.byTerm.has(word)) return true;
  return vocabulary.entries.some((e) => !e.term.includes(' ') && e.term.startsWith(word));
}

const asWords = (entry: VocabularyEntry): Alternative =>
  entry.term.split(' ').map((word) => ({ word, prefix: false }));

/** A slot's first alternative as the visitor typed it. */
const typedAlternative = (slot: Slot): Alternative => slot.alternatives[0];

export interface Tolerant {
  slots: Slot[];
  /** The query as corrected (best guess per corrected word), with tones: "bánh pía". */
  corrected: string | null;
}

/**
 * More alternatives for a query that found little: words typed together ("banhpia" → banh pia), typing
 * errors of one word (4+ letters) or of two words in a row read together ("banh pai" → banh pia,
 * "hoa lok" → hoa loc), against the words of public names. `loose` allows more edits (suggestions).
 */
export function tolerate(slots: Slot[], vocabulary: Vocabulary, loose = false): Tolerant {
  const limit = SEARCH_TOLERANCE.alternatives;
  const result: Slot[] = [];
  const shown: string[] = [];
  let correctedAny = false;
  for (let i = 0; i < slots.length; i += 1) {
    const slot = slots[i];
    const next = slots[i + 1];
    const single = slot.typed.length === 1 && slot.alternatives.length === 1;
    // Two typed words in a row read together, when they are not a run of the names already.
    if (single && next && next.typed.length === 1 && next.alternatives.length === 1) {
      const pair = `${slot.typed[0]} ${next.typed[0]}`;
      const joined = slot.typed[0] + next.typed[0];
      if (!vocabulary.byTerm.has(pair) && /^[a-z]+$/.test(joined)) {
        const pairs = nearest(vocabulary, joined, allowedEdits(joined.length, loose), limit).filter((c) =>
          c.entry.term.includes(' '),
        );
        if (pairs.length > 0) {
          result.push({
            typed: [...slot.typed, ...next.typed],
            written: `${slot.written} ${next.written}`,
            alternatives: [
              [...typedAlternative(slot), ...typedAlternative(next)],
              ...pairs.map((c) => asWords(c.entry)),
            ],
          });
          shown.push(pairs[0].entry.display);
          correctedAny = true;
          i += 1;
          continue;
        }
      }
    }
    const word = slot.typed.length === 1 ? slot.typed[0] : null;
    if (single && word && /^[a-z]+$/.test(word) && !known(vocabulary, word)) {
      // Typed together: a run of two words of the names written without its space.
      const together = (vocabulary.byJoined.get(word) ?? []).filter((e) => e.term.includes(' '));
      const near =
        together.length > 0 ? [] : nearest(vocabulary, word, allowedEdits(word.length, loose), limit);
      const fixes = [
        ...together.sort((a, b) => b.items - a.items).map((entry) => ({ entry, distance: 0 })),
        ...near,
      ];
      if (fixes.length > 0) {
        result.push({
          ...slot,
          alternatives: [typedAlternative(slot), ...fixes.map((c) => asWords(c.entry))],
        });
        shown.push(fixes[0].entry.display);
        correctedAny = true;
        continue;
      }
    }
    result.push(slot);
    shown.push(slot.written);
  }
  return { slots: result, corrected: correctedAny ? shown.join(' ') : null };
}
