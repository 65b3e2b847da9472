import type { CiReport } from '../core/contracts/ci-report.js';
import { describeQuizAttempts } from '../core/questionnaire/describe-quiz-attempts.js';
import { computeTotals } from '../core/change/totals.js';
import { GitError } from '../core/errors.js';
import { type CiPolicy, type CommitSummary } from '../core/policy/check-commit.js';
import { decideCommit } from '../core/policy/decide-commit.js';
import { detectCommitSignals } from '../core/provenance/commit-signals.js';
import { findLargestHunk } from '../core/change/largest-hunk.js';
import type { Finding } from '../core/policy/finding.js';
import type { GateResult } from '../core/policy/size-gate.js';
import { fixForFinding, type FixContext } from '../core/policy/fix-for-finding.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { ConfigError } from '../core/errors.js';
import { CONFIG_SEARCH_NAMES, loadConfig, loadConfigFromRevision } from '../adapters/config/load-config.js';
import { listCommitsBeforeStart, readRootFiles } from '../adapters/git/read-policy-inputs.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { readCommitFilePatches } from '../adapters/git/read-patches.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { addStagedImpact, analyseStagedChange } from './analyse-change.js';
import { closeRangeImpactMemo, createRangeImpactMemo } from './range-impact-memo.js';
import { readChanges } from './read-change.js';
import { listNotedCommits, readCommitProvenanceInputs } from './read-commit-line-split.js';
import { readRangeCommit, verifyRangeReviews, type RangeCommit } from './verify-range-reviews.js';

// `selfreview ci`: every commit of base..head checked without a terminal and without writing:
// its review, verified from the notes (verify-range-reviews.ts: the record each Self-Review line
// names, matched to the commit by its patch, so rebases, cherry-picks and squashes keep their
// review and a hand-written line does not pass), its size against the budget for its provenance
// (the record's declaration first, then trailers and author, git-ai notes), its blast radius.

export interface CiOptions {
  readonly cwd: string;
  readonly base: string;
  readonly head: string;
  readonly configPath?: string;
  readonly withImpact: boolean;
  readonly logger: Logger;
  /** Where the policy comes from without --config: the base of the range (default), or the work tree. */
  readonly policyFrom?: 'base' | 'head';
  /** Called as each commit is checked (ci's progress on stderr). */
  readonly onCommit?: (done: number, total: number) => void;
}

export type { CiReport };

const quizOf = (answers: Parameters<typeof describeQuizAttempts>[0]) => {
  const quiz = describeQuizAttempts(answers);
  return quiz === null ? {} : { quiz };
};

const comparable = (config: ResolvedConfig) => JSON.stringify({ ...config, source: null });

/**
 * The policy that judges base..head: --config when given; else the config the base revision
 * holds, so a pull request cannot relax the rules that judge it (docs/ci.md). A change the
 * range makes to the config is reported, and judges from the next range on.
 */
async function loadRangePolicy(
  git: GitClient,
  options: CiOptions,
  base: string,
): Promise<{ config: ResolvedConfig; source: string; change: string | null }> {
  const { logger } = options;
  if (options.configPath !== undefined) {
    const config = await loadConfig(git.info.root, options.configPath, logger);
    return { config, source: `--config ${options.configPath}`, change: null };
  }
  if (options.policyFrom === 'head') {
    const config = await loadConfig(git.info.root, undefined, logger);
    return { config, source: `${config.source ?? 'defaults'} (work tree)`, change: null };
  }
  const label = `base ${base.slice(0, 10)}`;
  const config = await loadConfigFromRevision(await readRootFiles(git.info, base, CONFIG_SEARCH_NAMES), label, logger);
  let change: string | null = null;
  try {
    const head = await loadConfig(git.info.root, undefined, logger);
    if (comparable(head) !== comparable(config))
      change = `this range changes the policy (${head.source ?? 'defaults'}): it applies from the next range, not to these commits`;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    change = `this range's config does not load (${error.message}): the base's policy applies`;
  }
  return { config, source: config.source ?? `defaults at ${label}`, change };
}

/** Commits before ci.since: their findings are reported as notes, and they pass. */
function reportOnly(findings: readonly Finding[], since: string): Finding[] {
  return [
    { code: 'before-policy-start', level: 'note', message: `before ci.since (${since}): reported, not judged` },
    ...findings.map((f) => ({ code: f.code, level: 'note' as const, message: f.message })),
  ];
}

/** Each finding with what to run about it (fix-for-finding.ts). */
const withFixes = (findings: readonly Finding[], context: FixContext): Finding[] =>
  findings.map((f) => {
    const fix = fixForFinding(f, context);
    return fix === null ? f : { ...f, fix };
  });

type AnnotatedFile = CommitSummary['files'][number];

const budgetOf = (gate: GateResult | null): CommitSummary['budget'] =>
  gate === null
    ? null
    : {
        kind: gate.budgetKind,
        lines: gate.budget.lines,
        files: gate.budget.files,
        ...(gate.split && { lineByLine: { source: gate.split.source, ai: gate.split.ai, rest: gate.split.rest } }),
      };

