import { termsOf } from '../build';
import { createVocabulary, editDistance, plan, tolerate, type Slot, type VocabularyEntry } from '../spelling';

/** A vocabulary as the read model keeps it, from public names (each counted once per name). */
function vocabularyOf(names: string[]) {
  const entries = new Map<string, VocabularyEntry>();
  for (const name of names) {
    for (const t of termsOf(name)) {
      const found = entries.get(t.term);
      if (found) found.items += 1;
      else entries.set(t.term, { ...t, items: 1 });
    }
  }
  return createVocabulary([...entries.values()]);
}

const NAMES = [
  'Bánh pía sầu riêng',
  'Bánh pía Sóc Trăng',
  'Bánh phồng tôm',
  'Xoài cát Hòa Lộc',
  'Xoài cát chu',
  'Thịt heo quay',
  'Mật ong hoa nhãn',
  'Khô cá lóc',
  'Bia Sài Gòn',
];
const vocabulary = vocabularyOf(NAMES);

/** A plan as text: slots joined by AND, alternatives by OR, prefix words marked with *. */
const show = (slots: Slot[]) =>
  slots
    .map((slot) =>
      slot.alternatives.map((alt) => alt.map((w) => `${w.word}${w.prefix ? '*' : ''}`).join('+')).join('|'),
    )
    .join(' & ');

describe('editDistance', () => {
  it.each([
    ['pia', 'pia', 0],
    ['pai', 'pia', 1],
    ['banhpai', 'banhpia', 1],
    ['hoalok', 'hoaloc', 1],
    ['xoia', 'xoai', 1],
    ['xoai', 'xoi', 1],
    ['banh', 'bnha', 2],
    ['abcdef', 'ghijkl', 3],
  ])('%p → %p: %p edits (capped at 2 + 1)', (a, b, n) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(n, 3));
  });
});

describe('plan', () => {
  it('matches typed words as the beginning of words', () => {
    expect(show(plan('Bánh  PÍA'))).toBe('banh* & pia*');
  });

  it.each([
    ['thịt lợn', 'thit* & lon*|heo'],
    ['thit lon', 'thit* & lon*|heo'],
    ['thịt heo', 'thit* & heo*|lownj'],
    ['đậu phộng rang', 'dau*+phong*|lacj & rang*'],
    ['kẹo lạc', 'keo* & lac*|ddaauj+phoongj'],
    ['khóm', 'khom*|thowm|duwas'],
    ['trái cây', 'trai*+cay*|hoa+quar'],
  ])('adds the regional words of %p, with their tones', (query, expected) => {
    expect(show(plan(query))).toBe(expected);
  });

  it('compares words typed with tones with their tones ("lớn" is not "lợn")', () => {
    expect(show(plan('thịt lớn'))).toBe('thit* & lon*');
  });

  it('reads at most 8 words', () => {
    expect(plan('a b c d e f g h i j k').length).toBe(8);
  });
});

describe('tolerate', () => {
  it.each([
    ['banh pai', 'banh*+pai*|banh+pia', 'bánh pía'],
    ['bánh bía', 'banh*+bia*|banh+pia', 'bánh pía'],
    ['banhpia', 'banhpia*|banh+pia', 'bánh pía'],
    ['xoai cat hoa lok', 'xoai* & cat* & hoa*+lok*|hoa+loc', 'xoai cat hòa lộc'],
    ['xoia', 'xoia*|xoai', 'xoài'],
  ])('finds %p as %p ("%s")', (query, expected, corrected) => {
    const tolerant = tolerate(plan(query), vocabulary);
    expect(show(tolerant.slots)).toBe(expected);
    expect(tolerant.corrected).toBe(corrected);
  });

  it('leaves known words and short words alone', () => {
    const tolerant = tolerate(plan('xoai'), vocabulary);
    expect(tolerant.corrected).toBeNull();
    expect(show(tolerate(plan('xoi'), vocabulary).slots)).toBe('xoi*');
  });

  it('allows one more edit when asked for a suggestion', () => {
    expect(tolerate(plan('xoi'), vocabulary).corrected).toBeNull();
    expect(tolerate(plan('xoi'), vocabulary, true).corrected).toBe('xoài');
  });
});
