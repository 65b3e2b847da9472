import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createExclusionMatcher, parseCheckAttr } from '../core/change/exclusions.js';
import { splitDiffTreeByCommit } from '../core/change/split-diff-tree-stdin.js';
import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import type { FileChange } from '../core/change/staged-change.js';
import { computeTotals } from '../core/change/totals.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { GitError } from '../core/errors.js';
import { checkCommit, type CiPolicy, type CommitSummary } from '../core/policy/check-commit.js';
import { evaluateSizeGate } from '../core/policy/size-gate.js';
import { detectCommitSignals } from '../core/provenance/commit-signals.js';
import { decideCommitProvenance } from '../core/provenance/decide-commit-provenance.js';
import { TRAILER_LOG_FIELDS } from '../core/record/trailers.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { verifyRangeReviews } from './verify-range-reviews.js';

// `selfreview ci`: every commit of base..head checked without a terminal and without writing:
// its size against the budget for its provenance (now including its trailers and author), its
// review record (a Self-Review trailer whose tree is the commit's own), and its blast radius.

export interface CiOptions {
  readonly cwd: string;
  readonly base: string;
  readonly head: string;
  readonly configPath?: string;
  readonly withImpact: boolean;
  readonly logger: Logger;
}

export interface CiReport {
  readonly range: { readonly base: string; readonly head: string };
  readonly commits: readonly CommitSummary[];
  readonly verdict: 'pass' | 'fail';
  readonly totals: {
    readonly commits: number;
    readonly failed: number;
    readonly reviewed: number;
    readonly missing: number;
    readonly changedAfterReview: number;
    readonly overrides: number;
    /** Reviews whose record is not in the fetched notes. */
    readonly unverified: number;
    /** Review claims that do not verify (hand-written lines, altered records, bad signatures). */
    readonly invalid: number;
  };
}

const FIELD = '\x1f';
const RECORD = '\x1e';

interface CommitInfo {
  readonly commit: string;
  readonly tree: string;
  readonly parents: readonly string[];
  readonly author: string;
  readonly subject: string;
  readonly message: string;
  readonly reviews: string;
  readonly overrides: string;
}

async function listCommits(git: GitClient, base: string, head: string): Promise<CommitInfo[]> {
  const format = ['%H', '%T', '%P', '%an <%ae>', '%s', '%B', ...TRAILER_LOG_FIELDS].join(FIELD);
  const out = await git.raw(['log', '--reverse', '--topo-order', `--format=${format}${RECORD}`, `${base}..${head}`, '--']);
  return out
    .split(RECORD)
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const [commit = '', tree = '', parents = '', author = '', subject = '', message = '', reviews = '', overrides = ''] = r.split(FIELD);
      return { commit, tree, parents: parents.split(' ').filter((p) => p !== ''), author, subject, message, reviews, overrides };
    });
}

/**
 * Every commit's changed files, from as few git spawns as the range allows: one diff-tree for
 * all ordinary commits; a merge is measured by what it adds to git's own merge of its parents;
 * an octopus merge is not measured (null). Attributes are those of the head commit (one
 * check-attr for the range), and only read when the repository has any.
 */
