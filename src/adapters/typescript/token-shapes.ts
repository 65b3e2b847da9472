import { fold, LINE_COMMENT } from './hash-text.js';
import { JSX_OPEN, JSX_TEXT, type LogEntry } from './user-reader.js';
import type { Declarator } from './user-statements.js';
import type { TracedClass } from './user-classes.js';

// The shapes of a whole record read from tokens (user-whole.ts): declaration-shape.ts's text slices,
// cut where the token reader's log says a signature, a type or a member starts and ends. Where
// declaration-shape.ts rewrites the text (a destructured parameter with its type written, a primitive
// beside a literal default) these rewrite it alike; where it would add to it (a function returned by
// one with no return type written) or anything else these cannot tell, null: TypeScript reads the file.

const [WORD, STRING, TEMPLATE, TEMPLATE_HEAD] = [1, 2, 3, 4];
const OPENERS = new Set(['(', '[', '{', '<']);
const CLOSERS = new Set([')', ']', '}', '>']);
const PRIMITIVES = new Set(['string', 'number', 'boolean']);
const IN_TYPE_OR_DEFAULT = new Set([':', '|', '&', '=', '?', 'keyof', 'readonly', 'extends']);

/** The tokens of `log` inside [from, to) of the text (no marks): the log is in document order. */
export function tokensIn(log: readonly LogEntry[], from: number, to: number): LogEntry[] {
  let [lo, hi] = [0, log.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]![0] < from) lo = mid + 1;
    else hi = mid;
  }
  const found: LogEntry[] = [];
  for (let i = lo; i < log.length && log[i]![0] < to; i++) if (log[i]![2] !== -1 && log[i]![1] <= to) found.push(log[i]!);
  return found;
}

// JSX text is no bracket nor word of code, whatever it spells (`<b>(</b>`).
const textOf = (text: string, [start, end, kind]: LogEntry) => (kind === JSX_TEXT ? '\u0000' : text.slice(start, end));

/** declaration-shape.ts's signatureOf from `start` (the node's first token) to `end` (its body's `pos`, or its end). */
function signatureText(text: string, start: number, end: number): string {
  return fold(text.slice(start, end).replace(LINE_COMMENT, '$1')).replace(/\s*=>\s*$/, '');
}

type FunctionKind = 'function' | 'arrow' | 'method';

/** The first body starting in (start, limit]: a function's own, when its head holds no other function (signatureFrom checks). */
export const bodyIn = (bodies: readonly number[], start: number, limit: number) => bodies.find((at) => at > start && at <= limit);

/**
 * A function's signature: `start` its first token, `body` where its body starts (none: `limit`,
 * where its node ends). A destructured parameter with its type written reads `{…}` or `[…]`, and a
 * primitive typed beside a literal default drops its type, as declaration-shape.ts's
 * withoutTypedPatterns. Null for a template with substitutions as that default, when the head holds another function (its body's start is not certain: the body found is another's when
 * the head ends in a nested `=>`), or when no return type is written and the body may return a function.
 */
export function signatureFrom(
  text: string,
  log: readonly LogEntry[],
  [start, body, limit]: readonly [number, number | undefined, number],
  kind: FunctionKind,
): string | null {
  const entries = tokensIn(log, start, body ?? limit);
  const head = entries.map((t) => textOf(text, t));
  const functions = head.filter((t) => t === 'function').length;
  const isArrowLast = head.at(-1) === '=>';
  if (kind === 'arrow' ? !isArrowLast || functions > 0 || depthAt(head, head.length - 1) !== 0 : isArrowLast) return null;
  if (functions !== Number(kind === 'function')) return null;
  if (body === undefined && kind === 'arrow') return null;
  // The parameters' `(`: the first outside the type parameters and the decorators.
  let [depth, open] = [0, -1];
  for (let i = 0; i < head.length && open < 0; i++) {
    if (head[i] === '@' && depth === 0) i = afterDecorator(head, i) - 1;
    else if (head[i] === '(' && depth === 0) open = i;
    else if (OPENERS.has(head[i]!)) depth++;
    else if (CLOSERS.has(head[i]!)) depth--;
  }
  if (open < 0) return kind === 'arrow' && head.length === 2 ? signatureText(text, start, body!) : null;
  let close = -1;
  // The text with each typed pattern read `{…}` or `[…]`: [from, to) of the text and its stand-in.
  const patterns: Array<readonly [number, number, string]> = [];
  // Past a parameter's `:` or `=`: its type or default, where no pattern starts (`x: C extends D ? A[] : B`).
  let isTypeOrDefault = false;
  for (let i = open; i < head.length && close < 0; i++) {
    const t = head[i]!;
    if (depth === 1 && t === ':' && PRIMITIVES.has(head[i + 1]!) && head[i + 2] === '=') {
      const isInferrable = inferrable(text, head[i + 1]!, entries[i + 3], head[i + 4]);
      if (isInferrable === null || head[i - 1] === '?') return null;
      // `name: string = 'x'` reads `name = 'x'` (declaration-shape.ts's isInferrable): from the name's end to the type's.
      if (isInferrable) patterns.push([entries[i - 1]![1], entries[i + 1]![1], '']);
    }
    if (depth === 1 && (t === ':' || t === '=' || t === ',')) isTypeOrDefault = t !== ',';
    // A pattern (after `(`, `,`, `...`, a parameter's decorator): a `{` or `[` of a type or a default follows these.
    if (depth === 1 && !isTypeOrDefault && (t === '{' || t === '[') && !IN_TYPE_OR_DEFAULT.has(head[i - 1]!)) {
      const end = closing(head, i);
      if (end < 0) return null;
      if (head[end + 1] === ':') patterns.push([entries[i]![0], entries[end]![1], t === '{' ? '{…}' : '[…]']);
      i = end;
      continue;
    }
    if (OPENERS.has(t)) depth++;
    else if (CLOSERS.has(t) && --depth === 0) close = i;
  }
  if (close < 0) return null;
  const isTyped = head[close + 1] === ':';
  if (!isTyped && body !== undefined && mayReturnFunction(text, tokensIn(log, body, limit))) return null;
  let [written, at] = ['', start];
  for (const [from, to, standIn] of patterns) [written, at] = [written + text.slice(at, from) + standIn, to];
  return fold((written + text.slice(at, body ?? limit)).replace(LINE_COMMENT, '$1')).replace(/\s*=>\s*$/, '');
}

