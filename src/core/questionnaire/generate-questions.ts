import type { FileChange } from '../change/staged-change.js';
import type { ChangedSymbol, ImpactReport } from '../impact/impact-report.js';
import type { ProvenanceKind } from '../provenance/detect-provenance.js';
import { isTestPath } from '../change/test-path.js';
import { groupChangeUnits, type ChangeUnit } from './change-units.js';
import { buildImpactQuestion, buildSharedImpactQuestion } from './impact-question.js';
import { describeChange, ownEditOf } from './describe-change.js';
import { CHANGE_WORDS, changedExports } from './changed-exports.js';
import { editSite, findPatterns, groupCarried, groupSameEdit, patternQuestion } from './pattern-questions.js';
import type { Question } from './question.js';
import { shownName } from '../impact/shown-name.js';
import type { ChangedMembers } from './changed-members.js';
import { dataQuestion, strayFileQuestion } from './data-keys.js';
import { listAddedHeadings } from './doc-headings.js';
import { testsQuestion } from './tests-question.js';
import { scriptQuestion } from './script-imports.js';
import { privateChangeQuestion, type PrivateChange } from './private-changes.js';
import { describeReplacement, describeWordSwap } from './replaced-words.js';
import { listNames } from '../text/list-names.js';
import type { MemberReads } from './member-reads.js';
import { deprecationQuestion, type DeprecationChange } from './deprecations.js';
import { binaryQuestion } from './binary-files.js';
import { reExportQuestion } from './re-exports.js';
import { importQuestion } from './import-edits.js';
import { addedQuestion, behaviourQuestion, isNewFile, isNewModule } from './export-questions.js';

// The questionnaire for one change, generated from its analysis: provenance when the machine
// could not tell, the intent, what each coherent piece does, why the users of each changed
// export keep working, how it was checked, and for high risk how it would be undone.

export interface QuestionnaireInput {
  readonly files: readonly FileChange[];
  readonly provenance: ProvenanceKind;
  readonly impact?: ImpactReport;
  /** Titles of the tests the change adds, by file (added-test-names.ts). */
  readonly testNames?: ReadonlyMap<string, readonly string[]>;
  /** Titles of the existing tests whose bodies the change edits, by file (from hunk headings). */
  readonly editedTestNames?: ReadonlyMap<string, readonly string[]>;
  /** The named pieces of each changed declaration that the change touches (changed-members.ts). */
  readonly members?: ChangedMembers;
  /** The users that read a member the change altered (member-reads.ts). */
  readonly memberReads?: MemberReads;
  /** Each changed file's edit as text (same-edit.ts): equal texts are one edit. */
  readonly edits?: ReadonlyMap<string, string>;
  /** Each file's hunk headings (listHunkSites): whose edit a file's hunks are. */
  readonly hunkSites?: ReadonlyMap<string, readonly string[]>;
  /** What each file's hunks sit in, and the private functions they add or remove (private-changes.ts). */
  readonly privateChanges?: ReadonlyMap<string, PrivateChange>;
  /** The exports each file deprecates or no longer deprecates (deprecations.ts). */
  readonly deprecations?: ReadonlyMap<string, DeprecationChange>;
}

const SOURCE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|rb|cs|swift|php|c|cc|cpp|h)$/;
const ASKED_CHANGES = new Set<ChangedSymbol['change']>(['removed', 'renamed', 'shape-changed', 'unknown', 'body-changed']);
const BREAKING = new Set<ChangedSymbol['change']>(['removed', 'renamed', 'shape-changed', 'unknown']);
const MAX_IMPACT_QUESTIONS = 4;
/** Exports whose shape changed are all asked about, up to this many, whatever else is. */
const MAX_BREAKING_QUESTIONS = 6;
type TestNames = ReadonlyMap<string, readonly string[]>;

