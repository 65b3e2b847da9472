import { commonEnds } from '../questionnaire/code-tokens.js';
import { nameOverloads } from './overloads.js';
import { closing, plain, splitList } from './bracket-lists.js';

// What a reshaped export changed in, by name, where its old and new shapes are too long to quote:
// jose 714f8704's `keyAlgorithm(alg: string)` → `(alg: unknown)` is "`alg`: `string` → `unknown`",
// dom-testing-library's `logRoles` gains "a new parameter `options`", react-hook-form resolvers
// a21e723 puts `Zod4Type` in the place of `z4.$ZodType` in four overloads, and wevm/wagmi
// 7ba2879db `UnionExactPartial` in that of `ExactPartial`: one replacement, however often made.
// Read from the shapes' text (declaration-shape.ts), so a type is as written, never inferred.

const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|=>|\.\.\.|\S/g;
/** Longer than this, a type or a run is no name a question can quote. */
const MAX_QUOTE = 40;
/** More differing tokens than this between the two sides: too many for a token-by-token match. */
const MAX_MATCHED = 400;

/** A run two token lists differ in: its tokens on each side, and where it starts in each list. */
interface Run {
  readonly was: string[];
  readonly now: string[];
  readonly from: readonly [number, number];
}

/** The runs of tokens two token lists differ in, in order (a longest common subsequence between the
 * common ends); null when the middle is too long to match. */
function differingRuns(a: readonly string[], b: readonly string[]): Run[] | null {
  const [start, end] = commonEnds(a, b);
  const [x, y] = [a.slice(start, a.length - end), b.slice(start, b.length - end)];
  if (x.length * y.length > MAX_MATCHED * MAX_MATCHED) return null;
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const runs: Run[] = [];
  let run: Run | null = null;
  let [i, j] = [0, 0];
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      run = null;
      i++;
      j++;
      continue;
    }
    if (run === null) runs.push((run = { was: [], now: [], from: [start + i, start + j] }));
    if (j >= y.length || (i < x.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) run.was.push(x[i++]!);
    else run.now.push(y[j++]!);
  }
  return runs;
}

/** "`ExactPartial` → `UnionExactPartial`": every run replaces the same short words by the same
 * others, quoted as the shape writes them (`{ [K in Side]?: number }`, spaces kept). */
function oneReplacement(before: string, after: string): string | undefined {
  const [a, b] = [[...before.matchAll(TOKEN)], [...after.matchAll(TOKEN)]];
  const runs = differingRuns(
    a.map((t) => t[0]),
    b.map((t) => t[0]),
  );
  if (runs === null || runs.length === 0) return undefined;
  const key = (tokens: readonly string[]) => tokens.join('\u0000');
  const [first] = runs;
  if (runs.some((r) => key(r.was) !== key(first!.was) || key(r.now) !== key(first!.now))) return undefined;
  const text = (side: string, tokens: RegExpMatchArray[], from: number, count: number) =>
    count === 0 ? '' : side.slice(tokens[from]!.index, tokens[from + count - 1]!.index! + tokens[from + count - 1]![0].length);
  const was = text(before, a, first!.from[0], first!.was.length);
  const now = text(after, b, first!.from[1], first!.now.length);
  if ([was, now].some((side) => side === '' || side.length > MAX_QUOTE || !/[A-Za-z_$]/.test(side))) return undefined;
  return `\`${was}\` → \`${now}\``;
}

interface Signature {
  readonly typeParameters: readonly string[];
  readonly parameters: readonly string[];
  readonly returns: string;
}

/** One function signature's parts (`export function f<T>(a: A, b?: B): R`); undefined for any other shape. */
function readSignature(shape: string): Signature | undefined {
  const head = /^(?:export )?(?:default )?(?:declare )?(?:async )?(?:function\*? ?[\w$]* ?|(?:const|let|var) [\w$]+ = (?:async )?)/.exec(
    shape,
  );
  if (head === null) return undefined;
  let at = head[0].length;
  let typeParameters: string[] = [];
  if (shape[at] === '<') {
    const end = closing(shape, at);
    if (end < 0) return undefined;
    typeParameters = splitList(shape.slice(at + 1, end));
    at = end + 1;
  }
  at = shape.indexOf('(', at);
  const end = at < 0 ? -1 : closing(shape, at);
  if (end < 0) return undefined;
  const rest = shape.slice(end + 1).trim();
  // A second signature after the first (overloads) is no one signature.
  if (/[;]/.test(rest.replace(/\{[^]*\}/g, ''))) return undefined;
  return { typeParameters, parameters: splitList(shape.slice(at + 1, end)), returns: rest.replace(/^:\s*/, '') };
}

