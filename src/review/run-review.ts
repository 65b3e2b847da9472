import { join } from 'node:path';
import type { QuestionnaireResult, ReviewAnalysis, ReviewOutcome } from '../core/contracts/review-outcome.js';
import { UsageError } from '../core/errors.js';
import type { Prompter } from '../core/questionnaire/prompter.js';
import type { FileHunks } from '../core/split/split-plan.js';
import { selfreviewCommand } from '../core/config/package-runner.js';
import { isSetupOnly } from '../core/setup/setup-files.js';
import { hasSavedGraph } from '../adapters/cache/graph-cache-path.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { addStagedImpact, analyseStagedChange } from './analyse-change.js';

// The spine of a review (DESIGN.md "The pipeline"): read the staged change, measure it, gate it,
// and, when it passes, ask and record — one function from options to an outcome. cli/ wires the
// ports (how to print the report, how to reach a terminal) and maps the outcome to an exit code.
// Cheap checks come before the blast radius: a review already recorded for the same content, an
// agent that must not be prompted, and a missing terminal end the review without it.
// What only some paths need (the questionnaire, the answers file reader) loads when they reach
// it: a hook without a terminal stops before, at little more than a node start (docs/speed.md).

export interface ReviewOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly aiFlag: boolean;
  /** Compute the blast radius (off with --no-impact). */
  readonly withImpact: boolean;
  /** 'ask': run the questionnaire; 'report': analyse and list the questions (--dry-run, --json). */
  readonly mode: 'ask' | 'report';
  readonly configPath?: string;
  /** `--override`, or SELFREVIEW_OVERRIDE. */
  readonly override?: string;
  /** `--answers`, or SELFREVIEW_ANSWERS: answer from this file instead of a terminal. */
  readonly answersPath?: string;
  readonly version: string;
  readonly logger: Logger;
  /** The repository, already being opened (cli starts git while this module graph loads). */
  readonly repository?: Promise<GitClient>;
  /** Compare the index with this instead of HEAD (review-commit: the commit's parent). */
  readonly baseRev?: string;
}

export interface ReviewPorts {
  /** Called once with the analysis, before any question is asked (cli prints the report). */
  readonly onAnalysed: (analysis: ReviewAnalysis) => void;
  /** A prompter on the person's terminal, or null when none is reachable. */
  readonly openPrompter: () => Promise<Prompter | null>;
  /** Starts a slow step (cli shows it on stderr past a second); the result ends it. */
  readonly step?: (label: string) => { done(): void; update?(detail: string): void; note?(text: string): void };
}

/** An override must say why: an empty or token reason would make the record meaningless. */
export function checkOverrideReason(reason: string | undefined): string | null {
  if (reason === undefined) return null;
  const trimmed = reason.trim();
  if (trimmed.replace(/[^\p{L}\p{N}]/gu, '').length < 3) {
    throw new UsageError('An override needs a reason: SELFREVIEW_OVERRIDE="why this cannot wait" git commit ...');
  }
  return trimmed;
}

/** Past this many counted files or lines a rejected change is not analysed further (see below). */
const HUGE_CHANGE = { files: 2000, lines: 50_000 } as const;

