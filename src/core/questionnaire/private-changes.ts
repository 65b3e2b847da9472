import { listNames } from '../text/list-names.js';
import { describeLocalsEdit } from './component-locals.js';
import { describeMarkupEdit, isProseLine } from './markup-edit.js';
import { describeInsertion } from './replaced-words.js';
import { describeRepeatedEdit } from './repeated-edit.js';
import { sideLines } from './same-edit.js';
import type { FileHunks, Hunk } from '../split/split-plan.js';

// A change to code no export shows: preact signals bb9cd0a edits the callback of the top-level
// `hook(OptionsTypes.RENDER, (old, vnode) => {…})` and adds a private function for it, and was
// asked "What does the change to packages/preact/src/index.ts do?", a question that fits any
// change of any file. Git's hunk headings name the top-level statement each hunk sits in, and
// the lines at a statement's start that the change adds or removes name the functions it gives
// the file or takes from it.

export interface PrivateChange {
  /** The statements the hunks sit in, as a question quotes them: `hook(OptionsTypes.RENDER, …)`. */
  readonly sites: readonly string[];
  /** Functions and classes declared (not exported) on lines the change adds, or removes. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Functions called on code lines the change adds, or removes, and not on the other side: what
   * a file with no site and no declaration named still starts or stops doing (motion 6acedcc93
   * drops a top-level `try { loadExternalIsValidProp(require(emotionPkg).default) }`). */
  readonly calledAdded?: readonly string[];
  readonly calledRemoved?: readonly string[];
  /** A stylesheet's rules the change adds (`.hopp-tooltip-interactive-wrapper`), or removes, by selector. */
  readonly addedRules?: readonly string[];
  readonly removedRules?: readonly string[];
  /** What a SQL file's added statements do, in order: "creates table `ResourceRelationCache`". */
  readonly sqlActs?: readonly string[];
  /** A SQL query's conditions the change adds (`AND "operatorId" IS NULL`), where it creates or alters nothing. */
  readonly sqlConditions?: readonly string[];
  readonly sqlConditionsGone?: readonly string[];
}