/** "docs/pitfalls.mdx adds the section "Shader material uniforms": what should its readers now know …?" */
function docsQuestion(unit: ChangeUnit, edits: ReadonlyMap<string, string>): string {
  for (const file of unit.files.filter((f) => /\.mdx?$/.test(f.path))) {
    const headings = listAddedHeadings(edits.get(file.path) ?? '').map((h) => `"${h}"`);
    if (headings.length > 0)
      return `${file.path} adds the section${headings.length > 1 ? 's' : ''} ${listNames(headings, 3)}: what should its readers now know that they did not?`;
  }
  // One word swapped for another across the pages (growthbook ccb79b9526: "business" → "organization").
  const docs = unit.files.filter((f) => /\.mdx?$/.test(f.path));
  const swapped = describeWordSwap(docs.map((f) => edits.get(f.path) ?? ''));
  if (swapped !== null) {
    const shown = docs.slice(0, 2).map((f) => f.path);
    const where = docs.length > 2 ? `${shown.join(', ')} and ${docs.length - 2} more` : shown.join(' and ');
    return `In ${where}, ${swapped.replace(' → ', ' becomes ')}: what should their readers take differently?`;
  }
  return `What should readers of ${names(unit, 2)} now know that they did not?`;
}

const names = (unit: ChangeUnit, max = 4) =>
  `${unit.files
    .slice(0, max)
    .map((f) => f.path)
    .join(', ')}${unit.files.length > max ? ', …' : ''}`;

/** The "what does it do" question of a piece, or null when the piece needs none. */
/** "What does the change to X (`new` → `enter`) do differently now?": a one-file piece whose every
 * changed line makes one small replacement (motion 1946162db's playwright page). */
function replacementQuestion(unit: ChangeUnit, rest: string, edits: ReadonlyMap<string, string>): string | null {
  const replaced = unit.files.length === 1 ? describeReplacement(edits.get(unit.label)) : null;
  return replaced === null ? null : `What does the change to ${unit.label}${rest} (${replaced}) do differently now?`;
}

/** Test files outside the piece that use its changed exports, each with the export it reads. */
const testReaders = (changed: readonly ChangedSymbol[], paths: ReadonlySet<string>) =>
  changed.flatMap((s) =>
    [...s.valueUsers, ...s.typeUsers].filter((u) => !paths.has(u.path) && isTestPath(u.path)).map((u) => [u.path, shownName(s)] as const),
  );