/** Whether a parameter's default (`value`, then `after`) is a literal of its primitive type
 * (`string` and a string or a template, `number` and a number, `boolean` and `true` or `false`),
 * as declaration-shape.ts's isInferrable; null for a template with substitutions (not cut here). */
function inferrable(text: string, type: string, value: LogEntry | undefined, after: string | undefined): boolean | null {
  if (value === undefined) return null;
  const [, , kind] = value;
  const word = textOf(text, value);
  if (type === 'string' && kind === TEMPLATE_HEAD) return null;
  if (after !== ',' && after !== ')') return false;
  if (type === 'string') return kind === STRING || kind === TEMPLATE;
  if (type === 'number') return kind !== STRING && kind !== TEMPLATE && /^\.?[0-9]/.test(word) && !word.endsWith('n');
  return kind === WORD && (word === 'true' || word === 'false');
}

/** The index of the bracket closing the one at `at`, or -1. */
function closing(words: readonly string[], at: number): number {
  for (let i = at, depth = 0; i < words.length; i++) {
    if (OPENERS.has(words[i]!)) depth++;
    else if (CLOSERS.has(words[i]!) && --depth === 0) return i;
  }
  return -1;
}

/** How many brackets are open before `at`. */
function depthAt(words: readonly string[], at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (OPENERS.has(words[i]!)) depth++;
    else if (CLOSERS.has(words[i]!)) depth--;
  }
  return depth;
}

/** The index after a decorator at `at`: `@a.b`, then its arguments' `(…)`. */
function afterDecorator(words: readonly string[], at: number): number {
  let i = at + 2;
  while (words[i] === '.') i += 2;
  if (words[i] !== '(') return i;
  for (let depth = 0; i < words.length; i++) {
    if (OPENERS.has(words[i]!)) depth++;
    else if (CLOSERS.has(words[i]!) && --depth === 0) return i + 1;
  }
  return i;
}

/** A `return` (or an arrow's expression body) of something that may be a function: `(`, `function`, `async`, `<`, `x =>`;
 * not a JSX element, in parentheses or not (`return (<div>…`): no function starts with one. */
function mayReturnFunction(text: string, body: readonly LogEntry[]): boolean {
  const words = body.map((t) => textOf(text, t));
  const isFunctionAt = (at: number) => {
    let i = at;
    while (words[i] === '(') i++;
    if (words[i] === '<' && body[i]![3] === JSX_OPEN) return false;
    return ['(', 'function', 'async', '<', 'class'].includes(words[at]!) || words[at + 1] === '=>';
  };
  if (words[0] !== '{') return isFunctionAt(0);
  return words.some((word, i) => word === 'return' && body[i]![2] === WORD && isFunctionAt(i + 1));
}

