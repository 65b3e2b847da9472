import { describe, expect, it } from '@jest/globals';
import { compareByRank, compareRootAscii, compareText, isRootAsciiLocale, ROOT_ASCII_ORDER } from '../../../src/core/text/compare-text.js';

// compareText replaces localeCompare in reports: it must order exactly as ICU does. Each set is
// sorted by ICU's own collator (English and root) and by the table; the same sequence from two
// total orders means the same order. Strings are built to collide: shared prefixes, one case or
// one punctuation mark apart.

const sign = (n: number) => Math.sign(n);
const english = new Intl.Collator('en-US');
const root = new Intl.Collator('und');

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const everyString = (alphabet: string, maxLength: number): string[] => {
  const out = [''];
  let level = [''];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((prefix) => [...alphabet].map((c) => prefix + c));
    out.push(...level);
  }
  return out;
};

function expectSameOrder(strings: string[]) {
  for (const icu of [english, root]) {
    const byIcu = [...strings].sort((a, b) => icu.compare(a, b));
    const byTable = [...strings].sort(compareRootAscii);
    expect(byTable).toEqual(byIcu);
    for (let i = 1; i < byIcu.length; i++) {
      expect([byIcu[i - 1], byIcu[i], sign(compareRootAscii(byIcu[i - 1]!, byIcu[i]!))]).toEqual([
        byIcu[i - 1],
        byIcu[i],
        sign(icu.compare(byIcu[i - 1]!, byIcu[i]!)),
      ]);
    }
  }
}

describe('compareRootAscii', () => {
  it('orders every printable ASCII string of up to two characters as ICU does', () => {
    expect(ROOT_ASCII_ORDER).toHaveLength(95);
    expectSameOrder(everyString(ROOT_ASCII_ORDER, 2));
  });

  it('orders every string of up to four characters of a colliding alphabet as ICU does', () => {
    expectSameOrder(everyString('aAbB_-./ 0', 4));
  });

  it('orders random paths and names as ICU does, pair by pair', () => {
    const random = seeded(24);
    const parts = [
      'src',
      'Src',
      'SRC',
      '__tests__',
      'index',
      'Index',
      'a-b',
      'a_b',
      'a.b',
      'ab',
      'AB',
      'x9',
      'x10',
      '.d.ts',
      '/',
      '-',
      '_',
      ' ',
    ];
    const make = () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => parts[Math.floor(random() * parts.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = make();
      const b = random() < 0.3 ? a.toUpperCase() : make();
      expect([a, b, sign(compareRootAscii(a, b))]).toEqual([a, b, sign(english.compare(a, b))]);
    }
  });
});

describe('compareText', () => {
  it('has the sign of localeCompare, inside the table and outside it', () => {
    const pairs: Array<[string, string]> = [
      ['src/b.ts', 'src/a.ts'],
      ['Button.tsx', 'button.tsx'],
      ['__tests__/x.ts', 'src/x.ts'],
      ['é.ts', 'f.ts'],
      ['straße', 'strasse'],
      ['a\tb', 'a b'],
      ['日本.ts', 'a.ts'],
      ['same', 'same'],
    ];
    for (const [a, b] of pairs) expect([a, b, sign(compareText(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });

  it('takes the table only for English and root default locales', () => {
    expect(['en-US', 'en-GB', 'en', 'und'].map(isRootAsciiLocale)).toEqual([true, true, true, true]);
    // Danish sorts "aa" after "z", Czech "ch" after "h", Lithuanian "y" near "i": ICU decides there.
    expect(['da-DK', 'cs', 'lt-LT', 'en-US-u-co-phonebk', 'en-US-POSIX', 'de-DE'].map(isRootAsciiLocale)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(new Intl.Collator('da').compare('aab', 'zz')).toBe(1);
  });
});

describe('compareByRank', () => {
  // A walk's paths are sorted once and compared by place (describe-users.ts): every sort by it
  // must give what a sort by compareText gives, ties (texts ICU takes as equal) left in place.
  const sortBoth = (texts: string[], ranked: readonly string[]) => {
    const compare = compareByRank(ranked);
    return [[...texts].sort(compare), [...texts].sort(compareText)];
  };

  it('orders printable ASCII as compareText does', () => {
    const next = seeded(7);
    const texts = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 12) }, () => ROOT_ASCII_ORDER[Math.floor(next() * ROOT_ASCII_ORDER.length)]).join(''),
    );
    const [byRank, byText] = sortBoth(texts, texts);
    expect(byRank).toEqual(byText);
  });

  it('orders printable ASCII apart in case alone, or one a start of another, as compareText does', () => {
    // Every text of up to 4 of 'aAb-': case decides only where no primary difference follows,
    // a shorter text first, lowercase first (the order the sort by keys must keep).
    const texts = everyString('aAb-', 4);
    for (const order of [texts, [...texts].reverse()]) {
      const [byRank, byText] = sortBoth(order, order);
      expect(byRank).toEqual(byText);
    }
  });

  it('orders every pair of printable ASCII characters as compareText does', () => {
    // Each character against each other one, at the start and after a shared start, a capital
    // against its letter, one text the start of another: the key built by native string calls
    // (punctuation to code units 1-33, letters lowercased) must keep the table's every weight.
    const chars = [...ROOT_ASCII_ORDER];
    const texts = [...new Set(chars.flatMap((a) => [a, ...chars.map((b) => `${a}${b}`), `src/${a}x`, `src/${a.toUpperCase()}`]))];
    const expected = [...texts].sort(compareText);
    expect([...texts].sort(compareByRank(texts))).toEqual(expected);
    expect([...texts].reverse().sort(compareByRank(texts))).toEqual(expected);
  });

  it('orders other text as compareText does, equal texts where they were', () => {
    // 'é' composed and decomposed collate equal: a stable sort keeps them as given.
    const texts = ['src/e\u0301.ts', 'src/f.ts', 'src/\u00e9.ts', '日本/a.ts', 'Straße', 'strasse', 'src/a.ts', 'src/E.ts'];
    for (const order of [texts, [...texts].reverse()]) {
      const [byRank, byText] = sortBoth(order, order);
      expect(byRank).toEqual(byText);
    }
    expect(compareByRank(texts)('src/e\u0301.ts', 'src/\u00e9.ts')).toBe(0);
  });

  it('compares a text it was not given by compareText', () => {
    const compare = compareByRank(['b.ts']);
    expect(Math.sign(compare('a.ts', 'b.ts'))).toBe(-1);
    expect(Math.sign(compare('c.ts', 'b.ts'))).toBe(1);
  });
});