export async function runReview(options: ReviewOptions, ports: ReviewPorts): Promise<ReviewOutcome> {
  const { logger } = options;
  const override = checkOverrideReason(options.override);
  const git = await (options.repository ?? openRepository(options.cwd, logger, { prefetchStagedDiff: true }));
  const config = await loadConfig(git.info.root, options.configPath, logger, { checkedIn: join(git.info.commonDir, 'selfreview') });
  // The index's files, listed once for both the blast radius and the quiz's wrong answers.
  let indexEntries: ReturnType<GitClient['listIndex']> | undefined;
  const listIndex = () => (indexEntries ??= git.listIndex());
  if (options.mode === 'report' && options.withImpact) {
    // A report always computes the blast radius: git lists the index (unless a saved graph
    // knows it: compute-impact.ts asks git only what changed since), and node loads its
    // modules, while the staged change is read.
    if (!hasSavedGraph(git.info.commonDir)) listIndex().catch(() => undefined);
    import('./compute-impact.js').catch(() => undefined);
  }
  let analysis = await analyseStagedChange({
    git,
    config,
    env: options.env,
    aiFlag: options.aiFlag,
    override,
    logger,
    ...(options.baseRev !== undefined && { baseRev: options.baseRev }),
  });
  // The staged patch's hunks, read once for the questions (added test titles) and the quiz.
  let hunks: Promise<FileHunks> | undefined;
  const readHunks = () =>
    (hunks ??= import('../core/split/parse-patch-hunks.js').then(async ({ parsePatchHunks }) =>
      parsePatchHunks(await git.readStagedHunkPatch(analysis.base.rev)),
    ));
  let quizFiles: ReturnType<typeof readQuizFilesOnce> | undefined;
  const readQuizFilesOnce = async () => (await import('./run-quiz.js')).readQuizFiles(git, analysis, readHunks());
  const readQuizFiles = () => (quizFiles ??= readQuizFilesOnce());
  const withImpact = async () => {
    if (!options.withImpact) return analysis;
    const step = ports.step?.('computing the blast radius');
    try {
      // What the blast radius is doing, on the step's line (a first run on a large repository).
      const progress =
        step?.note === undefined
          ? undefined
          : { phase: (text: string) => step.note!(text), count: (detail: string) => step.update?.(detail), isEveryPhase: true };
      return await addStagedImpact(analysis, git, config, logger, listIndex, progress);
    } finally {
      step?.done();
    }
  };
  const finish = (questionnaire: QuestionnaireResult | null, questions: ReviewOutcome['questions'] = []): ReviewOutcome => {
    ports.onAnalysed(analysis);
    return { analysis, questions, questionnaire };
  };

  // SELFREVIEW=0 in an agent's environment (hooks/hook.sh passes it on): a skip only where the
  // config allows agents one; the hook then marks the commit (Self-Review-Skipped).
  const skipRefused = options.env.SELFREVIEW_AGENT_SKIP !== undefined && analysis.provenance.isAgentDriven;
  const agentSignal = analysis.provenance.decidedBy ?? 'an AI agent environment';
  if (skipRefused && options.mode === 'ask' && config.provenance.agentsMaySkip)
    return { analysis, questions: [], questionnaire: { kind: 'agent-skipped', signal: agentSignal } };

  const hasQuestions = analysis.verdict === 'pass' && analysis.totals.files > 0 && analysis.isReplay !== true;
  if (options.mode === 'report' && hasQuestions) {
    // The patch and the quiz's blobs are read (git forks while node's heap is still small, and
    // git runs beside the blast radius) before the import graph loads; a report lists both.
    readHunks().catch(() => undefined);
    import('./run-quiz.js')
      .then(({ isQuizPossible }) => (isQuizPossible(config, analysis) ? readQuizFiles() : undefined))
      .catch(() => undefined);
  }
  if (options.mode === 'report' || analysis.verdict === 'reject') {
    // Thousands of files or lines are rejected on their size alone: their blast radius would cost
    // more than everything else (20,000 files: 12 s of CPU; one 5 MB file: 480 MB of memory for
    // its syntax tree) and helps nobody split them.
    const isHuge =
      analysis.verdict === 'reject' &&
      options.withImpact &&
      (analysis.totals.files > HUGE_CHANGE.files || analysis.totals.lines > HUGE_CHANGE.lines);
    analysis = isHuge
      ? {
          ...analysis,
          notes: [
            ...analysis.notes,
            `The blast radius is not computed for ${analysis.totals.files} file${analysis.totals.files === 1 ? '' : 's'} and ${analysis.totals.lines} lines: split the change first (\`${selfreviewCommand(detectPackageRunner(git.info.root), 'split')}\`).`,
          ],
        }
      : await withImpact();
    const questions = hasQuestions
      ? await (
          await import('./list-questions.js')
        ).listReviewQuestions(
          analysis,
          config,
          readQuizFiles,
          // A report has no tree of its own: the newest draft, whose quiz entries name their content.
          openReviewStore(git.info.commonDir, { onIgnored: () => undefined }).readDraft(''),
          await readHunks(),
          git.readIndexTexts,
        )
      : [];
    return finish(null, questions);
  }
  if (analysis.isReplay) return finish({ kind: 'nothing-to-ask', reason: 'commits being replayed were reviewed when first made' });
  if (analysis.totals.files === 0)
    return finish({
      kind: 'nothing-to-ask',
      reason: isSetupOnly(analysis.files)
        ? 'a setup commit: only what selfreview init writes (hook blocks, config, devDependency)'
        : 'no counted file changed',
    });

  // A bad answers file is a usage error whatever else holds: read before anything is decided.
  const entries =
    options.answersPath !== undefined
      ? await (await import('../adapters/config/read-answers-file.js')).readAnswersFile(options.answersPath)
      : null;
  const store = openReviewStore(git.info.commonDir);
  const tree = await git.writeTreeOfIndexCopy();
  // The same tree reviewed against another base (a split's last part has the tree of the whole
  // change reviewed before) is another change: reviewed again.
  const existing = store.readReview(tree);
  if (existing && existing.base === analysis.base.rev) return finish({ kind: 'already-reviewed', record: existing });
  // An agent in a pseudo-terminal would answer for the person: never prompt it.
  if (analysis.provenance.isAgentDriven)
    return finish({
      kind: 'agent',
      signal: agentSignal,
      ...(analysis.agentPolicy && { policy: analysis.agentPolicy }),
      ...(skipRefused && { skipRefused }),
    });
  const prompter = entries === null ? await ports.openPrompter() : null;
  if (entries === null && prompter === null) return finish({ kind: 'no-terminal' });

  readHunks().catch(() => undefined); // git reads the patch beside the blast radius
  analysis = await withImpact();
  const [{ readQuestions }, { runQuestionnaire }, { completeRecord }, { readAnswerGrounding }] = await Promise.all([
    import('./list-questions.js'),
    import('./run-questionnaire.js'),
    import('./complete-record.js'),
    import('./read-answer-grounding.js'),
  ]);
  const questions = await readQuestions(analysis, readQuizFiles, await readHunks(), git.readIndexTexts);
  ports.onAnalysed(analysis);
  const grounding = await readAnswerGrounding(
    git,
    { base: analysis.base.rev },
    analysis.files.map((f) => f.path),
    { inBackground: prompter !== null },
  );
  try {
    const questionnaire = await runQuestionnaire({
      analysis,
      questions,
      tree,
      config,
      store,
      version: options.version,
      answers: entries !== null ? { kind: 'file', entries } : { kind: 'prompter', prompter: prompter! },
      readQuizFiles,
      grounding,
      completeRecord: (input) => completeRecord(git, config, input, (why) => logger.debug(`review left unsigned: ${why}`)),
    });
    return { analysis, questions, questionnaire };
  } finally {
    grounding.close?.();
    prompter?.close();
  }
}