const nameOf = (item: string) => /^(?:readonly |public |private |protected |const |in |out )*(?:\.\.\.)?([\w$]+)/.exec(item)?.[1] ?? item;
/** A type parameter's constraint and default as written (`const P extends X = Y` → `X = Y`). */
const boundOf = (item: string) => item.replace(/^(?:const |in |out )*[\w$]+\s*(?:extends\s+)?/, '');
/** A parameter's type as written (`alg: string` → `string`), or its text when it has none. */
const typeOf = (item: string) => {
  const colon = /^[^:=]*?\??:\s*/.exec(item);
  return colon === null ? item : item.slice(colon[0].length).replace(/\s*=[^>].*$/, '');
};
const quote = (text: string) => (text.length <= MAX_QUOTE ? `\`${text}\`` : undefined);
/** A parameter's type wrapped in another (or unwrapped) is quoted up to this long: webstudio 463a6b4fcc narrows `bindExpressionInput`'s
 * `state: BuilderState` to `Pick<BuilderState, "instances" | "dataSources">` (46 characters), and was
 * asked "changed its signature" alone. */
const MAX_PARAMETER_TYPE = 60;
const quoteParameterType = (text: string) => (text.length <= MAX_PARAMETER_TYPE ? `\`${text}\`` : undefined);

/** The properties an object pattern reads (`{ data, onRowClick: click, ...rest }: Props = {}` →
 * data, onRowClick, rest), or undefined when the parameter is no object pattern. */
function patternKeys(item: string): string[] | undefined {
  const end = item.startsWith('{') ? closing(item, 0) : -1;
  if (end < 0) return undefined;
  return splitList(item.slice(1, end)).map((part) => /^(?:\.\.\.)?\s*([\w$]+)/.exec(part)?.[1] ?? part);
}

/** A component or function whose destructured parameter reads other properties, by them:
 * "`actionButtonSx` added to its destructured parameter" (Flowise edff15219e's `DocumentStoreTable =
 * ({ data, …, onActionMenuClick, actionButtonSx })`), not the two whole parameter lists; undefined
 * when anything else differs. */
function comparePatterns(before: readonly string[], after: readonly string[]): string[] | undefined {
  if (before.length !== after.length) return undefined;
  const said: string[] = [];
  for (const [k, was] of before.entries()) {
    const is = after[k]!;
    if (was === is) continue;
    const [old, now] = [patternKeys(was), patternKeys(is)];
    if (old === undefined || now === undefined) return undefined;
    const listed = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(' and ');
    const added = now.filter((n) => !old.includes(n));
    const removed = old.filter((n) => !now.includes(n));
    if (added.length + removed.length === 0 || added.length + removed.length > 3) return undefined;
    const which = before.length === 1 ? 'its destructured parameter' : `its destructured parameter ${k + 1}`;
    if (added.length > 0) said.push(`${listed(added)} added to ${which}`);
    if (removed.length > 0) said.push(`${listed(removed)} removed from ${which}`);
  }
  return said.length > 0 ? said : undefined;
}

/** "a new parameter `options`", "`alg`: `string` → `unknown`", "a new type parameter `QueriesToBind`". */
function compareLists(before: readonly string[], after: readonly string[], what: string): string[] {
  const patterns = what === 'parameter' ? comparePatterns(before, after) : undefined;
  if (patterns !== undefined) return patterns;
  const said: string[] = [];
  const [old, now] = [new Map(before.map((p) => [nameOf(p), p])), new Map(after.map((p) => [nameOf(p), p]))];
  // Parameters renamed in place are read by position: a caller passes them so.
  if (what === 'parameter' && before.length === after.length && [...now.keys()].some((n) => !old.has(n))) {
    before.forEach((p, k) => {
      const [was, is] = [typeOf(p), typeOf(after[k]!)];
      if (was !== is && quote(was) && quote(is)) said.push(`\`${nameOf(after[k]!)}\`: ${quote(was)} → ${quote(is)}`);
    });
    return said;
  }
  const added = [...now.keys()].filter((n) => !old.has(n));
  const removed = [...old.keys()].filter((n) => !now.has(n));
  if (added.length > 0) said.push(`${added.length === 1 ? `a new ${what}` : `new ${what}s`} ${added.map((n) => `\`${n}\``).join(' and ')}`);
  if (removed.length > 0) said.push(`${what} ${removed.map((n) => `\`${n}\``).join(' and ')} removed`);
  for (const [name, item] of now) {
    const was = old.get(name);
    if (was === undefined || was === item) continue;
    const [t0, t1] = what === 'parameter' ? [typeOf(was), typeOf(item)] : [was, item];
    // A type parameter too long to quote whole is told by its bound (ts-pattern 470e7b9's `isMatching`:
    // "`P`: `P.Pattern<T> & UnknownProperties` → `PatternConstraint<T>`").
    const [b0, b1] = [boundOf(was), boundOf(item)];
    // A type wrapped or unwrapped (`X` → `Pick<X, …>`) says itself; other long types are no quote.
    const quoted = what === 'parameter' && (t1.includes(t0) || t0.includes(t1)) ? quoteParameterType : quote;
    if (t0 !== t1 && quoted(t0) && quoted(t1))
      said.push(what === 'parameter' ? `\`${name}\`: ${quoted(t0)} → ${quoted(t1)}` : `${quoted(t0)} → ${quoted(t1)}`);
    else if (what === 'type parameter' && quote(b0) && quote(b1)) said.push(`\`${name}\`: ${quote(b0)} → ${quote(b1)}`);
    else said.push(`${what} \`${name}\` changed`);
  }
  return said;
}