function unitQuestion(
  unit: ChangeUnit,
  units: readonly ChangeUnit[],
  symbols: readonly ChangedSymbol[],
  testNames: ReadonlyMap<string, readonly string[]>,
  edited: TestNames = new Map(),
  configNotes: readonly string[] = [],
  members?: ChangedMembers,
  memberReads?: MemberReads,
  edits: ReadonlyMap<string, string> = new Map(),
  privateChanges?: ReadonlyMap<string, PrivateChange>,
  deprecations?: ReadonlyMap<string, DeprecationChange>,
  hunkSites?: ReadonlyMap<string, readonly string[]>,
): Question | null {
  const others = unit.files.filter((f) => f.path !== unit.label);
  const key = unit.files.map((f) => `${f.path}:${f.newBlob}`).join(',');
  const base = {
    kind: 'text' as const,
    contentKey: key,
    context: unit.files.slice(0, 10).map((f) => `  ${f.path}  +${f.added} -${f.removed}`),
  };
  const hasSource = units.some((u) => u.kind === 'source');
  const withOthers = others.length === 0 ? '' : ` (with ${others.length === 1 ? others[0]!.path : `${others.length} related files`})`;
  switch (unit.kind) {
    case 'docs':
      // A changeset or a doc beside code is covered by the intent; only larger prose is asked.
      if (unit.files.every((f) => f.path.startsWith('.changeset/')) || (hasSource && unit.added + unit.removed < 20)) return null;
      return { ...base, id: `docs:${unit.label}`, message: docsQuestion(unit, edits) };
    case 'config': {
      // What the risk found in it, by name: "dependencies `srvx` ^0.2.8 → ^0.4.0".
      const found = unit.files.flatMap((f) =>
        configNotes.filter((n) => n.startsWith(`${f.path}: `)).map((n) => n.slice(f.path.length + 2)),
      );
      // Once each (five tsconfigs moving `lib` the same way), two at most.
      const distinct = [...new Set(found.map((n) => n.replace(/ changed$/, '')))];
      // Nothing that changes how it builds or runs (a package's `version`): the keys it changes.
      const data = distinct.length === 0 ? dataQuestion(unit.label, withOthers, edits.get(unit.label) ?? '') : null;
      if (data !== null) return { ...base, id: `config:${unit.label}`, message: data };
      const more = distinct.length > 2 ? `; and ${distinct.length - 2} more` : '';
      const what = distinct.length > 0 ? ` (${distinct.slice(0, 2).join('; ')}${more})` : '';
      // Config inside a test folder is the tests' (ts-node's fixture project tests/2076/tsconfig.json,
      // read by a regression test): asked about the tests it sets up, not how the project builds.
      const onlyTests = unit.files.every((f) => isTestPath(f.path));
      return {
        ...base,
        id: `config:${unit.label}`,
        message: onlyTests
          ? `What does the change to ${names(unit, 2)}${what} set up for the tests, and which tests read it?`
          : `What does the change to ${names(unit, 2)}${what} change in how the project builds, runs or is checked?`,
      };
    }
    case 'generated':
      return units.length === 1
        ? { ...base, id: `generated:${unit.label}`, message: `What regenerated ${names(unit, 2)}, and from which change?` }
        : null;
    case 'source': {
      const paths = new Set(unit.files.map((f) => f.path));
      const changed = changedExports(paths, symbols, unit.label);
      const exports = changed.map((s) => `\`${shownName(s)}\` (${s.change})`);
      const added = [...new Set(symbols.filter((s) => paths.has(s.path) && s.change === 'added').map((s) => `\`${shownName(s)}\``))];
      const onlyTests = unit.files.every((f) => isTestPath(f.path));
      return {
        ...base,
        id: `unit:${unit.label}`,
        message: onlyTests
          ? testsQuestion(unit, withOthers, testNames, edited, edits, testReaders(changed, paths))
          : isNewModule(unit, symbols)
            ? addedQuestion(unit, symbols, withOthers)!
            : changed[0] !== undefined
              ? behaviourQuestion(
                  changed[0],
                  paths,
                  // The piece's own file is named too: pinia's new payload-plugin.ts beside module.ts.
                  changed[0].path === unit.label ? `${unit.label}${withOthers}` : `${changed[0].path} (with ${unit.label})`,
                  members,
                  memberReads?.get(`${changed[0].path}#${changed[0].name}`),
                  added,
                  edits.get(changed[0].path),
                  ownEditOf(changed[0], hunkSites, edits),
                )
              : (addedQuestion(unit, symbols, withOthers) ??
                deprecationQuestion(unit.label, withOthers, deprecations?.get(unit.label)) ??
                dataQuestion(unit.label, withOthers, edits.get(unit.label) ?? '', isNewFile(unit)) ??
                strayFileQuestion(
                  unit.label,
                  withOthers,
                  edits.get(unit.label) ?? '',
                  unit.files.length === 1 && unit.files[0]!.status === 'added',
                ) ??
                scriptQuestion(unit, withOthers, edits) ??
                privateChangeQuestion(unit.label, withOthers, privateChanges?.get(unit.label), edits.get(unit.label)) ??
                importQuestion(unit, withOthers, edits) ??
                (unit.files.length === 1 ? reExportQuestion(`${unit.label}${withOthers}`, edits.get(unit.label)) : null) ??
                replacementQuestion(unit, withOthers, edits) ??
                `What does the change to ${unit.label}${withOthers} do?`),
        context: [
          ...base.context,
          ...(exports.length > 0 ? [`  changed exports: ${exports.slice(0, 6).join(', ')}`] : []),
          ...(added.length > 0 ? [`  new exports: ${added.slice(0, 6).join(', ')}`] : []),
        ],
      };
    }
  }
}

/** A unit question that names nothing of the change: the file, or an export that "changed its
 * implementation" and no more. */
