import type { BindingUse, ImportBinding, ImportRecord } from './module-record.js';

// How an import uses one exported name of its target: the first line of a value use and of a
// type use (0: none), and the local names that hold it (for following it through the file).
// A namespace uses a name only through that member (`ns.a`, `{ a } = ns`) or by escaping whole;
// so does a named import of a namespace re-export (`import { util }` of `export * as util`),
// asked for `member` (the name inside it).

export interface NameUse extends BindingUse {
  readonly locals: readonly string[];
  /** Locals that are namespaces: they carry the name only as one of their members. */
  readonly namespaces: readonly string[];
  /** Used only through a namespace that escapes whole (`window.Sentry = Sentry`, `f(ns)`). */
  readonly isWhole: boolean;
}

const first = (a: number, b: number): number => (a === 0 ? b : b === 0 ? a : Math.min(a, b));
const NONE: NameUse = { value: 0, type: 0, locals: [], namespaces: [], isWhole: false };

/** A member as recorded (`core.a` for `ns.core.a`) and the name it reads on the binding (`core`). */
const outerOf = (member: string): string => member.split('.', 1)[0]!;

/** First value and type lines of the binding's members that `pick` accepts. */
function membersUse(binding: ImportBinding, pick: (member: string, recorded: string) => boolean): [number, number] {
  let [v, t] = [0, 0];
  for (const [member, mv, mt] of binding.members ?? []) if (pick(outerOf(member), member)) [v, t] = [first(v, mv), first(t, mt)];
  return [v, t];
}

/** `ns.name.inner` reaches `member` of the namespace `name` only when `inner` is that member. */
const readsMember = (recorded: string, name: string, member: string | undefined): boolean =>
  member === undefined || recorded === name || recorded === `${name}.${member}`;

/**
 * `name` is an exported name of the import's target, or '*' for the whole module; `member`, when
 * that name is a namespace (`export * as name`), the name inside it that changed.
 */
export function findBindingUse(edge: ImportRecord, name: string, member?: string): NameUse {
  const isAll = name === '*' || name === 'export=';
  if (edge.bindings.length === 0) {
    // import('x'), a nested require, a side-effect import: the import line is the use.
    const hit = edge.names === '*' || (edge.names.length > 0 && (isAll || edge.names.includes(name)));
    // `await import('x')` kept whole (not destructured) may read any member: a use of the whole module.
    return hit ? { value: edge.line, type: 0, locals: [], namespaces: [], isWhole: edge.names === '*' } : NONE;
  }
  let value = 0;
  let type = 0;
  const locals: string[] = [];
  const namespaces: string[] = [];
  let isNamed = false;
  let isWhole = false;
  for (const binding of edge.bindings) {
    if (binding.imported === '*') {
      let [v, t] = membersUse(binding, (m, recorded) => isAll || (m === name && readsMember(recorded, name, member)));
      if (v !== 0 || t !== 0) isNamed = true;
      // `module.exports = req` is the module: `const req = require('./request')` passed on whole
      // (`Object.create(req)`) uses that value, it does not merely hold a namespace.
      else if (binding.value !== 0 || binding.type !== 0) [isNamed, isWhole] = name === 'export=' ? [true, isWhole] : [isNamed, true];
      [v, t] = [first(v, binding.value), first(t, binding.type)];
      if (v === 0 && t === 0) continue;
      value = first(value, v);
      type = first(type, t);
      namespaces.push(binding.local);
    } else if (isAll || binding.imported === name || (name === 'export=' && binding.imported === 'default')) {
      // A named binding is used by any use, through a member or not; a namespace re-export's only
      // through `member` or by escaping whole.
      const asNamespace = member !== undefined && !isAll;
      // `Settings.Set` (a namespace inside the one passed on): `System.Settings.Set` or
      // `System.Settings` read otherwise, not `System.Settings.Get`.
      const dot = member === undefined ? -1 : member.indexOf('.');
      const [outer, inner] = dot < 0 ? [member, undefined] : [member!.slice(0, dot), member!.slice(dot + 1)];
      let [v, t] = membersUse(binding, (m, recorded) => !asNamespace || (m === outer && readsMember(recorded, outer, inner)));
      if (asNamespace && v === 0 && t === 0 && (binding.value !== 0 || binding.type !== 0)) isWhole = true;
      else if (v !== 0 || t !== 0 || binding.value !== 0 || binding.type !== 0) isNamed = true;
      [v, t] = [first(v, binding.value), first(t, binding.type)];
      value = first(value, v);
      type = first(type, t);
      locals.push(binding.local);
    }
  }
  if (edge.isTypeOnly) [value, type] = [0, first(value, type)];
  return { value, type, locals, namespaces, isWhole: isWhole && !isNamed };
}