async function readRangeChanges(git: GitClient, commits: readonly CommitInfo[], head: string, config: ResolvedConfig): Promise<Map<string, FileChange[] | null>> {
  const ordinary = commits.filter((c) => c.parents.length <= 1).map((c) => c.commit);
  const byCommit = splitDiffTreeByCommit(await git.readDiffTrees(ordinary));
  const raws = new Map<string, ReturnType<typeof parseDiffIndex> | null>();
  for (const info of commits) {
    if (info.parents.length <= 1) raws.set(info.commit, parseDiffIndex(byCommit.get(info.commit) ?? ''));
    else if (info.parents.length === 2) {
      const auto = await git.readAutoMergeTree(info.parents[0]!, info.parents[1]!);
      raws.set(info.commit, auto === null ? null : parseDiffIndex(await git.readDiffTree(auto, info.commit)));
    } else raws.set(info.commit, null);
  }
  const hasAttributes =
    existsSync(join(git.info.commonDir, 'info', 'attributes')) ||
    (await git.raw(['ls-tree', '-r', '--name-only', '-z', head])).split('\0').some((p) => p === '.gitattributes' || p.endsWith('/.gitattributes'));
  const paths = [...new Set([...raws.values()].flatMap((list) => (list ?? []).map((f) => f.path)))];
  const attributes = hasAttributes ? parseCheckAttr(await git.readExclusionAttributesAt(head, paths)) : new Map();
  const exclude = createExclusionMatcher(config.exclude);
  return new Map([...raws].map(([commit, list]) => [commit, list === null ? null : list.map((f) => ({ ...f, excluded: exclude(f.path, attributes.get(f.path)) }))]));
}

/** The commits that carry a note under refs/notes/<ref>, in one spawn. */
async function listNoted(git: GitClient, ref: string): Promise<Set<string>> {
  const out = await git.raw(['notes', `--ref=${ref}`, 'list']).catch(() => '');
  return new Set(out.split('\n').map((line) => line.split(' ')[1] ?? '').filter((id) => id !== ''));
}