const isUntold = (message: string, label: string) =>
  message === `What does the change to ${label} do?` ||
  /changed its implementation: what does it do differently now/.test(message) ||
  // Where the hunks sit and nothing of what they do (git's heading of a SQL hunk: `WHERE`).
  /^In [^,]+, what does the change to `[^`]+`(?: and `[^`]+`)? do differently now\?$/.test(message);

export function generateQuestions(input: QuestionnaireInput): Question[] {
  const questions: Question[] = [];
  const counted = input.files.filter((f) => f.excluded === null);
  const allBlobs = counted.map((f) => f.newBlob).join(',');
  if (input.provenance === 'unknown') {
    questions.push({
      id: 'provenance',
      kind: 'choice',
      message: 'Who wrote this change?',
      context: [],
      choices: [
        { value: 'written', label: 'I wrote it' },
        { value: 'ai-assisted', label: 'AI-assisted: I edited what an AI tool wrote' },
        { value: 'ai-generated', label: 'AI-generated: mostly accepted as it was' },
      ],
      contentKey: 'provenance',
    });
  }
  const units = groupChangeUnits(input.files, input.impact, input.edits);
  const symbols = input.impact?.changedSymbols ?? [];
  // A file whose edit is comments only is in no piece: a deprecation is still its users' news.
  const inUnits = new Set(units.flatMap((u) => u.files.map((f) => f.path)));
  const deprecating = counted.filter((f) => !inUnits.has(f.path) && input.deprecations?.has(f.path) === true);
  const single = units.length === 1 && units[0]!.files.length === 1 && deprecating.length === 0 ? units[0]!.label : null;
  // A one-file change is asked about once, naming the file.
  questions.push({
    id: 'intent',
    kind: 'text',
    message: single
      ? `What problem does the change to ${single} solve, and why this way?`
      : 'What problem does this change solve, and why this way?',
    context: [],
    contentKey: allBlobs,
  });
  if (single === null) {
    // The same edit in several places (one pattern in five adapters) is one question, not five.
    const patternOf = findPatterns(units, symbols, input.edits);
    const asked = new Set<string>();
    const configNotes = (input.impact?.risk.reasons ?? []).filter((r) => r.code === 'config-changed').map((r) => r.message);
    for (const unit of units) {
      // Binary files are asked about together, below.
      if (unit.files.every((f) => f.binary)) continue;
      const { key, same } = patternOf(unit);
      if (key !== null && same.length > 1) {
        if (!asked.has(key)) questions.push(patternQuestion(same, symbols, key.startsWith('edit\0'), input.members, input.edits));
        asked.add(key);
        continue;
      }
      const question = unitQuestion(
        unit,
        units,
        symbols,
        input.testNames ?? new Map(),
        input.editedTestNames,
        configNotes,
        input.members,
        input.memberReads,
        input.edits,
        input.privateChanges,
        input.deprecations,
        input.hunkSites,
      );
      if (question) questions.push(question);
    }
  }
  // A one-file change whose exports no question below asks about (a page a router loads by path,
  // a script, an API route) is still asked what it does, where the question can name what changed:
  // hatchet b7fbd79a05's `Integrations` page gains `hasExistingManagedWorkers` in two conditions
  // and was asked only its intent. The generic "What does the change to X do?" adds nothing to it.
  // A binary file has no lines: whether it is new, replaced or removed, and where it is shown.
  const binary = binaryQuestion(counted, input.edits ?? new Map());
  if (binary !== null) {
    const first = counted.find((f) => f.binary)!;
    questions.push({ id: `unit:${first.path}`, kind: 'text', message: binary, context: [], contentKey: first.newBlob });
  }
  if (single !== null && binary === null) {
    const unit = units[0]!;
    const isAsked = (s: ChangedSymbol) =>
      s.path === unit.label && ASKED_CHANGES.has(s.change) && (s.valueUsers.length + s.typeUsers.length > 0 || s.publicApi);
    const question = symbols.some(isAsked)
      ? null
      : unitQuestion(
          unit,
          units,
          symbols,
          input.testNames ?? new Map(),
          input.editedTestNames,
          [],
          input.members,
          input.memberReads,
          input.edits,
          input.privateChanges,
          input.deprecations,
          input.hunkSites,
        );
    if (question !== null && unit.kind === 'source' && !isUntold(question.message, unit.label)) questions.push(question);
  }
  for (const file of deprecating) {
    const message = deprecationQuestion(file.path, '', input.deprecations?.get(file.path))!;
    questions.push({ id: `unit:${file.path}`, kind: 'text', message, context: [], contentKey: file.newBlob });
  }
  const changedPaths = new Set(counted.map((f) => f.path));
  const asked = symbols.filter((s) => ASKED_CHANGES.has(s.change) && (s.valueUsers.length + s.typeUsers.length > 0 || s.publicApi));
  // Users of a reshaped or removed export break first: those come before any body change. Then
  // the files beyond (umami 9d477b25b's `checkAuth`, 1 user and 94 further, was never asked).
  const weight = (s: ChangedSymbol) => [Number(BREAKING.has(s.change)), s.valueUsers.length, s.transitive.count, s.typeUsers.length];
  asked.sort((a, b) => weight(b).reduce((order, n, i) => order || n - weight(a)[i]!, 0));
  // A barrel re-exporting `startSpan` reports it again: one question per name, the most used.
  const once = asked.filter((s, i) => asked.findIndex((t) => t.name === s.name) === i);
  const { heads, carried } = groupCarried(once);
  const breaking = Math.min(MAX_BREAKING_QUESTIONS, heads.filter((s) => BREAKING.has(s.change)).length);
  // A piece's question already told what changed in the export's body (heroui 6ac18d1312's
  // `VideoPlayer`, "(`<div className>` now uses …)" in both): its users' question says so, and does
  // not tell it again.
  const told = questions.filter((q) => q.id.startsWith('unit:')).map((q) => q.message);
  const withoutRetold = (question: Question, symbol: ChangedSymbol): Question => {
    const detail = describeChange(symbol, input.members, input.edits?.get(symbol.path), ownEditOf(symbol, input.hunkSites, input.edits));
    const subject = `\`${shownName(symbol)}\`${symbol.isDefault ? ' (default export)' : ''}`;
    // A new shape is what its users' question is about: told there too (a reshaped export's users break first).
    const isTold =
      symbol.change === 'body-changed' &&
      detail.length > 8 &&
      told.some((m) => m.includes(`${subject} ${CHANGE_WORDS[symbol.change]}${detail}`));
    return isTold ? { ...question, message: question.message.replace(detail, ' (as told above)') } : question;
  };
  questions.push(
    ...groupSameEdit(heads, input.edits)
      .slice(0, Math.max(MAX_IMPACT_QUESTIONS, breaking))
      .map((same) =>
        same.length === 1
          ? withoutRetold(
              buildImpactQuestion(
                same[0]!,
                changedPaths,
                input.members,
                carried.get(same[0]!),
                input.edits,
                ownEditOf(same[0]!, input.hunkSites, input.edits),
              ),
              same[0]!,
            )
          : buildSharedImpactQuestion(
              same,
              changedPaths,
              editSite([...new Set(same.map((s) => s.path))], symbols, input.members, input.edits),
            ),
      ),
  );
  questions.push({ id: 'verification', kind: 'text', message: 'How did you check that it works?', context: [], contentKey: allBlobs });
  const sourceChanged = counted.some((f) => SOURCE.test(f.path) && !isTestPath(f.path));
  if (sourceChanged && !counted.some((f) => isTestPath(f.path))) {
    questions.push({
      id: 'no-test',
      kind: 'text',
      message: 'Source changed and no test did: why is no test needed?',
      context: [],
      contentKey: allBlobs,
    });
  }
  if (input.impact?.risk.level === 'high') {
    questions.push({
      id: 'rollback',
      kind: 'text',
      message: 'This change is high risk: how would you notice if it is wrong, and how would you roll it back?',
      context: input.impact.risk.reasons.map((r) => `  - ${r.message}`),
      contentKey: allBlobs,
    });
  }
  return questions;
}
