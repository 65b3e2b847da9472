import type * as T from 'typescript';
import { ts } from './typescript.js';
import { hashText } from './declaration-shape.js';
import { readComponentScripts, type ComponentKind, type ScriptBlock } from '../../core/impact/component-script.js';
import type { Declaration, ExportRecord, ImportRecord, ModuleRecord } from '../../core/impact/module-record.js';

// The record of a Vue or Svelte component: its `<script>` blocks parsed as one TypeScript file,
// in place (component-script.ts), and then what only a component has:
// - its default export is the component: Vue's `<script setup>` and Svelte's instance script
//   export nothing, so one is added, named after the file (`UserCard.vue` -> `UserCard`), using
//   every name of its scripts (what the component uses, its importers use through it);
// - its markup (template, style) is part of the component: a change there changes the default
//   export's implementation and the file's hash (no trivia-only template edit);
// - a name imported for the markup only (`<UserCard>`, `<user-card>`, `@click="save"`, Svelte's
//   `$store`) is used there, as a value, at the line of its first use.

const scriptKindOf = (blocks: readonly ScriptBlock[]): T.ScriptKind => {
  const langs = new Set(blocks.map((b) => b.lang));
  if (langs.has('tsx')) return ts.ScriptKind.TSX;
  if (langs.has('jsx')) return ts.ScriptKind.JSX;
  return langs.has('ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
};

const escape = (name: string) => name.replace(/\$/g, '\\$');
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The 1-based line of the first use of `local` in `markup` (as itself, as a component's tag in
 * any case, `<user-card>` for `UserCard`, or `$local`, a Svelte store, anywhere), 0 if none. */
function markupUse(local: string, markup: string, text: string): number {
  const found =
    new RegExp(`(?<![\\w$.-])${escape(local)}(?![\\w$-])`).exec(markup) ??
    (/^[A-Z]/.test(local) ? new RegExp(`<(?:${escape(local)}|${kebab(local)})(?=[\\s/>])`, 'i').exec(markup) : null) ??
    new RegExp(`\\$${escape(local)}(?![\\w$])`).exec(text);
  return found === null ? 0 : text.slice(0, found.index).split('\n').length;
}

function withMarkupUses(record: ImportRecord, markup: string, text: string): ImportRecord {
  if (record.bindings.every((b) => b.value > 0 || b.type > 0 || (b.members?.length ?? 0) > 0)) return record;
  return {
    ...record,
    bindings: record.bindings.map((b) =>
      b.value > 0 || b.type > 0 || (b.members?.length ?? 0) > 0 ? b : { ...b, value: markupUse(b.local, markup, text) },
    ),
  };
}

/** `user-card.vue` -> `UserCard`; `+page.svelte` -> `Page`; `Hero.astro` -> `Hero`. */
export function componentName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.(?:vue|svelte|astro)$/, '');
  const words = base.split(/[^A-Za-z0-9_$]+/).filter((w) => w !== '');
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_$]/.test(name) ? name : `Component${name}`;
}

/** `script` with the blocks that are not `keep`'s blanked in place (lines kept). */
function blankOthers(script: string, blocks: readonly ScriptBlock[], keep: (b: ScriptBlock) => boolean): string {
  let out = '';
  let at = 0;
  for (const b of blocks) {
    if (keep(b)) continue;
    out += script.slice(at, b.start) + script.slice(b.start, b.end).replace(/[^\n]/g, ' ');
    at = b.end;
  }
  return out + script.slice(at);
}

export function parseComponent(
  path: string,
  text: string,
  kind: ComponentKind,
  isLight: boolean,
  parse: (script: string, kind: T.ScriptKind) => ModuleRecord,
): ModuleRecord {
  const { blocks, script, markup } = readComponentScripts(text, kind);
  const record = parse(script, scriptKindOf(blocks));
  const imports = record.imports.map((i) => withMarkupUses(i, markup, text));
  const existing = record.exports.find((e) => e.name === 'default');
  const fold = (part: string) => part.replace(/\s+/g, ' ').trim();
  const markupHash = isLight ? '' : hashText(fold(markup));
  const hash = isLight ? '' : hashText(`${record.hash}\0${markupHash}`);
  // The component is its markup and its instance script (Vue's `<script setup>`, Svelte's
  // `<script>` without `module`), not the module's own exports beside it: their change reaches
  // it only where it uses them.
  const isOwn = (b: ScriptBlock) => (kind === 'vue' ? b.isSetup : !b.isModule);
  const own = blocks.filter(isOwn);
  // Its scripts by their syntax, as a module's hash is: reformatting `$derived(\n  a && b\n)` onto one
  // line (appwrite/console 9be285a786) or editing a comment changes no component. The record's hash
  // is the scripts' when all of them are the component's; else those alone are parsed again.
  const ownHash =
    isLight || own.length === 0
      ? ''
      : own.length === blocks.length
        ? record.hash
        : parse(blankOthers(script, blocks, isOwn), scriptKindOf(blocks)).hash;
  const componentHash = isLight ? '' : hashText(own.length === 0 ? markupHash : `${markupHash}\0${ownHash}`);
  // The names of its scripts (declarations, imports) that its instance script or markup spells.
  const spelled = new Set([...own.map((b) => text.slice(b.start, b.end)), markup].join('\n').match(/[A-Za-z_$][\w$]*/g));
  const names = [...record.declarations.map((d) => d.local), ...imports.flatMap((i) => i.bindings.map((b) => b.local))].filter(
    (n) => spelled.has(n) || (existing === undefined && own.length === 0),
  );
  const component = (uses: readonly string[], local: string, bodyHash: string): Declaration => ({
    local,
    uses: [...new Set([...uses, ...(own.length > 0 || existing === undefined ? names : [])])].filter((n) => n !== local),
    hash: bodyHash,
    isExported: true,
  });
  let exports: readonly ExportRecord[] = record.exports;
  let declarations: readonly Declaration[] = record.declarations;
  // Named after its file, as it is shown: `UserCard` (default export), not `default`.
  const taken = new Set([...record.declarations.map((d) => d.local), ...imports.flatMap((i) => i.bindings.map((b) => b.local))]);
  // A script naming something else so (`import * as Calendar` in calendar.svelte): `default`.
  const named = componentName(path);
  const local = taken.has(named) ? 'default' : named;
  if (existing === undefined) {
    exports = [...exports, { name: 'default', kind: 'default-expression', shape: '', bodyHash: componentHash, local }];
    declarations = [...declarations, component([], local, componentHash)];
  } else if (existing.local !== undefined) {
    // Vue's `<script>` with `export default {…}`: that object, its markup and its `<script setup>`.
    const bodyHash = isLight ? '' : hashText(`${existing.bodyHash}\0${componentHash}`);
    // `export default {…}` is a declaration named `default` (parse-module.ts): renamed.
    const renamed = existing.local === 'default' ? local : existing.local;
    const at = declarations.findIndex((d) => d.local === existing.local);
    if (at >= 0)
      declarations = declarations.map((d, i) =>
        i === at ? component(d.uses, renamed, isLight ? '' : hashText(`${d.hash}\0${componentHash}`)) : d,
      );
    exports = exports.map((e) => (e === existing ? { ...e, bodyHash, local: renamed } : e));
  }
  return { ...record, imports, exports, declarations, hash };
}