/** "returns `R` (was `Q`)"; a side with no return type written is said so, never quoted empty
 * (json-schema-to-typescript e0a822f's `isSchemaLike` read "(was ``)"). */
function describeReturns(was: string, is: string): string {
  if (was === '') return quote(is) ? `now declares that it returns ${quote(is)} (none was written)` : 'now declares its return type';
  if (is === '') return quote(was) ? `no longer declares that it returns ${quote(was)}` : 'no longer declares its return type';
  return quote(was) && quote(is) ? `returns ${quote(is)} (was ${quote(was)})` : 'its return type changed';
}

/** What changed in a reshaped export, named; undefined when nothing short names it. */
export function nameReshape(oldShape: string, newShape: string): string | undefined {
  const [before, after] = [plain(oldShape), plain(newShape)];
  if (before === after) return undefined;
  const overloads = nameOverloads(oldShape, newShape, nameReshape);
  // Several overloads changed: one replacement made in each (resolvers a21e723) says it once.
  if (overloads !== undefined) return /^\d+ overloads changed/.test(overloads) ? (oneReplacement(before, after) ?? overloads) : overloads;
  const [was, is] = [readSignature(before), readSignature(after)];
  if (was === undefined || is === undefined) return oneReplacement(before, after);
  const said = [
    ...compareLists(was.typeParameters, is.typeParameters, 'type parameter'),
    ...compareLists(was.parameters, is.parameters, 'parameter'),
  ];
  if (was.returns !== is.returns) said.push(describeReturns(was.returns, is.returns));
  // "parameter `valueName` changed" alone names no more than "changed its signature" (motion
  // 1946162db): what the changed pieces say (changed-members.ts) is worth more then.
  if (said.length === 0 || said.length > 3 || said.every((part) => / changed$/.test(part))) return oneReplacement(before, after);
  return said.join(', ');
}

// Words of a type's text that say how it is built, not what it names.
const TYPE_SYNTAX = new Set(['export', 'declare', 'type', 'extends', 'keyof', 'typeof', 'infer', 'in', 'is', 'as', 'readonly', 'asserts']);
const MAX_WORDS = 3;

/** A type alias that is no object type (a conditional, a union, a mapped type), reshaped where no
 * one replacement names it (urql b757332b's `GraphQLRequestParams`: `Exclude<Variables[P], null |
 * void>` became three conditionals), by the names it no longer and now uses: "no longer uses
 * `Exclude`, now uses `undefined` and `unknown`"; undefined when it gained and lost none, or many. */
export function nameTypeWords(oldShape: string, newShape: string): string | undefined {
  const body = (shape: string) => plain(shape).replace(/^[^=]*=\s*/, '');
  const [before, after] = [body(oldShape), body(newShape)];
  if (before.startsWith('{') || after.startsWith('{')) return undefined;
  // A string literal type is one word, quoted (effector a32229e68's `StateRefOp` lost `'closure'`).
  const words = (text: string) =>
    new Set([...text.matchAll(/'[^']*'|"[^"]*"|[A-Za-z_$][\w$]*/g)].map((m) => m[0]).filter((w) => !TYPE_SYNTAX.has(w)));
  const [was, is] = [words(before), words(after)];
  const lost = [...was].filter((w) => !is.has(w));
  const gained = [...is].filter((w) => !was.has(w));
  if (lost.length + gained.length === 0 || lost.length > MAX_WORDS || gained.length > MAX_WORDS) return undefined;
  // Only keys of its object parts (drei 4ae523a5's `CameraControlsProps` = `Omit<…> & { impl?: … }`):
  // its members say it better ("`impl` added").
  const isKey = (word: string, text: string) => new RegExp(`(?:^|[^\\w$])${word.replace(/\$/g, '\\$')}\\??:`).test(text);
  if (lost.every((w) => isKey(w, before)) && gained.every((w) => isKey(w, after))) return undefined;
  const listed = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(names.length === 2 ? ' and ' : ', ');
  return [lost.length > 0 && `no longer uses ${listed(lost)}`, gained.length > 0 && `now uses ${listed(gained)}`]
    .filter(Boolean)
    .join(', ');
}