/** The heaviest counted files. */
const heaviest = (files: readonly { path: string; lines: number }[]): AnnotatedFile[] =>
  [...files].sort((a, b) => b.lines - a.lines).slice(0, 5);

/** Each commit's heaviest files, the first with its largest hunk's lines where the commit has
 * something to say: every patch read in one git call (read-patches.ts), not one a commit. */
async function addLargestHunks(git: GitClient, commits: CommitSummary[], asked: ReadonlyMap<number, string>): Promise<void> {
  const wanted = [...asked].flatMap(([at, commit]) => {
    const first = commits[at]!.files[0];
    return first === undefined ? [] : [{ at, commit, path: first.path }];
  });
  const patches = await readCommitFilePatches(git, wanted);
  for (const { at, commit, path } of wanted) {
    const hunk = findLargestHunk(patches.get(`${commit}\0${path}`) ?? '');
    const files = commits[at]!.files;
    if (hunk !== null) commits[at] = { ...commits[at]!, files: [{ ...files[0]!, ...hunk }, ...files.slice(1)] };
  }
}

export async function resolveRange(git: GitClient, base: string, head: string): Promise<{ base: string; head: string }> {
  try {
    return { base: await git.resolveCommit(base), head: await git.resolveCommit(head) };
  } catch (error) {
    if (await git.isShallow())
      throw new GitError(`'${base}' is not in this shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0).`, {
        cause: error,
      });
    throw error;
  }
}

export async function runCi(options: CiOptions): Promise<CiReport> {
  const { logger } = options;
  // A range reads blobs commit after commit: one cat-file kept open (git-client.ts keepReadsOpen).
  const git = await openRepository(options.cwd, logger, { keepReadsOpen: true });
  const range = await resolveRange(git, options.base, options.head);
  const { config, source, change } = await loadRangePolicy(git, options, range.base);
  const policy: CiPolicy = config.ci;
  const runner = detectPackageRunner(git.info.root);
  const since = config.ci.since;
  const beforeStart = since === null ? new Set<string>() : await listCommitsBeforeStart(git, range.base, range.head, since);
  const commits: CommitSummary[] = [];
  const impactModule = options.withImpact ? await import('./compute-impact.js') : null;
  const cache = impactModule?.openSharedCache(git, logger);
  const infos = await git.readCommitLog(`${range.base}..${range.head}`, { reverse: true });
  const changes = await readChanges(
    git,
    infos.map((entry) => ({ kind: 'commit', entry })),
    config.exclude,
  );
  // The blast radius reuses the tree and the import graph from commit to commit.
  const impactMemo = createRangeImpactMemo();
  // The text prefilter's answers of an earlier `ci` (by blob): the same commits read no blob twice.
  const saveUnused = impactModule && cache ? impactModule.keepUnusedNames(git, impactMemo, logger) : null;
  const noted = await listNotedCommits(git);
  const rangeCommits: RangeCommit[] = [];
  for (const info of infos) rangeCommits.push(await readRangeCommit(git, info));
  const reviews = await logger.time('stage: verify reviews', () => verifyRangeReviews(git, config, rangeCommits));
  // The commits whose heaviest file gets its largest hunk (addLargestHunks), by place.
  const annotated = new Map<number, string>();
  for (const [index, info] of infos.entries()) {
    const files = changes[index] ?? null;
    const review = reviews.get(info.commit)!;
    const record = review.verification.records[0]?.record ?? null;
    const { difference, ...lineInputs } = await readCommitProvenanceInputs(git, info, noted, record?.provenance ?? null);
    const { provenance, gate, check } = decideCommit({
      ...lineInputs,
      commitSignals: detectCommitSignals(info.message, info.author),
      assume: config.provenance.assume,
      files,
      isMerge: info.parents.length > 1,
      review: review.verification,
      policy,
      config,
    });
    const impact =
      impactModule && cache && files !== null && files.length > 0
        ? await impactModule.computeImpact({
            git,
            files,
            head: { kind: 'commit', rev: info.commit },
            config,
            logger,
            cache,
            memo: impactMemo,
            parents: info.parents,
          })
        : undefined;
    const isBeforeStart = beforeStart.has(info.commit);
    const checked =
      difference === null
        ? check.findings
        : [...check.findings, { code: 'line-split-differs', level: 'note' as const, message: difference }];
    const findings = isBeforeStart ? reportOnly(checked, since!) : withFixes(checked, { commit: info.commit, runner });
    const counted = (files ?? []).filter((f) => f.excluded === null).map((f) => ({ path: f.path, lines: f.added + f.removed }));
    commits.push({
      commit: info.commit,
      subject: info.subject,
      isMerge: info.parents.length > 1,
      totals: files === null ? null : computeTotals(files),
      provenance: provenance.kind,
      provenanceSource: provenance.source,
      signals: provenance.signals,
      budget: budgetOf(gate),
      review: {
        status: check.status,
        how: review.verification.how,
        risk: record?.risk ?? null,
        override: review.verification.override,
        hasNote: review.hasNote,
        records: review.verification.records.map((k) => k.digest),
        ...(record && quizOf(record.answers)),
      },
      ...(impact && { risk: impact.risk }),
      findings,
      verdict: isBeforeStart ? 'pass' : check.verdict,
      files: heaviest(counted),
    });
    if (findings.some((f) => f.level !== 'note') && !info.parents[1]) annotated.set(commits.length - 1, info.commit);
    options.onCommit?.(index + 1, infos.length);
  }
  await closeRangeImpactMemo(impactMemo);
  saveUnused?.();
  await addLargestHunks(git, commits, annotated);
  cache?.save(() => new Set());
  const count = (predicate: (c: CommitSummary) => boolean) => commits.filter(predicate).length;
  return {
    range,
    policy: { source, change },
    commits,
    verdict: commits.some((c) => c.verdict === 'fail') ? 'fail' : 'pass',
    totals: {
      commits: commits.length,
      failed: count((c) => c.verdict === 'fail'),
      reviewed: count((c) => c.review.status === 'reviewed'),
      missing: count((c) => c.review.status === 'missing' && !c.findings.some((f) => f.code === 'setup-commit')),
      changedAfterReview: count((c) => c.review.status === 'changed-after-review'),
      overrides: count((c) => c.review.override !== null),
      unverified: count((c) => c.review.status === 'unverified'),
      invalid: count((c) => c.review.status === 'invalid'),
      beforeStart: count((c) => beforeStart.has(c.commit)),
    },
  };
}

