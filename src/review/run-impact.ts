import type { ImpactReport } from '../core/impact/impact-report.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { computeImpact } from './compute-impact.js';
import { analyseStagedChange } from './analyse-change.js';
import { readChange } from './read-change.js';

// `selfreview impact`: the staged change (HEAD, or the empty tree, against the index), or the
// range base..head (base against head's tree), read by the same reader as the review and CI.

export interface ImpactRunOptions {
  readonly cwd: string;
  readonly range?: { readonly base: string; readonly head: string };
  readonly configPath?: string;
  /** `--all`: no cap on the walk past the users (impact.maxFurther taken as 0). */
  readonly isWholeWalk?: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** The repository the command opened already (its git processes run while this module loads). */
  readonly repository?: Promise<GitClient>;
}

export interface ImpactRun {
  /** What was compared, for the report's heading. */
  readonly heading: string;
  readonly impact: ImpactReport;
}

export async function runImpact(options: ImpactRunOptions): Promise<ImpactRun> {
  const { logger } = options;
  // The staged change's records start beside rev-parse (no patch: the blast radius reads none).
  const git = await (options.repository ?? openRepository(options.cwd, logger, options.range ? {} : { prefetchStagedDiff: 'records' }));
  const loaded = await loadConfig(git.info.root, options.configPath, logger);
  const config = options.isWholeWalk === true ? { ...loaded, impact: { ...loaded.impact, maxFurther: 0 } } : loaded;
  if (options.range) {
    const [base, head] = await Promise.all([git.resolveCommit(options.range.base), git.resolveCommit(options.range.head)]);
    const files = (await readChange(git, { kind: 'range', from: base, to: head }, config.exclude)) ?? [];
    const impact = await computeImpact({ git, files, head: { kind: 'commit', rev: head }, config, logger });
    return { heading: `selfreview impact: ${options.range.base}..${options.range.head}`, impact };
  }
  // The staged change exactly as the review reads it (the same base for a merge or a first commit).
  const analysis = await analyseStagedChange({ git, config, env: options.env, aiFlag: false, override: null, logger });
  const impact = await computeImpact({
    git,
    files: analysis.files,
    head: { kind: 'index' },
    config,
    logger,
    ...(analysis.base.kind === 'head' && { baseRev: analysis.base.rev }),
  });
  const against =
    analysis.base.kind === 'empty-tree'
      ? 'the empty tree'
      : analysis.base.kind === 'merge'
        ? `the automatic merge (${analysis.base.rev.slice(0, 10)})`
        : `HEAD (${analysis.base.rev.slice(0, 10)})`;
  return { heading: `selfreview impact: staged change against ${against}`, impact };
}