export async function resolveRange(git: GitClient, base: string, head: string): Promise<{ base: string; head: string }> {
  try {
    return { base: await git.resolveCommit(base), head: await git.resolveCommit(head) };
  } catch (error) {
    const isShallow = (await git.raw(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
    if (isShallow) throw new GitError(`'${base}' is not in this shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0).`, { cause: error });
    throw error;
  }
}

export async function runCi(options: CiOptions): Promise<CiReport> {
  const { logger } = options;
  const git = await openRepository(options.cwd, logger);
  const config = await loadConfig(git.info.root, options.configPath, logger);
  const policy: CiPolicy = config.ci;
  const range = await resolveRange(git, options.base, options.head);
  const commits: CommitSummary[] = [];
  const impactModule = options.withImpact ? await import('./compute-impact.js') : null;
  const cache = impactModule?.openSharedCache(git, logger);
  const infos = await listCommits(git, range.base, range.head);
  const changes = await readRangeChanges(git, infos, range.head, config);
  const aiNoted = await listNoted(git, 'ai');
  const rangeCommits = [];
  for (const info of infos) {
    const against = info.parents.length === 2 ? await git.readAutoMergeTree(info.parents[0]!, info.parents[1]!) : null;
    const authorEmail = /<([^>]*)>$/.exec(info.author)?.[1] ?? '';
    rangeCommits.push({ commit: info.commit, tree: info.tree, message: info.message, authorEmail, ...(against !== null && { against }) });
  }
  const reviews = await verifyRangeReviews(git, config, rangeCommits);
  for (const info of infos) {
    const files = changes.get(info.commit) ?? null;
    const review = reviews.get(info.commit)!;
    const record = review.verification.records[0]?.record ?? null;
    const provenance = decideCommitProvenance({ record: record?.provenance ?? null, commitSignals: detectCommitSignals(info.message, info.author), hasAiNote: aiNoted.has(info.commit), assume: config.provenance.assume });
    const gate = files === null ? null : evaluateSizeGate({ files, provenance: provenance.kind, config });
    const addsNothing = info.parents.length > 1 && files !== null && files.every((f) => f.excluded !== null);
    const check = checkCommit({ isMerge: info.parents.length > 1, gate, signals: provenance.signals, review: review.verification, policy, addsNothing, provenanceConflict: provenance.conflict });
    const impact =
      impactModule && cache && files !== null && files.length > 0
        ? await impactModule.computeImpact({ git, files, head: { kind: 'commit', rev: info.commit }, config, logger, cache })
        : undefined;
    commits.push({
      commit: info.commit,
      subject: info.subject,
      isMerge: info.parents.length > 1,
      totals: files === null ? null : computeTotals(files),
      provenance: provenance.kind,
      provenanceSource: provenance.source,
      signals: provenance.signals,
      budget: gate === null ? null : { kind: gate.budgetKind, lines: gate.budget.lines, files: gate.budget.files },
      review: { status: check.status, how: review.verification.how, risk: record?.risk ?? null, override: review.verification.override, hasNote: review.hasNote, records: review.verification.records.map((k) => k.digest) },
      ...(impact && { risk: impact.risk }),
      findings: check.findings,
      verdict: check.verdict,
      files: (files ?? []).filter((f) => f.excluded === null).map((f) => ({ path: f.path, lines: f.added + f.removed })).sort((a, b) => b.lines - a.lines).slice(0, 5),
    });
  }
  cache?.save(new Set());
  const count = (predicate: (c: CommitSummary) => boolean) => commits.filter(predicate).length;
  return {
    range,
    commits,
    verdict: commits.some((c) => c.verdict === 'fail') ? 'fail' : 'pass',
    totals: {
      commits: commits.length,
      failed: count((c) => c.verdict === 'fail'),
      reviewed: count((c) => c.review.status === 'reviewed'),
      missing: count((c) => c.review.status === 'missing'),
      changedAfterReview: count((c) => c.review.status === 'changed-after-review'),
      overrides: count((c) => c.review.override !== null),
      unverified: count((c) => c.review.status === 'unverified'),
      invalid: count((c) => c.review.status === 'invalid'),
    },
  };
}

/** `selfreview ci --staged`: the hook's checks on the staged change, without asking. */
export async function runCiStaged(options: Omit<CiOptions, 'base' | 'head'>): Promise<CiReport> {
  const { analyseStagedChange } = await import('./run-review.js');
  const { openReviewStore } = await import('../adapters/store/review-store.js');
  const { outcome, git, config } = await analyseStagedChange({ cwd: options.cwd, env: process.env, aiFlag: false, withImpact: options.withImpact, logger: options.logger, ...(options.configPath !== undefined && { configPath: options.configPath }) });
  const tree = await git.readIndexTree();
  const record = openReviewStore(git.info.commonDir).readReview(tree);
  // The pending record is bound to this index tree by its file name: nothing else to verify yet.
  const review = { status: record === null ? ('missing' as const) : ('reviewed' as const), how: record === null ? null : 'same tree', records: [], override: outcome.override, findings: [] };
  const signals = outcome.provenance.signals.filter((s) => s.kind === 'ai');
  const check = checkCommit({ isMerge: outcome.base.kind === 'merge', gate: outcome.gate, signals, review, policy: config.ci, isStaged: true });
  const summary: CommitSummary = {
    commit: 'staged',
    subject: '(the staged change)',
    isMerge: outcome.base.kind === 'merge',
    totals: outcome.totals,
    provenance: outcome.provenance.kind,
    provenanceSource: outcome.provenance.decidedBy ?? 'no source: the human budget applies',
    signals,
    budget: { kind: outcome.gate.budgetKind, lines: outcome.gate.budget.lines, files: outcome.gate.budget.files },
    review: { status: check.status, how: review.how, risk: record?.risk ?? null, override: outcome.override, hasNote: false, records: [] },
    ...(outcome.impact && { risk: outcome.impact.risk }),
    findings: check.findings,
    verdict: check.verdict,
    files: outcome.files.filter((f) => f.excluded === null).map((f) => ({ path: f.path, lines: f.added + f.removed })).sort((a, b) => b.lines - a.lines).slice(0, 5),
  };
  const failed = summary.verdict === 'fail' ? 1 : 0;
  return {
    range: { base: outcome.base.rev, head: 'index' },
    commits: [summary],
    verdict: summary.verdict,
    totals: { commits: 1, failed, reviewed: check.status === 'reviewed' ? 1 : 0, missing: check.status === 'missing' ? 1 : 0, changedAfterReview: 0, overrides: outcome.override ? 1 : 0, unverified: 0, invalid: 0 },
  };
}
