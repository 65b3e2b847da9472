import type { Declaration, ExportRecord, ModuleRecord } from '../../core/impact/module-record.js';
import { fold, hashString, hashText } from './hash-text.js';
import { hashTokens } from './token-hash.js';
import { bodyIn, classShapeFrom, interfaceShapeFrom, signatureFrom, variableShapeFrom } from './token-shapes.js';
import { readUserRecord } from './user-record.js';
import { WholeTrace } from './whole-trace.js';

// The whole record of a changed file read from tokens, without TypeScript: the light record
// (user-record.ts) and what a changed file's diff reads besides — each declaration's syntax hash
// and `isType`, each export's shape and body hash, the file's hash. The hashes are token hashes
// (token-hash.ts, `t…`): equal exactly when TypeScript's are, never equal to one of them, so both
// sides of a changed file must be read by one reader (parse-modules.ts reads both from tokens or
// both by TypeScript). `.tsx` too (user-jsx.ts logs its text). Null whenever the tokens cannot say: a class
// of the file a declaration uses and never runs (it may only pass it along: `passes`), a name typed
// `typeof` a namespace import (TypeScript's whole path traces it), a declaration merged or overloaded
// and exported, a shape these cannot cut (token-shapes.ts). A type's `keyof typeof x` is its `keys`.

export const WHOLE_EXTENSIONS = /\.(?:[cm]?ts|tsx)$/;
// A triple-slash directive (`/// <reference lib="es2020" />`) is TypeScript's to read, always: the
// token readers read no pragmas. The tests of TypeScript's load and code cache stage a file with one,
// so that TypeScript loads however much the tokens learn to read (docs/speed.md, round 48).
const TYPESCRIPT_ONLY = /^\/\/\/\s*<reference\s/m;
const TYPEOF = /\btypeof\s+([\w$]+)/g;
const t = (text: string) => `t${hashString(text)}`;