const MAX_SITE = 60;
const DECLARED = [
  /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/,
  /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/,
  /^(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/,
  // Go, Python and Rust beside the TypeScript (memos d617f652b0's tag.go gains `func isApostropheJoiner(r rune) bool`).
  /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[[(]/,
  /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/,
  /^(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_]\w*)/,
];

/** A heading as a question quotes it: a call's callback cut (`hook(OptionsTypes.RENDER, …)`), or
 * the declaration's first line without its brace; null when it names nothing (a comment, a brace). */
function siteOf(heading: string): string | null {
  const text = heading.trim().replace(/\s*\{$/, '');
  // A statement ended on its own line holds no hunk: git names the last line it matched before an
  // unnamed one (openai-node af8f14f5a1's script edits an `(() => { … })()` below
  // `const packedPackagePath = require('node:path');`).
  if (!/^[A-Za-z_$]/.test(text) || /^(?:import|export)\b/.test(text) || heading.trim().endsWith(';')) return null;
  const call = /^([\w$.]+\((?:[^(),]|\([^()]*\))*?),\s*(?:async\s*)?(?:\(|function\b|[\w$]+\s*=>)/.exec(text);
  // A callback as the first argument (hoppscotch 40d65dba4's `executedResponses$.subscribe((res) =>`).
  const first = call ? null : /^([\w$.]+)\(\s*(?:async\s*)?(?:\([^()]*\)|[\w$]+)\s*=>/.exec(text);
  // A setting whose value opens on its line and runs on (a `.env`'s `PLANS='[`): its name.
  const setting = /^([A-Za-z_][\w.-]*)\s*[=:]\s*['"`]?[[{(]?$/.exec(text)?.[1];
  const site = call ? `${call[1]}, …)` : first ? `${first[1]}(…)` : (setting ?? text);
  return site.length <= MAX_SITE ? site : null;
}

const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;
const NOT_CALLS = new Set([
  ...['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'await', 'super', 'import'],
  // Go's and Python's words before a `(`: `func (s *Server) get(`, `elif (…)`, `not (…)`.
  ...['func', 'def', 'elif', 'not', 'and', 'or', 'in', 'lambda'],
  // A reserved word of JavaScript, so a stylesheet's: a component's `<style>` gains `color:
  // var(--text-2);` (gitbutler 3fea1d5024's CommitListItem.svelte "now calls `var`").
  'var',
]);
/** A line with its strings' text left out; with `templates`, a template literal's `${…}` kept. */
const codeOf = (line: string, templates: boolean) =>
  line
    .replace(/`(?:[^`\\]|\\.)*`/g, (literal) =>
      templates ? [...literal.matchAll(/\$\{([^}]*)\}/g)].map((m) => ` ${m[1]} `).join('""') : '""',
    )
    .replace(/(['"])(?:(?!\1).)*\1/g, '""');

/** The functions code lines call (`x(` and `a.x(`: named `x`), in order, once each; with
 * `templates`, those a template literal's `${…}` calls too. */
const calledIn = (lines: readonly string[], templates = false) => [
  ...new Set(
    lines
      .filter((line) => !COMMENT_LINE.test(line))
      .flatMap((line) => [...codeOf(line, templates).matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]!))
      .filter((name) => !NOT_CALLS.has(name)),
  ),
];

const declaredIn = (lines: readonly string[]) =>
  lines.flatMap((line) => DECLARED.map((pattern) => pattern.exec(line)?.[1]).filter((name): name is string => name !== undefined));

const STYLESHEET = /\.(?:css|scss|sass|less|styl|pcss)$/;

/** Lines added alone whose first code line starts at the left margin begin a statement of their
 * own: git's heading is the last one before them, not one they sit in (hoppscotch 7be31a298 adds
 * `.hopp-tooltip-interactive-wrapper {…}` to styles.scss after `.gql-operation-highlight`, and
 * was asked about `details[open] summary .indicator`, the last line git's heading rule matched). */
function isOwnStatement(hunk: Hunk): boolean {
  const first = hunk.added.find((line) => line.trim() !== '' && !COMMENT_LINE.test(line));
  return hunk.removed.length === 0 && first !== undefined && /^[^\s})\]]/.test(first);
}

/** A stylesheet's rules on lines at the margin that open a block: `.a:hover {` → `.a:hover`. */
const rulesIn = (lines: readonly string[]) =>
  lines.filter((line) => /^[^\s@}/*][^{};]*\{\s*$/.test(line)).map((line) => line.replace(/\s*\{\s*$/, ''));

const SQL = /\.sql$/i;
const SQL_NAME = String.raw`(?:[\w$]+\.)?["\x60\[]?([\w$]+)["\x60\]]?`;
const SQL_OBJECT = new RegExp(
  String.raw`^\s*(create|alter|drop)\s+(?:or\s+replace\s+)?(?:unique\s+)?(?:materialized\s+)?(table|index|view|type|function|trigger|sequence|schema|extension)\s+(?:if\s+(?:not\s+)?exists\s+)?(?:concurrently\s+)?${SQL_NAME}(?:\s+(add|drop|alter|rename)\s+(column|constraint)?\s*(?:if\s+(?:not\s+)?exists\s+)?${SQL_NAME})?`,
  'i',
);
const SQL_VERB: Record<string, string> = { create: 'creates', alter: 'alters', drop: 'drops', add: 'adds', rename: 'renames' };
/** A SQL file's statements on added lines, as acts: "creates table `T`", "adds column `T.c`";
 * "alters table `T`" for an act on it that names no column. amplication 6703b122c's migration was
 * asked about "a call of `KEY`" (its `FOREIGN KEY (…)`). */
function sqlActsIn(lines: readonly string[]): string[] {
  const acts = lines.flatMap((line) => {
    const m = SQL_OBJECT.exec(line);
    if (m === null) return [];
    const [, verb, kind, name, act, part, member] = m;
    if (act !== undefined && part?.toLowerCase() !== 'constraint' && member !== undefined)
      return [`${SQL_VERB[act.toLowerCase()]!} column \`${name!}.${member}\``];
    return [`${SQL_VERB[verb!.toLowerCase()]!} ${kind!.toLowerCase()} \`${name!}\``];
  });
  // A table created here and then altered (its keys) is the table created.
  const created = new Set(acts.filter((a) => a.startsWith('creates table ')).map((a) => a.slice('creates table '.length)));
  return [...new Set(acts.filter((a) => !(a.startsWith('alters table ') && created.has(a.slice('alters table '.length)))))];
}

/** Characters a condition may run to where a question quotes it. */
const MAX_CONDITION = 60;
/** The conditions of a SQL query (`AND w."operatorId" IS NULL`, `OR x IN (`) on lines the change
 * adds and no removed line reads (a condition re-indented, or its `;` moved, is the same), each once. */
function sqlConditionsIn(hunks: readonly Hunk[]): { added: string[]; gone: string[] } {
  const text = (line: string) => line.replace(/--.*$/, '').trim().replace(/\s*;$/, '').replace(/\s+/g, ' ');
  const conditionsOf = (lines: readonly string[]) => [
    ...new Set(lines.map(text).filter((line) => /^(?:and|or|where)\s+\S/i.test(line) && line.length <= MAX_CONDITION)),
  ];
  const bare = (c: string) => c.replace(/^where\s+/i, '');
  const [now, was] = [conditionsOf(hunks.flatMap((h) => h.added)), conditionsOf(hunks.flatMap((h) => h.removed))];
  // Any line of the other side counts: `WHERE "tenantId" = …` split into `WHERE` and its condition is kept.
  const sideOf = (lines: readonly string[]) => new Set(lines.map(text).map(bare));
  const [nowBare, wasBare] = [sideOf(hunks.flatMap((h) => h.added)), sideOf(hunks.flatMap((h) => h.removed))];
  // A whole condition is quoted before the opening line of a subquery (`AND NOT EXISTS (`).
  const isWhole = (c: string) => c.split('(').length === c.split(')').length;
  const wholeFirst = (list: string[]) => [...list.filter(isWhole), ...list.filter((c) => !isWhole(c))];
  return { added: wholeFirst(now.filter((c) => !wasBare.has(bare(c)))), gone: wholeFirst(was.filter((c) => !nowBare.has(bare(c)))) };
}

const PRISMA = /\.prisma$/i;
/** A Prisma schema's models and fields the hunks add or remove, as acts: "adds model `T`", "adds
 * field `T.f`" (a new model's own fields are the model). amplication 6703b122c was asked "what does
 * the change to `model Resource` do differently now?", two relation fields and a model added. */
function prismaActsIn(hunks: readonly Hunk[]): string[] {
  const acts: string[] = [];
  for (const [lines, verb] of [
    ['added', 'adds'],
    ['removed', 'removes'],
  ] as const)
    for (const hunk of hunks) {
      let model = /^model\s+(\w+)/.exec(hunk.heading.trim())?.[1];
      let isNew = false;
      for (const line of hunk[lines]) {
        const opened = /^model\s+(\w+)\s*\{/.exec(line);
        if (opened) {
          [model, isNew] = [opened[1], true];
          acts.push(`${verb} model \`${opened[1]!}\``);
        } else if (/^\}/.test(line)) model = undefined;
        else if (model !== undefined && !isNew && /^\s+\w+\s+\w/.test(line))
          acts.push(`${verb} field \`${model}.${/^\s+(\w+)/.exec(line)![1]!}\``);
      }
    }
  // One act a verb and kind: "adds fields `T.a` and `T.b`".
  const groups = new Map<string, string[]>();
  for (const act of acts) {
    const [verb, kind, name] = act.split(' ') as [string, string, string];
    groups.set(`${verb} ${kind}`, [...(groups.get(`${verb} ${kind}`) ?? []), name]);
  }
  return [...groups].map(([head, names]) => `${head}${names.length > 1 ? 's' : ''} ${listNames(names, 3)}`);
}

/** Each file's private change, for files whose hunks name a site or a declaration. */
export function listPrivateChanges(hunks: FileHunks): Map<string, PrivateChange> {
  const out = new Map<string, PrivateChange>();
  for (const [path, fileHunks] of hunks) {
    const sited = fileHunks.filter((h) => !isOwnStatement(h));
    const sites = [...new Set(sited.map((h) => siteOf(h.heading)).filter((s): s is string => s !== null))];
    const [declared, dropped] = [declaredIn(fileHunks.flatMap((h) => h.added)), declaredIn(fileHunks.flatMap((h) => h.removed))];
    // A declaration on both sides was edited or moved, not added.
    const added = [...new Set(declared.filter((name) => !dropped.includes(name)))];
    const removed = [...new Set(dropped.filter((name) => !declared.includes(name)))];
    if (SQL.test(path) || PRISMA.test(path)) {
      const sqlActs = PRISMA.test(path) ? prismaActsIn(fileHunks) : sqlActsIn(fileHunks.flatMap((h) => h.added));
      if (sqlActs.length > 0) {
        out.set(path, { sites: [], added: [], removed: [], sqlActs });
        continue;
      }
    }
    // A query's new conditions say what it now reads: git heads its hunks with the last line that
    // opens with a letter (`WHERE`, `FROM "Worker"`), which says nothing (hatchet 73403371f8 hides
    // its DAG operators from two queries of workers.sql and tenant_limits.sql).
    if (SQL.test(path)) {
      const conditions = sqlConditionsIn(fileHunks);
      if (conditions.added.length + conditions.gone.length > 0) {
        out.set(path, { sites: [], added, removed, sqlConditions: conditions.added, sqlConditionsGone: conditions.gone });
        continue;
      }
    }
    // SQL calls nothing a question can name: `FOREIGN KEY ("id")` is no call of `KEY`.
    const [calls, callsGone] = SQL.test(path)
      ? [[], []]
      : [calledIn(fileHunks.flatMap((h) => h.added)), calledIn(fileHunks.flatMap((h) => h.removed))];
    // A call moved into a template literal's `${…}` is still made (`` `${(cents / 100).toFixed(2)} ${currency}` ``
    // was "the change removes a call of `toFixed`"); one made only there is not named (consola
    // c5c1534's banner of five `colors.*(…)` beside the `box` it adds).
    const [everyCall, everyCallGone] = SQL.test(path)
      ? [[], []]
      : [
          calledIn(
            fileHunks.flatMap((h) => h.added),
            true,
          ),
          calledIn(
            fileHunks.flatMap((h) => h.removed),
            true,
          ),
        ];
    const calledAdded = calls.filter((name) => !everyCallGone.includes(name) && !declared.includes(name));
    const calledRemoved = callsGone.filter((name) => !everyCall.includes(name) && !dropped.includes(name));
    const [rules, rulesGone] = STYLESHEET.test(path)
      ? [rulesIn(fileHunks.flatMap((h) => h.added)), rulesIn(fileHunks.flatMap((h) => h.removed))]
      : [[], []];
    const addedRules = [...new Set(rules.filter((rule) => !rulesGone.includes(rule)))];
    const removedRules = [...new Set(rulesGone.filter((rule) => !rules.includes(rule)))];
    const named = [sites, added, removed, calledAdded, calledRemoved, addedRules, removedRules].some((list) => list.length > 0);
    // git heads a stylesheet's hunk with the last line above it that opens with a letter (`body {`,
    // `samp {`), rarely the rule the change edits: where rules are put in or taken out, they say it
    // (hatchet 6605f67332's global.css was asked "what does the change to `body` and `samp` do").
    const hasRules = addedRules.length + removedRules.length > 0;
    if (named)
      out.set(path, {
        sites: hasRules ? [] : sites,
        added,
        removed,
        calledAdded,
        calledRemoved,
        ...(addedRules.length > 0 && { addedRules }),
        ...(removedRules.length > 0 && { removedRules }),
      });
  }
  return out;
}

/** "`"minSeats": 5` → `"minSeats": 4`": an edit of one line into one other, each short, quoted whole
 * (webstudio 09c89376fb's `.env` lowers a plan's `minSeats` inside its `PLANS` JSON). */
function describeLineEdit(edit: string | undefined): string | null {
  const lines = (mark: string) =>
    (edit ?? '').split('\n').flatMap((l) => (l.startsWith(mark) ? [l.slice(1).trim().replace(/[,;]$/, '')] : []));
  const [was, now] = [lines('-'), lines('+')];
  if (was.length !== 1 || now.length !== 1 || was[0] === now[0]) return null;
  if ([was[0]!, now[0]!].some((line) => line === '' || line.length > MAX_LINE || line.includes('`'))) return null;
  return `\`${was[0]}\` → \`${now[0]}\``;
}

const quoted = (names: readonly string[]) =>
  names.length <= 2 ? names.map((n) => `\`${n}\``).join(' and ') : `\`${names[0]}\`, \`${names[1]}\` and ${names.length - 2} more`;

/** "In packages/preact/src/index.ts, what does the change to `hook(OptionsTypes.RENDER, …)` do
 * differently now, with the new `createComponentUpdateCallback`?"; null when nothing is named. */
export function privateChangeQuestion(label: string, rest: string, change: PrivateChange | undefined, edit?: string): string | null {
  if (change === undefined) return null;
  const { sites, added, removed } = change;
  const file = `${label}${rest}`;
  if (sites.length > 0 && sites.length <= 2) {
    const what = [added.length > 0 ? `with the new ${quoted(added)}` : '', removed.length > 0 ? `without ${quoted(removed)}` : '']
      .filter((p) => p !== '')
      .join(' and ');
    // No declaration gained or lost: the calls it starts or stops making say what it does (consola
    // c5c1534's examples/box.ts adds `consola.box(`${colors.red("I")} …`)` to `function main()`).
    // JS and TS, Go and Python: the call reader takes Rust's `let (a, b) =` for a call of `let` (pnpm 40221bc9b9);
    // memos 0bfeb91d50's connect_handler.go now wraps `errors.New(st.Message())` where it passed `err`.
    const calls = what === '' && CALLING.test(label) ? callsMade(change.calledAdded ?? [], change.calledRemoved ?? []) : '';
    // Nor a call: one piece of text put in or taken out (lucide 74c46711c7's link query).
    const inserted = what === '' && calls === '' ? (describeInsertion(edit) ?? describeLineEdit(edit)) : null;
    return `In ${file}, what does the change to ${quoted(sites)}${inserted === null ? '' : ` (${inserted})`} do differently now${what === '' ? '' : `, ${what}`}${calls}?`;
  }
  const acts = change.sqlActs ?? [];
  if (acts.length > 0) {
    const said = acts.length <= 3 ? acts : [...acts.slice(0, 2), `${acts.length - 2} more`];
    return `In ${file}, the change ${said.slice(0, -1).join(', ')}${said.length > 1 ? ' and ' : ''}${said.at(-1)!}: what reads or writes ${acts.length > 1 ? 'them' : 'it'}, and what does running it do to the data already there?`;
  }
  const [conditions, lost] = [change.sqlConditions ?? [], change.sqlConditionsGone ?? []];
  if (conditions.length + lost.length > 0) {
    const isEdit = conditions.length === 1 && lost.length === 1;
    const many = !isEdit && conditions.length + lost.length > 1;
    const what = isEdit
      ? `changes the condition ${quoted(lost)} to ${quoted(conditions)}`
      : [
          conditions.length > 0 ? `adds the condition${conditions.length > 1 ? 's' : ''} ${quoted(conditions)}` : '',
          lost.length > 0 ? `removes the condition${lost.length > 1 ? 's' : ''} ${quoted(lost)}` : '',
        ]
          .filter((p) => p !== '')
          .join(' and ');
    return `In ${file}, the change ${what}: which queries read ${many ? 'them' : 'it'}, and which rows ${many ? 'do they' : 'does it'} now leave out or let in?`;
  }
  const rules = change.addedRules ?? [];
  const gone = change.removedRules ?? [];
  if (sites.length === 0 && rules.length > 0 && gone.length > 0)
    return `In ${file}, the change adds the rule${rules.length > 1 ? 's' : ''} ${quoted(rules)} and removes ${quoted(gone)}: what changes on screen, and which markup is styled differently?`;
  if (sites.length === 0 && rules.length > 0)
    return `In ${file}, the change adds the rule${rules.length > 1 ? 's' : ''} ${quoted(rules)}: what ${rules.length > 1 ? 'do they' : 'does it'} change on screen, and which markup uses ${rules.length > 1 ? 'them' : 'it'}?`;
  // shiki 9e0e89c80f drops `.v-popper--theme-twoslash.v-popper__popper { content-visibility: auto }`.
  if (sites.length === 0 && gone.length > 0)
    return `In ${file}, the change removes the rule${gone.length > 1 ? 's' : ''} ${quoted(gone)}: what did ${gone.length > 1 ? 'they' : 'it'} do on screen, and what shows differently without ${gone.length > 1 ? 'them' : 'it'}?`;
  if (added.length > 0 && removed.length > 0)
    return `In ${file}, the change adds ${quoted(added)} and removes ${quoted(removed)}: what does the new code do that the old did not?`;
  if (added.length > 0) {
    const [does, it] = added.length === 1 ? ['does it', 'it'] : ['do they', 'them'];
    return `In ${file}, the change adds ${quoted(added)}, which no other file imports: what ${does} do, and what runs ${it}?`;
  }
  if (removed.length > 0) return `In ${file}, the change removes ${quoted(removed)}: what did it do, and what does that now?`;
  return callsQuestion(file, change.calledAdded ?? [], change.calledRemoved ?? []);
}

/** Files whose calls the call reader reads as written: `name(` is a call there. */
const CALLING = /\.(?:[cm]?[jt]sx?|vue|svelte|astro|go|py)$/;

/** " (it adds calls of `box` and `red`)"; empty when it neither adds nor removes a call, or starts
 * or stops too many to name (a rewrite: pnpm f28e6ccffc's ten). */
function callsMade(added: readonly string[], removed: readonly string[]): string {
  if (added.length > 3 || removed.length > 3) return '';
  const calls = (verb: string, names: readonly string[]) =>
    names.length === 0 ? '' : `${verb} ${names.length === 1 ? 'a call of' : 'calls of'} ${quoted(names)}`;
  const said = [calls('adds', added), calls('removes', removed)].filter((p) => p !== '');
  return said.length === 0 ? '' : ` (it ${said.join(' and ')})`;
}

/** "the change removes the calls of `loadExternalIsValidProp` and `require`"; null when the lines
 * call nothing new or start and stop too many calls to name (a rewrite). */
function callsQuestion(file: string, added: readonly string[], removed: readonly string[]): string | null {
  if (added.length + removed.length === 0 || added.length > 3 || removed.length > 3) return null;
  const calls = (names: readonly string[]) => `${names.length === 1 ? 'a call of' : 'calls of'} ${quoted(names)}`;
  if (added.length > 0 && removed.length > 0)
    return `In ${file}, the change adds ${calls(added)} and removes ${calls(removed)}: what does the new code do that the old did not?`;
  const [does, did] = (added.length || removed.length) === 1 ? ['does it', 'did it'] : ['do they', 'did they'];
  if (added.length > 0) return `In ${file}, the change adds ${calls(added)}: what ${does} do there, and when?`;
  return `In ${file}, the change removes ${calls(removed)}: what ${did} do, and what does that now?`;
}

/** " (`handleKeydown` added, now calls `onMounted`)": what a component file's edit (listEdits' text)
 * declares and calls anew, for its default export, which is the whole file and names no piece
 * (agenda 71cd27dbe0's three dialogs, each asked "changed its implementation" and nothing more). */
export function describeComponentEdit(edit: string): string {
  const lines = (mark: '-' | '+') => sideLines(edit, mark);
  const [declared, dropped] = [declaredIn(lines('+')), declaredIn(lines('-'))];
  const code = (mark: '-' | '+') => lines(mark).filter((line) => !isProseLine(line));
  const [calls, callsGone] = [calledIn(code('+')), calledIn(code('-'))];
  const names = (list: readonly string[]) =>
    listNames(
      list.map((n) => `\`${n}\``),
      3,
    );
  const said = [
    [declared.filter((n) => !dropped.includes(n)), (n: string) => `${n} added`],
    [dropped.filter((n) => !declared.includes(n)), (n: string) => `${n} removed`],
    [calls.filter((n) => !callsGone.includes(n) && !declared.includes(n)), (n: string) => `now calls ${n}`],
    [callsGone.filter((n) => !calls.includes(n) && !dropped.includes(n)), (n: string) => `no longer calls ${n}`],
  ] as const;
  // Past three calls a side the lines are a rewrite: the calls are not named (as callsMade).
  const parts = said.flatMap(([list, say], i) => (list.length === 0 || (i >= 2 && list.length > 3) ? [] : [say(names(list))]));
  return parts.length === 0
    ? describeRepeatedEdit(edit) || describeLinesAlone(edit) || describeMarkupEdit(edit) || describeLocalsEdit(edit)
    : ` (${parts.join(', ')})`;
}

/** Characters of a line quoted whole, at most. */
const MAX_LINE = 60;

/** " (`target="_blank"` and `rel="noreferrer"` taken out)": an edit that only takes out (or only
 * adds) up to three short lines, quoted (karakeep a416d043e6's Hero.astro drops two attributes of
 * a link; the component was asked "changed its implementation" and nothing more); else empty. */
function describeLinesAlone(edit: string): string {
  const changed = edit.split('\n').filter((line) => /^[-+]/.test(line));
  const sides = new Set(changed.map((line) => line[0]));
  const texts = [...new Set(changed.map((line) => line.slice(1).trim()).filter((text) => text !== ''))];
  if (sides.size !== 1 || texts.length === 0 || texts.length > 3) return '';
  if (texts.some((text) => text.length > MAX_LINE || text.includes('`'))) return '';
  return ` (${listNames(
    texts.map((text) => `\`${text}\``),
    3,
  )} ${sides.has('+') ? 'added' : 'taken out'})`;
}
