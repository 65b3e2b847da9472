import type { Hunk } from '../split/split-plan.js';
import type { Question } from './question.js';
import { maskDefaults } from '../impact/mask-defaults.js';
import { findDefaultFacts } from './quiz-defaults.js';
import { findShownTitles, findTestFacts } from './quiz-tests.js';
import { isShortQuiz, NONE_OF_THESE, widenQuiz } from './widen-quiz.js';
import { orderAlike } from './alike-lines.js';
import { findDeclaredFacts, orderByCase } from './quiz-declared.js';
import { besideMessage, findBesideFacts, listBesideFacts } from './quiz-beside.js';
import { deletedMessage, findDeletedFacts } from './quiz-deleted.js';
import type { Neighbour } from './quiz-neighbours.js';
import { random, shuffle } from './quiz-random.js';
import { listReflowed } from './reflowed-lines.js';

// The comprehension check: questions whose answers are facts of the staged patch, which a reader
// of the diff knows and nothing the review prints gives away (the report, the impact questions
// and --json name files, symbols and users, never the patch's lines). "Which of these lines does
// the change add to X": the right answer an added line that was nowhere in the old file; the
// wrong ones the lines it replaced (the old beside the new) and unchanged lines around it, all
// of the same file, so no file name tells them apart. "Which does it remove" is the mirror.
// Every choice is checked against both sides of the file; a question that cannot be is not asked.
// The ids name neither a line nor a file position: a script cannot read the key off them.

export type QuizKind = 'added' | 'removed' | 'default' | 'test' | 'declared' | 'beside';

export interface QuizQuestion {
  readonly question: Question;
  /** The right choice's value; never shown, never printed, never in --json. */
  readonly answer: string;
  readonly kind: QuizKind;
  /** The chance that a random pick is right (1 / number of choices). */
  readonly chance: number;
}

/** A changed source file as the quiz reads it: its zero-context hunks and both sides. */
export interface QuizFile {
  readonly path: string;
  readonly hunks: readonly Hunk[];
  readonly oldText: string;
  readonly newText: string;
  /** For a file deleted whole or a short one: files beside it (same folder and kind, not changed). */
  readonly neighbours?: readonly Neighbour[];
}

export interface QuizInput {
  readonly files: readonly QuizFile[];
  /** Stable for one staged content (see quizSeed): the same change, the same quiz. */
  readonly seed: number;
  /** 1 for the first attempt; a retry after a failure gets other questions. */
  readonly attempt: number;
  /** Text the review prints elsewhere (the changed exports' old and new shapes): a line found
   * in it is neither asked about nor offered, since the report would tell which side it is on. */
  readonly printed?: readonly string[];
  /** Phrases the questions before the quiz print (a test's title): a line holding one is not used. */
  readonly printedPhrases?: readonly string[];
  /** Names the questions before the quiz print as added or removed: a line holding one as a word
   * is on one side only, and is not used. */
  readonly printedNames?: readonly string[];
}

const MAX_CHOICES = 5;
const MIN_CHOICES = 4;
const MAX_QUESTIONS = 6;
const MAX_SHOWN = 110;

const normalise = (line: string) => line.trim().replace(/\s+/g, ' ');
const shown = (line: string) => {
  const text = normalise(line);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
};
/** An import says which names a file reads, not what the change does (got's test/abort.ts gains
 * `import Request from '../source/core/index.js';`): never a choice. */