export function readUserWhole(path: string, text: string): ModuleRecord | null {
  if (!WHOLE_EXTENSIONS.test(path) || TYPESCRIPT_ONLY.test(text)) return null;
  const trace = new WholeTrace();
  const light = readUserRecord(path, text, trace);
  if (light === null) return null;
  const { statements, events, log, bodies } = trace;
  // Only a namespace's type makes an alias whose reads TypeScript's whole path traces (parse-module.ts's
  // typedAlias): `z.infer<typeof schema>` of a named or default import reads as the light record has it.
  const namespaces = new Set(light.imports.flatMap(({ bindings }) => bindings.filter((b) => b.imported === '*').map((b) => b.local)));
  for (const [, name] of text.matchAll(TYPEOF)) if (namespaces.has(name!)) return null;
  const hashes: string[] = [];
  for (const s of statements) {
    const hash = hashTokens(text, log, s.from, s.to, s.skips);
    if (hash === null) return null;
    hashes.push(hash);
  }
  // Each name's hash, as parse-module.ts folds them: a variable declared again replaces, anything else joins.
  const named = new Map<string, { hash: string; kinds: string[]; statement: number }>();
  for (const [name, at, kind] of events) {
    const known = named.get(name);
    const hash = known === undefined || kind === 'variable' ? hashes[at]! : t(known.hash + hashes[at]!);
    named.set(name, { hash, kinds: [...(known?.kinds ?? []), kind], statement: kind === 'built' ? (known?.statement ?? at) : at });
  }
  const declaredAt = new Set(events.filter(([, , kind]) => kind !== 'built').map(([name, at]) => `${name}\0${at}`));
  const declarators = new Map(trace.declarators.flatMap((entry) => entry[0].names.map((name) => [name, entry] as const)));
  const isClass = (name: string) => named.get(name)?.kinds.includes('class') === true;
  const declarations: Declaration[] = [];
  for (const d of light.declarations) {
    const found = named.get(d.local);
    // `passes` (a class of the file it only passes along) is TypeScript's to tell, but where the
    // declaration also runs the class (calls, `new`, a member read): then it is not among them.
    const runs = trace.runs.get(d.local);
    if (found === undefined || d.uses.some((name) => isClass(name) && runs?.has(name) !== true)) return null;
    const isType = found.kinds.every((kind) => kind === 'interface' || kind === 'type');
    // A type's names of the file read only as `keyof typeof x` (its keys, not its code: parse-module.ts's keysOf).
    const keys = isType ? (trace.keys.get(d.local) ?? []) : [];
    declarations.push({ ...d, hash: found.hash, ...(keys.length > 0 && { keys }), ...(isType && { isType }) });
  }
  const statementOf = (index: number) => trace.exportsFrom.findLastIndex((from) => from <= index);
  const shapeOf = (local: string | undefined, at: number): string | null => {
    const found = local === undefined ? undefined : named.get(local);
    const kinds = found?.kinds.filter((kind) => kind !== 'built') ?? [];
    if (local !== undefined && kinds.length !== 1) return null;
    const kind = kinds[0];
    const { start, end, from, to } = statements[found?.statement ?? at]!;
    if (kind === 'variable') {
      const declared = declarators.get(local!);
      return declared === undefined ? null : variableShapeFrom(text, log, bodies, declared);
    }
    if (kind === 'function') return signatureFrom(text, log, [start, bodyIn(bodies, start, end), end], 'function');
    if (kind === 'class') return classShape(start, end);
    if (kind === 'interface') return interfaceShapeFrom(text, log, from, to);
    if (kind === 'type' || kind === 'enum' || kind === 'namespace') return fold(text.slice(start, end));
    return null;
  };
  const exports: ExportRecord[] = [];
  for (const [index, record] of light.exports.entries()) {
    const at = statementOf(index);
    const { start, end } = statements[at]!;
    let shaped: ExportRecord | null;
    if (record.kind === 'reexport' && record.from?.name === '*')
      shaped = { ...record, shape: fold(text.slice(start, end)), bodyHash: hashes[at]! };
    else if (record.kind === 'reexport') shaped = record;
    else if (record.local === 'default') shaped = { ...record, bodyHash: hashes[at]! };
    // Not declared by its own statement (`export { a }`, `export default a`, an unnamed default): parse-module.ts's last pass.
    else if (!declaredAt.has(`${record.local}\0${at}`)) shaped = aliased(record, at);
    else {
      const shape = shapeOf(record.local, at);
      shaped = shape === null ? null : { ...record, shape, bodyHash: hashes[at]! };
    }
    if (shaped === null) return null;
    exports.push(shaped);
  }
  return { imports: light.imports, exports, declarations, hash: t(statements.map((s, i) => s.marks + hashes[i]).join(',')) };

  /** The class a statement declares: the last class met inside it (its members' classes come before it). */
  function classShape(start: number, end: number): string | null {
    const found = trace.classes.findLast(({ open }) => open > start && open <= end);
    return found === undefined ? null : classShapeFrom(text, log, start, found);
  }

  /** An export named apart from its declaration (`export { a as b }`, `export default a`, an unnamed
   * default): the declaration's shape and hash, through `const b = a` (export-aliases.ts's aliasedLocal). */
  function aliased(record: ExportRecord, at: number): ExportRecord | null {
    if (record.local === undefined) {
      const { start, end } = statements[at]!;
      const shape =
        record.kind === 'function'
          ? signatureFrom(text, log, [start, bodyIn(bodies, start, end), end], 'function')
          : classShape(start, end);
      return shape === null ? null : { ...record, shape, bodyHash: hashes[at]! };
    }
    let local = record.local;
    for (let step = 0; step < 4; step++) {
      const entry = declarators.get(local);
      const declared = entry?.[0].names.length === 1 ? entry[0] : undefined;
      const init = declared?.typed === undefined ? declared?.init : undefined;
      const target = init?.kind === 'ref' && init.ref!.link === undefined && init.ref!.named === undefined ? init.ref!.name : undefined;
      if (target === undefined || target === local || !named.has(target)) break;
      local = target;
    }
    const found = named.get(local);
    if (found === undefined) return { ...record, shape: `${local} (binding)`, bodyHash: hashText(local) };
    const shape = shapeOf(local, at);
    return shape === null ? null : { ...record, shape, bodyHash: found.hash };
  }
}
