// A declaration's shape as text: normalized for comparison, without the names a caller never
// writes (parameters), and whether one shape only adds optional members or parameters to another.

/** A shape blind to comments, spacing around punctuation, separators and trailing commas. */
export function normalizeShape(shape: string): string {
  return shape
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([,;:(){}<>[\]=|&?])\s*/g, '$1')
    .replace(/;/g, ',')
    .replace(/,([)\]}>])/g, '$1')
    .trim();
}

/** Where a reader of a normalized shape stands: the depth of its brackets, of its type-parameter
 * angles, and whether the function's parameter list (the first `(` outside angles) is still to
 * come, open or closed. */
interface ShapeStep {
  depth: number;
  angle: number;
  list: 'before' | 'open' | 'closed';
}

const startShapeStep = (): ShapeStep => ({ depth: 0, angle: 0, list: 'before' });

/** Moves `step` past the character at `i` of `shape` (`=>` closes no angle). */
function stepShape(shape: string, i: number, step: ShapeStep): void {
  const c = shape[i]!;
  if (c === '<') step.angle++;
  else if (c === '>' && shape[i - 1] !== '=') step.angle--;
  else if (c === '(' || c === '{' || c === '[') step.depth++;
  else if (c === ')' || c === '}' || c === ']') step.depth--;
  if (step.list === 'before' && c === '(' && step.angle === 0 && step.depth === 1) step.list = 'open';
  else if (step.list === 'open' && step.depth === 0) step.list = 'closed';
}

/** A function's shape without the names of its parameters: a caller passes them by position, so
 * TanStack table's `injectTable(options: …)` → `injectTable(optionsFactory: …)` reshapes nothing.
 * (Read on a normalized shape: the first `(` outside type parameters opens the list; `=>` is no
 * closing `>`.) */
export function withoutParameterNames(shape: string): string {
  const step = startShapeStep();
  let out = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    stepShape(shape, i, step);
    out += c;
    if (step.list === 'closed') return out + shape.slice(i + 1);
    if (step.list === 'open' && step.angle === 0 && step.depth === 1 && (c === '(' || c === ',')) {
      const name = /^(\.\.\.)?[A-Za-z_$][\w$]*(\??:|(?=[,)=]))/.exec(shape.slice(i + 1));
      if (name !== null) {
        out += `${name[1] ?? ''}${name[2]}`;
        i += name[0].length;
      }
    }
  }
  return out;
}

/** A class's shape without the names of its methods' and constructor's parameters
 * (dnd-kit's `Sortable` constructor, a plain parameter renamed, read as a class shape change). A
 * parameter property (`private readonly rest: REST`) is a member: its modifier keeps its name.
 * (An interface's are not dropped: it has no body to carry the change, and would read "implementation changed".) */
export function withoutMemberParameterNames(shape: string): string {
  const step = startShapeStep();
  let from = -1;
  let out = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    stepShape(shape, i, step);
    if (from < 0) {
      out += c;
      if (c === '{' && step.depth === 1 && step.angle === 0) from = i + 1;
    } else if (step.depth === 0 || (step.depth === 1 && step.angle === 0 && c === ',')) {
      // A member ends: its text read as a function's.
      out += withoutParameterNames(shape.slice(from, i)) + c;
      from = i + 1;
    }
  }
  return from < 0 || from >= shape.length ? out : out + shape.slice(from);
}

// A shape that only gained something optional: a member `name?: T` of an interface, a type
// literal or a class, or a parameter `name?: T` / `name = value` (execa's `CommonOptions` gains
// `readonly killDescendants?: boolean`). Every user's code that compiled before still does, so
// the change widens the API rather than breaking it.

/** An optional member or parameter, as a normalized shape writes it. */
const OPTIONAL_ITEM = /^(?:readonly )?[\w$]+(?:\?:.+|(?::[^=]+)?=(?!>).+)$/s;

function isBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Whether `after` is `before` with one optional member or parameter inserted into a list; for
 * a class, any member: its users read an instance, and one it gains breaks none of them (ts-morph
 * 415a850a's declared `Type` and `TypeChecker` gain `getAwaitedType`). */
export function isWidenedShape(before: string, after: string, isClass = false): boolean {
  return listInserted(before, after, isClass) !== undefined;
}

/** The optional members or parameters `after` adds to `before` (their text), when that is all it
 * does; an empty list when it only widens a parameter's union. */
export function listInserted(before: string, after: string, isClass = false): string[] | undefined {
  const inserted: string[] = [];
  return isInsertedInto(normalizeShape(before), normalizeShape(after), isClass, MAX_INSERTS, inserted) ? inserted : undefined;
}

/** How many optional members one shape may gain and stay widened, and how many characters they may take. */
const [MAX_INSERTS, MAX_INSERTED] = [4, 300];

function isInsertedInto(old: string, now: string, isClass: boolean, left: number, inserted: string[]): boolean {
  if (now.length <= old.length) return false;
  let start = 0;
  while (start < old.length && old[start] === now[start]) start++;
  let end = 0;
  while (end < old.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
  const size = now.length - old.length;
  if (start + end === old.length) {
    // The same insertion may sit further left (`readonly k?: T,readonly ` after `…,` is `readonly
    // k?: T,` after `…,readonly `… ): slide it back over equal characters to a list's separator.
    for (let at = start; at >= 0; at--) {
      if (at < start && now[at] !== now[at + size]) break;
      if (isOptionalInsert(now, at, size, isClass)) return inserted.push(now.slice(at, at + size).replace(/^,|,$/g, '')) > 0;
      if (isParameterUnionInsert(now, at, size)) return true;
    }
  }
  // Several members (umami a87d899e1's `Auth`: `shareToken` gains `pixelIds?` and `linkIds?`): the
  // first starts at or just before the first difference, at an item's edge; taken out, it must take
  // the shapes' common start past that difference, and the rest are found the same way.
  if (left <= 1 || size > MAX_INSERTED) return false;
  for (let at = start; at >= 0 && start - at <= size; at--) {
    if (now[at] !== ',' && !'{(,'.includes(now[at - 1] ?? '')) continue;
    for (let length = 1; length < size; length++) {
      if (!',)}'.includes(now[at + length] ?? '') && now[at + length - 1] !== ',') continue;
      if (!isOptionalInsert(now, at, length, isClass)) continue;
      const rest = now.slice(0, at) + now.slice(at + length);
      let common = at;
      while (common < old.length && old[common] === rest[common]) common++;
      if (common > start && isInsertedInto(old, rest, isClass, left - 1, inserted))
        return inserted.unshift(now.slice(at, at + length).replace(/^,|,$/g, '')) > 0;
    }
  }
  return false;
}

/** Whether `now.slice(at, at + size)` adds a member to the type of one of a function's own
 * parameters (`|string`, `string|`): pnpm 366c0ad764's `createPackageVersionPolicy(patterns:
 * string[] | string)` takes what it took and more. Only a function's own parameters: a callback's
 * parameter, a return type, a member of an interface or a function type widened is no longer safe. */
function isParameterUnionInsert(now: string, at: number, size: number): boolean {
  const inserted = now.slice(at, at + size);
  const member = inserted.startsWith('|') ? inserted.slice(1) : inserted.endsWith('|') ? inserted.slice(0, -1) : null;
  if (member === null || member === '' || !isBalanced(member) || /[<>]/.test(member)) return false;
  // A function's, not a type's: `type Fn = (x: string) => void` widened breaks what implements it.
  if (!/^(?:export )?(?:declare )?(?:default )?(?:async )?function\b/.test(now)) return false;
  const step = startShapeStep();
  for (let i = 0; i < at; i++) {
    stepShape(now, i, step);
    if (step.list === 'closed') return false;
  }
  // Inside the list, in a parameter's type (after its `:`), with nothing else open.
  const param = now.slice(Math.max(now.lastIndexOf(',', at - 1), now.lastIndexOf('(', at - 1)) + 1, at);
  return step.list === 'open' && step.depth === 1 && step.angle === 0 && /^(?:\.\.\.)?[\w$]+\??:/.test(param);
}

/** A decorator before a member: `@ResolveField(() => String, { nullable: false })`, `@Input`. */
const DECORATORS = /^(?:@[\w$.]+(?:\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?\s*)+/;
/** A class member as a shape lists it. A decorated one counts when it is a method (amplication
 * 48d60c294's `@ResolveField(…) async name(…)`): a decorated field is a DTO's or an entity's, whose
 * type object literals are written to, where a required field gained breaks them. */
function isClassMember(item: string): boolean {
  if (/^[\w$]/.test(item)) return true;
  const rest = item.replace(DECORATORS, '');
  return rest !== item && /^(?:(?:public|protected|static|async|override)\s+)*[\w$]+\s*[(<]/.test(rest);
}

/** Whether `now.slice(at, at + size)` is `,item` after an item or `item,` at a list's start or after a separator. */
function isOptionalInsert(now: string, at: number, size: number, isClass: boolean): boolean {
  const inserted = now.slice(at, at + size);
  const isAfterItem = !'{(,'.includes(now[at - 1] ?? ',');
  let item: string | undefined;
  if (inserted.startsWith(',') && isAfterItem) item = inserted.slice(1);
  else if (inserted.endsWith(',') && !isAfterItem) item = inserted.slice(0, -1);
  // The first item of an empty list (urql 1d0ce5c1's `refocusExchange = ()` → `(opts: RefocusOptions = {})`).
  else if ('({'.includes(now[at - 1] ?? '') && ')}'.includes(now[at + size] ?? '')) item = inserted;
  // A class's members sit after its head's `{`: a list's item there is a member, never a parameter.
  const isMember = isClass && isBalanced(`${now.slice(0, at)}}`) && isClassMember(item ?? '');
  return item !== undefined && isBalanced(item) && (OPTIONAL_ITEM.test(item) || isMember);
}

/** Optional members added, by name: umami a87d899e1's `Auth` "(`shareToken` gains optional `pixelIds`
 * and `linkIds`)", where "`shareToken` changed" said where, not what. */
export function nameInserted(before: string, after: string, changed: readonly string[] | undefined): string | undefined {
  const names = (listInserted(before, after) ?? []).map((item) => /^(?:readonly )?([\w$]+)/.exec(item)?.[1]);
  // Members added at the top are named by the members' own words ("`killDescendants` added").
  if (names.length === 0 || names.some((n) => n === undefined || changed?.includes(n))) return undefined;
  const quoted = names.map((n) => `\`${n}\``).join(names.length === 2 ? ' and ' : ', ');
  const [inside] = changed?.length === 1 && !names.includes(changed[0]) ? changed : [];
  return inside === undefined ? `new optional ${quoted}` : `\`${inside}\` gains optional ${quoted}`;
}
