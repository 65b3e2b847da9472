import { hashString } from './hash-text.js';
import { JSX_TEXT, type LogEntry } from './user-reader.js';

// The syntax hash of a statement read from tokens (user-whole.ts). Its values are not those of
// hash-syntax.ts (a hash of TypeScript's node kinds); its EQUALITY is: two statements' canonical
// tokens are equal exactly when TypeScript's hashes of them are (round 46 checked it on ~6,200
// statement pairs of real commits and prettier reformats, docs/speed.md). Canonical: the tokens the
// parser consumed, less what TypeScript's tree does not keep — the `;` that ends a statement and a
// type member's separator (dropped by the parser: user-reader.ts's `drop`), a trailing comma, an
// arrow's parentheses, `new X()`'s empty ones, a type's leading `|` or `&` — with a string's value
// for its spelling, a number as TypeScript writes it, and a mark where a statement or member ends
// (ASI: `a\n(b)` is one statement, `a;\n(b)` two); JSX text by its folded value, as hash-syntax.ts's. Every value starts with `t`: a token hash never
// equals one of TypeScript's (a pair read by two readers is told changed, never unchanged).

const CLOSERS = new Set([')', ']', '}', '>']);
// After these a `|` or `&` opens a type (`= | A | B`, `<| A>`, `as | A`): TypeScript keeps no token for it.
const TYPE_LEADS = new Set(['=', '(', '<', ',', ':', '[', 'as', 'satisfies', 'extends', '?', '=>']);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };
const MARK = '\u00a7';
// Kinds of raw-scanner.ts's Token: Word 1, String 2, Template 3, TemplateHead…Tail 4–6.
const [WORD, STRING, TEMPLATE, TEMPLATE_TAIL] = [1, 2, 3, 6];

/** A string's value with the common escapes cooked; null for a line continuation, an octal or another escape. */
function cook(inner: string): string | null {
  let isFailed = false;
  const value = inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|0(?![0-9])|[nrtbfv'"`\\]|[^])/g, (_, e: string) => {
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u' && e[1] === '{') return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e in ESCAPES) return ESCAPES[e]!;
    if (`'"\`\\`.includes(e)) return e;
    isFailed = true;
    return '';
  });
  return isFailed ? null : value;
}

/** One token's canonical text; null where it cannot say (a legacy octal, an escaped name, an uncooked escape). */
function canonicalOf(text: string, [start, end, kind, value]: LogEntry): string | null {
  if (kind === -1) return MARK;
  if (kind === JSX_TEXT) return `j${value}`;
  const raw = text.slice(start, end);
  if (kind === STRING || kind === TEMPLATE) {
    const cooked = value ?? cook(raw.slice(1, -1));
    return cooked === null ? null : (kind === STRING ? 's' : 't') + cooked;
  }
  if (kind > TEMPLATE && kind <= TEMPLATE_TAIL) return raw;
  if (/^\.?[0-9]/.test(raw)) {
    if (/^0[0-9]/.test(raw)) return null;
    if (raw.endsWith('n')) return /^[0-9_]+n$/.test(raw) ? `b${raw.replace(/_/g, '')}` : null;
    return `n${String(Number(raw.replace(/_/g, '')))}`;
  }
  return kind === WORD && raw.includes('\\') ? null : raw;
}

/** The canonical tokens of log entries [from, to) but `skips`; null where one cannot say. */
function canonicalTokens(text: string, log: readonly LogEntry[], from: number, to: number, skips: readonly number[]): string[] | null {
  const tokens: string[] = [];
  for (let i = from; i < to; i++) {
    if (skips.includes(i)) continue;
    const token = canonicalOf(text, log[i]!);
    if (token === null) return null;
    tokens.push(token);
  }
  const isDropped = new Uint8Array(tokens.length);
  const next = (i: number) => {
    for (let j = i + 1; j < tokens.length; j++) if (tokens[j] !== MARK) return j;
    return -1;
  };
  const previous = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (tokens[j] !== MARK && isDropped[j] === 0) return j;
    return -1;
  };
  tokens.forEach((token, i) => {
    const n = next(i);
    const following = n < 0 ? undefined : tokens[n];
    if (token === ',' && following !== undefined && CLOSERS.has(following)) isDropped[i] = 1;
    if (token === ')' && following === '=>') {
      for (let j = i, depth = 0; j >= 0; j--) {
        if (tokens[j] === ')') depth++;
        else if (tokens[j] === '(' && --depth === 0) {
          isDropped[j] = isDropped[i] = 1;
          break;
        }
      }
    }
    const before = previous(i);
    if ((token === '|' || token === '&') && (before < 0 || TYPE_LEADS.has(tokens[before]!))) isDropped[i] = 1;
    if (token === '(' && following === ')') {
      let j = before;
      while (j >= 0 && (tokens[j] === '.' || /^[A-Za-z_$]/.test(tokens[j]!)) && tokens[j] !== 'new') j = previous(j);
      if (j >= 0 && tokens[j] === 'new' && j < before) isDropped[i] = isDropped[n] = 1;
    }
  });
  // Marks in a row are one: `}` then the end of the statement holding it.
  const kept: string[] = [];
  tokens.forEach((token, i) => {
    if (isDropped[i] === 0 && !(token === MARK && kept.at(-1) === MARK)) kept.push(token);
  });
  return kept;
}

/** The syntax hash of log entries [from, to) but `skips` (`t…`), or null: TypeScript reads the file. */
export function hashTokens(text: string, log: readonly LogEntry[], from: number, to: number, skips: readonly number[] = []): string | null {
  const tokens = canonicalTokens(text, log, from, to, skips);
  return tokens === null ? null : `t${hashString(tokens.join('\u0000'))}`;
}