/** `selfreview ci --staged`: the hook's checks on the staged change, without asking. */
export async function runCiStaged(options: Omit<CiOptions, 'base' | 'head'> & { readonly env: NodeJS.ProcessEnv }): Promise<CiReport> {
  const git = await openRepository(options.cwd, options.logger);
  const config = await loadConfig(git.info.root, options.configPath, options.logger);
  const analysed = await analyseStagedChange({ git, config, env: options.env, aiFlag: false, override: null, logger: options.logger });
  const outcome = options.withImpact ? await addStagedImpact(analysed, git, config, options.logger) : analysed;
  const tree = await git.writeTreeOfIndexCopy();
  const record = openReviewStore(git.info.commonDir).readReview(tree);
  // The pending record is bound to this index tree by its file name: nothing else to verify yet.
  const review = {
    status: record === null ? ('missing' as const) : ('reviewed' as const),
    how: record === null ? null : 'same tree',
    records: [],
    override: outcome.override,
    findings: [],
  };
  // The one decision (decide-commit.ts), as the commit-msg gate and CI on the commit take it: the
  // pending record's provenance, the environment's and flags' AI signals as whole-change evidence,
  // the line-level records' split.
  const lineSource = outcome.provenance.lines?.source;
  const evidence = outcome.provenance.signals.filter((s) => s.kind === 'ai' && s.signal !== lineSource);
  const { provenance, gate, check } = decideCommit({
    record: record?.provenance ?? null,
    commitSignals: evidence,
    hasAiNote: false,
    lines: outcome.provenance.lines ?? record?.provenance.lines ?? null,
    assume: config.provenance.assume,
    files: outcome.files,
    isMerge: outcome.base.kind === 'merge',
    review,
    policy: config.ci,
    config,
    isStaged: true,
  });
  const signals = provenance.signals;
  const summary: CommitSummary = {
    commit: 'staged',
    subject: '(the staged change)',
    isMerge: outcome.base.kind === 'merge',
    totals: outcome.totals,
    provenance: provenance.kind,
    provenanceSource: provenance.source,
    signals,
    budget: budgetOf(gate),
    review: { status: check.status, how: review.how, risk: record?.risk ?? null, override: outcome.override, hasNote: false, records: [] },
    ...(outcome.impact && { risk: outcome.impact.risk }),
    findings: withFixes(check.findings, { commit: 'staged', runner: detectPackageRunner(git.info.root) }),
    verdict: check.verdict,
    files: outcome.files
      .filter((f) => f.excluded === null)
      .map((f) => ({ path: f.path, lines: f.added + f.removed }))
      .sort((a, b) => b.lines - a.lines)
      .slice(0, 5),
  };
  const failed = summary.verdict === 'fail' ? 1 : 0;
  return {
    range: { base: outcome.base.rev, head: 'index' },
    commits: [summary],
    verdict: summary.verdict,
    totals: {
      commits: 1,
      failed,
      reviewed: check.status === 'reviewed' ? 1 : 0,
      missing: check.status === 'missing' ? 1 : 0,
      changedAfterReview: 0,
      overrides: outcome.override ? 1 : 0,
      unverified: 0,
      invalid: 0,
    },
  };
}
