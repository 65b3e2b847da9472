import { CJK_GENERIC, GENERIC_WORDS, STOP_WORDS } from './answer-vocabulary.js';

// Splits an answer into what carries meaning about a change: ordinary content words, names
// (identifiers, paths, flags, code in backticks) and CJK text, which has no spaces and is
// counted by characters. Generic vocabulary and function words are counted apart.

export interface WordCounts {
  /** Distinct content words, lower-cased, plural "s" dropped. */
  readonly content: ReadonlySet<string>;
  /** Distinct names: `code`, camelCase, snake_case, paths, --flags, numbers with units. */
  readonly names: ReadonlySet<string>;
  readonly generic: number;
  /** Non-function words in order (for repetition and filler checks). */
  readonly words: readonly string[];
  /** CJK meaning: remaining Han and katakana count 1, hiragana 1/2, then halved (about a word). */
  readonly cjkUnits: number;
  /** CJK characters before generic words were removed, halved. */
  readonly cjkTotal: number;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;
const NAME = /[a-z][A-Z]|[{}]|\w_\w|\w\.\w|\/|\(\)|^--?[a-zA-Z]|[a-zA-Z]\d|\d[a-zA-Z]|^\$|::|#\w|=|<|>/;
const EDGE_PUNCTUATION =
  /^[\s"'“”‘’«»「」『』（）()[\]{},.;:!?、。，；：！？…*_~]+|[\s"'“”‘’«»「」『』（）()[\]{},.;:!?、。，；：！？…*_~]+$/gu;
const CALL = /^[("'“‘«]*([\p{L}_$][\p{L}\p{N}_$.]*\(\))[)"'”’»,.;:!?]*$/u;
const NUMBER = /^\d+([.,:]\d+)*%?$/;
/** Prose alternatives and steps written with a slash or an arrow ("functions/variables",
 * "updating/removing", "node->third"): plain words, not a path or an expression. Segments after the
 * first in capitals (`Runner/Suite`) are class names. */
const PROSE_ALTERNATIVES = /^\p{L}\p{Ll}+(?:(?:\/|->)\p{Ll}{2,}){1,2}$/u;

/** The generic form of a word, or null: "updates", "updated", "updating" all match "update". */
function isGeneric(word: string, extra: ReadonlySet<string>): boolean {
  const forms = [
    word,
    word.replace(/s$/, ''),
    word.replace(/es$/, ''),
    word.replace(/d$/, ''),
    word.replace(/ed$/, ''),
    word.replace(/ing$/, ''),
    word.replace(/ing$/, 'e'),
    word.replace(/ly$/, ''),
    word.replace(/ies$/, 'y'),
  ];
  return forms.some((form) => GENERIC_WORDS.has(form) || extra.has(form));
}

function countCjk(text: string): { units: number; total: number } {
  const runs = text.match(CJK_RUN) ?? [];
  let total = 0;
  let units = 0;
  for (const run of runs) {
    total += [...run].length;
    let rest = run;
    for (const phrase of CJK_GENERIC) rest = rest.split(phrase).join(' ');
    for (const char of rest) {
      if (/\p{Script=Hiragana}/u.test(char)) units += 0.5;
      else if (char !== ' ') units += 1;
    }
  }
  return { units: units / 2, total: total / 2 };
}

export function classifyWords(text: string, extraGeneric: ReadonlySet<string> = new Set()): WordCounts {
  const names = new Set<string>();
  const content = new Set<string>();
  const words: string[] = [];
  let generic = 0;
  // Code in backticks is a name, however it is spelled inside; a quoted name in backticks
  // (`"moduleFileExtensions"`, a key as the config writes it) is that name.
  const rest = text.replace(/`([^`\n]+)`/g, (_, code: string) => {
    const name = code
      .trim()
      .replace(/^(['"])([\w$.-]+)\1$/, '$2')
      .toLowerCase();
    names.add(name);
    words.push(name);
    return ' ';
  });
  const cjk = countCjk(rest);
  for (const raw of rest.replace(CJK_RUN, ' ').split(/\s+/)) {
    // A word called as code ("remove()", "reset():") is a name; the edge punctuation would take its parentheses.
    const call = CALL.exec(raw);
    if (call !== null) {
      names.add(call[1]!.toLowerCase());
      words.push(call[1]!.toLowerCase());
      continue;
    }
    const token = raw.replace(EDGE_PUNCTUATION, '');
    if (token === '' || /^[^\p{L}\p{N}]+$/u.test(token)) continue;
    if (/^#\d+$/.test(token) || STOP_WORDS.has(token.toLowerCase())) continue; // "#12" is a reference, not a name
    if ((NAME.test(token) && !PROSE_ALTERNATIVES.test(token)) || NUMBER.test(token)) {
      if (!isGeneric(token.toLowerCase(), extraGeneric)) names.add(token.toLowerCase());
      words.push(token.toLowerCase());
      continue;
    }
    for (const part of token.toLowerCase().split(/[^\p{L}\p{N}'-]+/u)) {
      const word = part.replace(/'s$/, '').replace(/^['-]+|['-]+$/g, '');
      if (word === '' || STOP_WORDS.has(word)) continue;
      words.push(word);
      if (isGeneric(word, extraGeneric)) generic++;
      else if (word.length >= 2) content.add(word.replace(/(?<=[^s])s$/, ''));
    }
  }
  return { content, names, generic, words, cjkUnits: cjk.units, cjkTotal: cjk.total };
}