/** declaration-shape.ts's interfaceShape: the head to its `{`, then each member to its end (its separator's), marked by the parser. */
export function interfaceShapeFrom(text: string, log: readonly LogEntry[], from: number, to: number): string | null {
  let depth = 0;
  let open = -1;
  for (let i = from; i < to && open < 0; i++) {
    const t = log[i]!;
    if (t[2] === -1) continue;
    const word = textOf(text, t);
    if (word === '{' && depth === 0) open = i;
    else if (OPENERS.has(word)) depth++;
    else if (CLOSERS.has(word)) depth--;
  }
  if (open < 0) return null;
  const head = fold(text.slice(log[from]![0], log[open]![1])).replace(/\{$/, '').trim();
  const members: string[] = [];
  let memberStart = -1;
  depth = 1;
  for (let i = open + 1; i < to && depth > 0; i++) {
    const t = log[i]!;
    if (t[2] === -1) {
      if (depth === 1 && memberStart >= 0) members.push(fold(text.slice(memberStart, t[0])).replace(/[;,]$/, ''));
      if (depth === 1) memberStart = -1;
      continue;
    }
    const word = textOf(text, t);
    if (depth === 1 && memberStart < 0 && word !== '}') memberStart = t[0];
    if (word === '{') depth++;
    else if (word === '}') depth--;
  }
  if (memberStart >= 0) return null;
  return `${head} { ${members.join('; ')} }`;
}

/** declaration-shape.ts's variableShape; null for a pattern, a class expression, or a signature these cannot cut. */
export function variableShapeFrom(
  text: string,
  log: readonly LogEntry[],
  bodies: readonly number[],
  [declarator, keyword]: readonly [Declarator, string],
): string | null {
  const { names, start, end, typed, initAt } = declarator;
  const nameToken = tokensIn(log, start, end)[0];
  if (names.length !== 1 || nameToken === undefined || nameToken[2] !== WORD || textOf(text, nameToken) !== names[0]) return null;
  const name = names[0];
  if (typed !== undefined) return `${keyword} ${name}: ${fold(text.slice(typed[0], typed[1]))}`;
  const init = initAt === undefined ? [] : tokensIn(log, initAt, end);
  const words = init.map((t) => textOf(text, t));
  if (init.length === 1) {
    const [, , kind] = init[0]!;
    if (kind === STRING || kind === TEMPLATE) return `${keyword} ${name}: string`;
    // A BigInt (`1000n`) is no NumericLiteral: its type is inferred, as declaration-shape.ts has it.
    if (/^\.?[0-9]/.test(words[0]!) && !words[0]!.endsWith('n')) return `${keyword} ${name}: number`;
    if (words[0] === 'true' || words[0] === 'false') return `${keyword} ${name}: boolean`;
  }
  const first = words[0] === 'async' ? 1 : 0;
  if (words[first] === 'class' || words[first] === '<') return null;
  if (words[first] === 'function') return functionInit(text, log, bodies, declarator, keyword, init);
  const isArrow = words[first] === '(' || (init[first]?.[2] === WORD && words[first + 1] === '=>');
  if (!isArrow || !startsArrow(words, first)) return `${keyword} ${name} (type inferred)`;
  const signature = signatureFrom(text, log, [initAt!, bodyIn(bodies, initAt!, end), end], 'arrow');
  return signature === null ? null : `${keyword} ${name} = ${signature}`;
}

/** Whether the tokens from `first` open an arrow function: `x =>`, `(…) =>`, `(…): T =>` (a type parameter list: not read). */
function startsArrow(words: readonly string[], first: number): boolean {
  if (words[first + 1] === '=>') return true;
  if (words[first] !== '(') return false;
  for (let i = first, depth = 0; i < words.length; i++) {
    if (OPENERS.has(words[i]!)) depth++;
    else if (CLOSERS.has(words[i]!) && --depth === 0) return words[i + 1] === '=>' || words[i + 1] === ':';
  }
  return false;
}

/** `const f = function (…) {…}`: the function's signature when it is the whole initializer. */
function functionInit(
  text: string,
  log: readonly LogEntry[],
  bodies: readonly number[],
  { names, end, initAt }: Declarator,
  keyword: string,
  init: readonly LogEntry[],
): string | null {
  const body = bodyIn(bodies, initAt!, end);
  const open = init.findIndex(([start]) => start >= body!);
  if (body === undefined || open < 0 || textOf(text, init[open]!) !== '{') return null;
  for (let i = open, depth = 0; i < init.length; i++) {
    const word = textOf(text, init[i]!);
    if (word === '{') depth++;
    else if (word === '}' && --depth === 0) {
      if (i !== init.length - 1) return null;
      break;
    }
  }
  const signature = signatureFrom(text, log, [initAt!, body, end], 'function');
  return signature === null ? null : `${keyword} ${names[0]} = ${signature}`;
}

/** declaration-shape.ts's classShape: the head to its `{`, then each member but private ones (user-classes.ts's TracedClass). */
export function classShapeFrom(text: string, log: readonly LogEntry[], start: number, { open, members }: TracedClass): string | null {
  const head = fold(text.slice(start, open)).replace(/\{$/, '').trim();
  const shapes: string[] = [];
  for (const member of members) {
    if (member.isPrivate) continue;
    if (member.kind === 'method') {
      const signature = signatureFrom(text, log, [member.start, member.cut, member.end], 'method');
      if (signature === null) return null;
      shapes.push(signature);
    } else if (member.kind === 'property')
      shapes.push(
        fold(text.slice(member.start, member.cut ?? member.end))
          .replace(/=\s*$/, '')
          .replace(/;$/, '')
          .trim(),
      );
    else shapes.push(fold(text.slice(member.start, member.end)));
  }
  return `${head} { ${shapes.join('; ')} }`;
}