const IMPORT_LINE = /^(?:import\s|export\s.*\bfrom\s*['"]|\}\s*from\s*['"])/;
/** A normalised line a reader can recognise: some code, not a brace, a lone keyword, a blank or an import. */
const isTellingText = (text: string) =>
  text.length >= 8 && (text.match(/[A-Za-z_$][\w$]*/g) ?? []).length >= 2 && !/^(?:\/\/|\/\*|\*)\s*$/.test(text) && !IMPORT_LINE.test(text);

/** A stable number for a string (FNV-1a), e.g. the staged blobs of the change. */
export function quizSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

interface Candidate {
  readonly kind: QuizKind;
  readonly path: string;
  readonly heading: string;
  readonly answer: string;
  readonly distractors: readonly string[];
  /** The question as asked, when it is not "which line" (a default's). */
  readonly message?: string;
  /** A side of a hunk with nothing to ask: "none of these" is right (see widenQuiz). */
  readonly isNone?: boolean;
}

/** A line without the punctuation that ends it: two lines of one core differ in nothing a reader tells. */
const coreOf = (line: string) => normalise(line).replace(/[\s{([,;]+$/, '');

function candidatesOf(
  file: QuizFile,
  next: () => number,
  printed: readonly string[],
  phrases: readonly string[],
  names: RegExp | null,
): Candidate[] {
  // Each line is normalised and judged once: both sides repeat most lines, and the hunks and
  // their counterparts ask again about the same ones (a warm review's quiz was ~3% of its CPU).
  const normalised = new Map<string, string>();
  const norm = (line: string) => {
    let text = normalised.get(line);
    if (text === undefined) normalised.set(line, (text = normalise(line)));
    return text;
  };
  const core = (line: string) => norm(line).replace(/[\s{([,;]+$/, '');
  // A signature line is printed without its `{`: compare what is left of it.
  const askable = new Map<string, boolean>();
  const isAskable = (line: string) => {
    let is = askable.get(line);
    if (is === undefined) {
      const text = norm(line);
      is =
        isTellingText(text) &&
        // The shapes print defaults masked; the questions quote lines as written (a new branch).
        !printed.some((p) => p.includes(maskDefaults(text).replace(/[\s{(,;]+$/, '')) || p.includes(text.replace(/[\s{(,;]+$/, ''))) &&
        // Compared as printed too: a doc line's columns aligned anew (doc-comments.ts quotes it flat).
        !phrases.some((p) => line.includes(p) || text.includes(p)) &&
        !(names?.test(line) ?? false);
      askable.set(line, is);
    }
    return is;
  };
  const oldSide = file.oldText.split('\n');
  const newSide = file.newText.split('\n');
  const oldLines = new Set(oldSide.map(norm));
  const newLines = new Set(newSide.map(norm));
  const oldCores = new Set(oldSide.map(core));
  const newCores = new Set(newSide.map(core));
  const added = new Set(file.hunks.flatMap((h) => h.added.map(norm)));
  const removed = new Set(file.hunks.flatMap((h) => h.removed.map(norm)));
  // Unchanged lines: on both sides, and neither added nor removed anywhere in the file.
  const unchanged = newSide
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => {
      const text = norm(line);
      return isAskable(line) && oldLines.has(text) && !added.has(text) && !removed.has(text);
    });
  const out: Candidate[] = [];
  // git heads a hunk with a line of the old side: one the change removes (ky's `deepMerge`
  // signature) would print a removed line before the question that asks for it.
  const cutHeading = (heading: string) => {
    const text = norm(heading).replace(/…$/, '');
    return text !== '' && [...removed].some((l) => l.startsWith(text) && !newLines.has(l)) ? '' : heading;
  };
  // A line the formatter only re-broke or re-punctuated (mswjs/interceptors b393ded9, where
  // prettier 3 moved `> =` to a line of its own and added trailing commas): no fact of the
  // change, neither asked nor offered.
  const reflowed = new Set(file.hunks.flatMap((hunk) => listReflowed(hunk.removed, hunk.added)));
  for (const hunk of file.hunks) {
    const heading = cutHeading(hunk.heading);
    const near = (at: number) =>
      [...unchanged]
        .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))
        .map((u) => u.line)
        .filter((line) => norm(line) !== norm(hunk.heading));
    // Truly new: nowhere in the old file (a moved line is no fact of the change), nor only its
    // trailing `{` away from an old line (ky's `deepMerge = <T>(…): T => {` become `=> `).
    const fresh = hunk.added.filter((l) => isAskable(l) && !oldLines.has(norm(l)) && !oldCores.has(core(l)) && !reflowed.has(l));
    const gone = hunk.removed.filter((l) => isAskable(l) && !newLines.has(norm(l)) && !newCores.has(core(l)) && !reflowed.has(l));
    // Up to two lines of each side per hunk: a small change still offers enough questions to
    // outweigh luck before it runs out (a quiz that runs out with every pick right passes).
    const pick = (lines: readonly string[]) => shuffle([...new Set(lines)], next).slice(0, 2);
    // The other side of the edit, this hunk's first: at most two, the rest unchanged lines.
    const counterpart = (side: 'added' | 'removed', isOther: (l: string) => boolean) =>
      [...hunk[side], ...file.hunks.filter((h) => h !== hunk).flatMap((h) => h[side])]
        .filter((l) => isAskable(l) && isOther(l) && !reflowed.has(l))
        .slice(0, 2);
    // Wrong choices that look like the right one first (alike-lines.ts).
    const alike = (line: string) => orderAlike(norm(line), near(hunk.newStart), norm);
    for (const newLine of pick(fresh)) {
      const old = counterpart('removed', (l) => !newLines.has(norm(l)));
      out.push({ kind: 'added', path: file.path, heading, answer: newLine, distractors: [...old, ...alike(newLine)] });
    }
    for (const oldLine of pick(gone)) {
      const now = counterpart('added', (l) => !oldLines.has(norm(l)));
      out.push({ kind: 'removed', path: file.path, heading, answer: oldLine, distractors: [...now, ...alike(oldLine)] });
    }
    // One side asks, the other has nothing to ask: "which does it add" is "none of these" here.
    if ((fresh.length === 0) !== (gone.length === 0))
      out.push({
        kind: fresh.length === 0 ? 'added' : 'removed',
        path: file.path,
        heading,
        answer: NONE_OF_THESE,
        distractors: near(hunk.newStart),
        isNone: true,
      });
  }
  return out;
}

function toQuestion(candidate: Candidate, id: string, next: () => number, asked: readonly string[] = []): QuizQuestion | null {
  const answer = shown(candidate.answer);
  const seen = new Set([answer, coreOf(candidate.answer)]);
  const wrong: string[] = [];
  // The old/new counterpart first (at most two), then unchanged lines nearest the hunk.
  for (const line of candidate.distractors) {
    const text = shown(line);
    if (seen.has(text) || seen.has(coreOf(line))) continue;
    seen.add(text);
    seen.add(coreOf(line));
    wrong.push(text);
    if (wrong.length === MAX_CHOICES - 1) break;
  }
  if (wrong.length < MIN_CHOICES - 1) return null;
  const choices = shuffle([answer, ...wrong], next);
  // git cuts a hunk's heading at 80 characters: say so.
  // A heading is a signature line: its defaults are masked, as the report's shapes (a default question asks them).
  const cut = candidate.heading.length >= 80 ? `${normalise(candidate.heading)}…` : shown(candidate.heading);
  const heading = maskDefaults(cut);
  // A heading naming a test the quiz asks about (a renamed test's new title) is left out.
  const where = candidate.heading && !asked.some((a) => candidate.heading.includes(a)) ? ` (near \`${heading}\`)` : '';
  const message =
    candidate.message ??
    (candidate.kind === 'added'
      ? `Which of these lines does this change add to ${candidate.path}${where}?`
      : `Which of these lines does this change remove from ${candidate.path}${where}?`);
  return {
    question: {
      id,
      kind: 'choice',
      isQuiz: true,
      message,
      context: [],
      choices: choices.map((value) => ({ value, label: value })),
      contentKey: id,
    },
    answer,
    kind: candidate.kind,
    chance: 1 / choices.length,
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namesPattern = (names: readonly string[]) =>
  names.length === 0 ? null : new RegExp(`(?<![\\w$])(?:${names.map(escape).join('|')})(?![\\w$])`);

/** The quiz of one attempt: verified questions, the two kinds interleaved, in the seed's order. */
export function buildQuiz(input: QuizInput): QuizQuestion[] {
  const next = random(input.seed ^ Math.imul(input.attempt, 0x9e3779b1));
  const printed = (input.printed ?? []).map(normalise);
  const isShown = (text: string) => printed.some((p) => p.includes(text)) || (input.printedPhrases ?? []).some((p) => p.includes(text));
  const defaults = input.files.flatMap((f) => findDefaultFacts(f, isShown));
  const tests = input.files.flatMap((f) => findTestFacts(f, isShown));
  // A line that states a default or names a test asked about would give it away: no line question uses it.
  const askedTitles = tests.map((t) => t.answer);
  const shownTitles = input.files.flatMap((f) => findShownTitles(f, isShown));
  const phrases = [...(input.printedPhrases ?? []), ...defaults.map((d) => d.phrase), ...askedTitles, ...shownTitles];
  const names = namesPattern(input.printedNames ?? []);
  const lineCandidates = input.files.flatMap((f) => candidatesOf(f, next, printed, phrases, names));
  const candidates = shuffle(
    [
      ...lineCandidates.filter((c) => c.isNone !== true),
      ...defaults.map((d): Candidate => ({
        kind: 'default',
        path: d.path,
        heading: '',
        answer: d.answer,
        distractors: d.distractors,
        message: `After this change, what does \`${d.name}\` default to${d.owner ? ` in \`${d.owner}\`` : ''} (${d.path})?`,
      })),
      ...tests.map((t): Candidate => ({
        kind: 'test',
        path: t.path,
        heading: '',
        answer: t.answer,
        distractors: shuffle(t.distractors, next),
        message: `Which test does this change add to ${t.path}?`,
      })),
    ],
    next,
  );
  // A retry asks about other hunks first: rotate by the attempt.
  const shift = candidates.length === 0 ? 0 : ((input.attempt - 1) * 2) % candidates.length;
  const rotated = [...candidates.slice(shift), ...candidates.slice(0, shift)];
  const byKind = (kind: QuizKind) => rotated.filter((c) => c.kind === kind);
  // The kinds take turns, in the seed's order: a wrong pick finds a question of another kind.
  const kinds = shuffle(['added', 'removed', 'default', 'test'] as const, next).map(byKind);
  const ordered: Candidate[] = [];
  for (let i = 0; i < Math.max(...kinds.map((k) => k.length)); i++) ordered.push(...kinds.map((k) => k[i]).filter((c) => c !== undefined));
  // And starts one question further along: two attempts never open alike by chance.
  const turn = ordered.length === 0 ? 0 : (input.attempt - 1) % ordered.length;
  ordered.push(...ordered.splice(0, turn));
  const quiz: QuizQuestion[] = [];
  const sources: Candidate[] = [];
  // The same line removed in two hunks (trpc's streaming.test.ts) is one fact: asked once.
  const asked = new Set<string>();
  for (const candidate of ordered) {
    const fact = `${candidate.kind}:${candidate.path}:${normalise(candidate.answer)}`;
    if (asked.has(fact)) continue;
    asked.add(fact);
    const question = toQuestion(candidate, `quiz:${input.attempt}:${quiz.length + 1}`, next, askedTitles);
    if (question) {
      quiz.push(question);
      sources.push(candidate);
    }
    if (quiz.length === MAX_QUESTIONS) break;
  }
  if (!isShortQuiz(quiz)) return quiz;
  // Lines ran out before the bar (a new file offers no unchanged line beside its own): the names
  // the change declares are asked next, one question a name, a retry starting further along.
  const printedWords = [...printed, ...phrases].join('\n');
  const isNameShown = (name: string) =>
    new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`).test(printedWords) || (names?.test(name) ?? false);
  const declared = input.files.flatMap((f) => findDeclaredFacts(f, isNameShown));
  // A wrong name offered twice would be known wrong the second time: each is offered once.
  const offered = new Set<string>();
  for (const fact of turnedBy(declared, input.attempt)) {
    if (!isShortQuiz(quiz) || quiz.length === MAX_QUESTIONS) break;
    const isNew = input.files.some((f) => f.path === fact.path && f.oldText === '');
    const candidate: Candidate = {
      kind: 'declared',
      path: fact.path,
      heading: '',
      answer: fact.answer,
      distractors: orderByCase(
        fact.answer,
        shuffle(
          fact.distractors.filter((n) => !offered.has(n)),
          next,
        ),
      ),
      message: `Which of these names does this change declare in ${fact.path} (the others it ${isNew ? 'imports' : 'imports or declared before'})?`,
    };
    const question = toQuestion(candidate, `quiz:${input.attempt}:${quiz.length + 1}`, next);
    if (question === null) continue;
    quiz.push(question);
    for (const c of question.question.choices!) offered.add(c.value);
  }
  if (!isShortQuiz(quiz)) return quiz;
  // The empty side of a hunk a question asks about (same file, same heading, the other kind).
  const sides = lineCandidates.flatMap((c) => {
    const pairedWith = sources.findIndex((s) => c.isNone === true && s.path === c.path && s.heading === c.heading && s.kind !== c.kind);
    return pairedWith < 0 ? [] : [{ pairedWith, lines: c.distractors.map(shown) }];
  });
  const widened = widenQuiz(quiz, sides, input.attempt, random(input.seed ^ Math.imul(input.attempt, 0x85ebca6b)));
  if (!isShortQuiz(widened)) return widened;
  // Still short (every changed line printed above, nothing declared): where the change is. Lines
  // holding a name the questions print as changed come last (13b5e10744's one neighbour worth
  // asking was `if (optionalColumns.length > 0) {`): the name hints, the line is not printed.
  const isUsable = (withNames: boolean) => (line: string) => {
    const text = normalise(line);
    return (
      isTellingText(text) &&
      !printed.some((p) => p.includes(text)) &&
      !phrases.some((p) => line.includes(p) || text.includes(p)) &&
      (withNames || !(names?.test(line) ?? false))
    );
  };
  const besideAsked = new Set<string>();
  for (const withNames of [false, true]) {
    const facts = listBesideFacts(shuffle(input.files, next), input.attempt, (f) => findBesideFacts(f, isUsable(withNames), normalise));
    for (const fact of facts) {
      if (!isShortQuiz(widened) || widened.length === MAX_QUESTIONS) return widened;
      if (besideAsked.has(normalise(fact.answer))) continue;
      if (askFact(widened, 'beside', fact, besideMessage(fact.path, fact.withNeighbours))) besideAsked.add(normalise(fact.answer));
    }
  }
  // Still short: a file deleted (or added) whole is asked by the lines it held (webstudio ee374471ef).
  const deleted = shuffle(
    input.files.flatMap((f) => findDeletedFacts(f, isUsable(false), normalise)),
    next,
  );
  for (const fact of turnedBy(deleted, input.attempt)) {
    if (!isShortQuiz(widened) || widened.length === MAX_QUESTIONS) break;
    askFact(widened, fact.kind, fact, deletedMessage(fact.path, fact.kind));
  }
  return widened;

  /** A fact of a late tier (beside an edit, of a deleted file) asked, where its choices hold up. */
  function askFact(into: QuizQuestion[], kind: QuizKind, fact: Pick<Candidate, 'path' | 'answer' | 'distractors'>, message: string) {
    const candidate: Candidate = { kind, path: fact.path, heading: '', answer: fact.answer, distractors: fact.distractors, message };
    const question = toQuestion(candidate, `quiz:${input.attempt}:${into.length + 1}`, next);
    if (question !== null) into.push(question);
    return question !== null;
  }
}

/** A retry starts further along: the items turned by one place an attempt. */
function turnedBy<T>(items: readonly T[], attempt: number): T[] {
  const turn = items.length === 0 ? 0 : (attempt - 1) % items.length;
  return [...items.slice(turn), ...items.slice(0, turn)];
}
