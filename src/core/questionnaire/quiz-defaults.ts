import type { QuizFile } from './build-quiz.js';
import { LITERAL } from '../impact/mask-defaults.js';

// "What does `locale` default to?": a parameter default the change adds or changes, a fact of
// what the new code does that a reader of the diff knows. Read from the added lines (a parameter
// list or a destructuring: `name = literal` then `,` `)` or `}`), checked against both sides: the
// default is new (the old file never gave that name that literal), every such default of the name
// in the new file agrees, and each wrong choice is a literal of the same file (the same type: a
// string for a string, a number for a number; its look first: `de-DE` before `./x.js`) that the
// new file never gives that name. The report prints exports' shapes with defaults masked
// (`maskDefaults`), so nothing shown before the quiz names the value.

export interface DefaultFact {
  readonly path: string;
  readonly name: string;
  /** The function whose parameter it is, when the line says (`function f(`, `f(`, `const f = (`). */
  readonly owner: string | undefined;
  readonly answer: string;
  readonly distractors: readonly string[];
  /** The text that states it (`locale = 'en-US'`): a line holding it would give it away. */
  readonly phrase: string;
}

// `name` or `name: Type` or `name?: Type`, `=`, a literal, then the end of the parameter.
const DEFAULT = new RegExp(String.raw`([A-Za-z_$][\w$]*)\??(?:\s*:\s*[^=,(){}]+?)?\s*=\s*(${LITERAL})\s*(?=[,)}]|$)`, 'g');
const LITERALS = new RegExp(LITERAL, 'g');

const isString = (literal: string) => literal.startsWith("'") || literal.startsWith('"');
/** What a literal looks like: letters, digits and punctuation by class (`en-US` → `aa-AA`). */
const look = (literal: string) =>
  literal
    .slice(1, -1)
    .replace(/[a-z]+/g, 'a')
    .replace(/[A-Z]+/g, 'A')
    .replace(/\d+/g, '9');
const unquote = (literal: string) => (isString(literal) ? literal.slice(1, -1) : literal);

/** A default in a parameter position: inside an open `(` or `{` of the line, or a line of a
 * parameter list alone (`  retries = 3,`); never `const x = 1,` nor an object's `a: 1`. */
function isParameterPosition(line: string, at: number): boolean {
  const before = line.slice(0, at);
  const open = (before.match(/[({]/g) ?? []).length - (before.match(/[)}]/g) ?? []).length;
  if (/^\s*(?:const|let|var)\b/.test(line) && !/=\s*(?:async\s*)?\(/.test(before) && !/^\s*(?:const|let|var)\s*\{/.test(line)) return false;
  return open > 0 || /^\s*[A-Za-z_$][\w$]*\??(?:\s*:[^=]+)?\s*=\s*[^=]+,?\s*$/.test(line);
}

/** Whether line `at` (0-based) of a text is an attribute of an element opened on a line above
 * (`<DialogContent` then `className="max-w-lg text-center"` alone on its line, hatchet
 * b868948006): markup gives an element its value, no parameter a default. Read upward over the
 * element's other attribute lines to the line that opens it, or to a parameter list's `(`. */
function isElementAttribute(lines: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 40; k--) {
    const text = lines[k]!.trim();
    if (/^<[A-Za-z][\w.:-]*$/.test(text) || /^<[A-Za-z][\w.:-]*\s+[^<>]*$/.test(text)) return true;
    // Another attribute (`onEscapeKeyDown={(event) => event.preventDefault()}`) or a parameter's line.
    if (/^[A-Za-z_$][\w$:-]*(?:=|\?|:|,|$)/.test(text) && !/[({]$/.test(text)) continue;
    return false;
  }
  return false;
}

function ownerOf(line: string, at: number): string | undefined {
  // The `(` still open at the default, and the name before it (`function f(`, `f(`, `f = (`).
  let depth = 0;
  let open = -1;
  for (let k = at - 1; k >= 0 && open < 0; k--) {
    if (line[k] === ')') depth++;
    else if (line[k] === '(' && depth === 0) open = k;
    else if (line[k] === '(') depth--;
  }
  const match = /([A-Za-z_$][\w$]*)\s*(?:=\s*(?:async\s*)?)?(?:<[^()]*>)?\s*$/.exec(line.slice(0, Math.max(open, 0)));
  const name = open < 0 ? undefined : match?.[1];
  return name === undefined || ['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'async'].includes(name) ? undefined : name;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The members of a text's enums (keyv's `AFTER_SET_MANY = "after:setMany",` alone on its line
 * reads like a parameter's default, and is none). */
const enumMembers = (text: string) =>
  new Set(
    [...text.matchAll(/\benum\s+[\w$]+\s*\{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/([A-Za-z_$][\w$]*)\s*=/g)].map((n) => n[1]!)),
  );

/** Every default of `name` in a text: the literals it is given. */
function defaultsOf(text: string, name: string): string[] {
  const found: string[] = [];
  const re = new RegExp(String.raw`(?<![\w$.])${escape(name)}\??(?:\s*:\s*[^=,(){}]+?)?\s*=\s*(${LITERAL})\s*(?=[,)}]|$)`, 'gm');
  for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The defaults a file's added lines give, each with its wrong choices; none that cannot be verified. */
export function findDefaultFacts(file: QuizFile, isShown: (text: string) => boolean): DefaultFact[] {
  const facts: DefaultFact[] = [];
  const seen = new Set<string>();
  const pool = [...new Set([...`${file.oldText}\n${file.newText}`.matchAll(LITERALS)].map((m) => m[0]))];
  const members = enumMembers(file.newText);
  const newLines = file.newText.split('\n');
  const added = file.hunks.flatMap((h) => h.added.map((line, i) => ({ line, at: h.newStart + i - 1 })));
  for (const { line, at } of added) {
    for (const m of line.matchAll(DEFAULT)) {
      const [, name, literal] = m as unknown as [string, string, string];
      if (seen.has(name) || members.has(name) || !isParameterPosition(line, m.index!) || isElementAttribute(newLines, at)) continue;
      seen.add(name);
      const now = new Set(defaultsOf(file.newText, name));
      // One default for the name in the new file, and a new one: the old file never gave it.
      if (now.size !== 1 || defaultsOf(file.oldText, name).includes(literal)) continue;
      const phrase = `${name} = ${literal}`;
      if (isShown(phrase) || isShown(unquote(literal)) || unquote(literal).length === 0) continue;
      const sameType = pool.filter(
        (l) => isString(l) === isString(literal) && unquote(l) !== unquote(literal) && unquote(l).trim() !== '' && !isShown(unquote(l)),
      );
      // Each value once, whatever its quotes; the literal's look first.
      const byValue = new Map<string, string>();
      for (const l of sameType) if (!byValue.has(unquote(l))) byValue.set(unquote(l), l);
      // The old default first (the value it had), then literals that look like the answer.
      const previous = new Set(defaultsOf(file.oldText, name).map(unquote));
      const hasLetters = (l: string) => /[A-Za-z]/.test(l);
      const rank = (l: string) =>
        previous.has(unquote(l)) ? 3 : look(l) === look(literal) ? 2 : hasLetters(l) === hasLetters(literal) && !/[/\\]/.test(l) ? 1 : 0;
      const distractors = [...byValue.values()].sort((a, b) => rank(b) - rank(a));
      if (distractors.length < 3) continue;
      facts.push({ path: file.path, name, owner: ownerOf(line, m.index!), answer: literal, distractors, phrase });
    }
  }
  return facts;
}
