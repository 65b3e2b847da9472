import { createExclusionMatcher } from '../core/change/exclusions.js';
import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import type { FileChange } from '../core/change/staged-change.js';
import type { ImpactReport } from '../core/impact/impact-report.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { computeImpact } from './compute-impact.js';

// `selfreview impact`: the staged change (HEAD, or the empty tree, against the index), or the
// range base..head (base against head's tree).

export interface ImpactRunOptions {
  readonly cwd: string;
  readonly range?: { readonly base: string; readonly head: string };
  readonly configPath?: string;
  readonly logger: Logger;
}

export async function runImpact(options: ImpactRunOptions): Promise<{ heading: string; impact: ImpactReport }> {
  const { logger } = options;
  const git = await openRepository(options.cwd, logger);
  const config = await loadConfig(git.info.root, options.configPath, logger);
  const exclude = createExclusionMatcher(config.exclude);
  const withExclusions = (raw: string): FileChange[] => parseDiffIndex(raw).map((f) => ({ ...f, excluded: exclude(f.path) }));
  if (options.range) {
    const [base, head] = await Promise.all([git.resolveCommit(options.range.base), git.resolveCommit(options.range.head)]);
    const files = withExclusions(await git.readDiffTree(base, head));
    const impact = await computeImpact({ git, files, head: { kind: 'commit', rev: head }, config, logger });
    return { heading: `selfreview impact: ${options.range.base}..${options.range.head}`, impact };
  }
  const base = git.info.head ?? (await git.readEmptyTree());
  const files = withExclusions(await git.readDiffIndex(base));
  const impact = await computeImpact({ git, files, head: { kind: 'index' }, config, logger });
  const against = git.info.head === null ? 'the empty tree' : `HEAD (${base.slice(0, 10)})`;
  return { heading: `selfreview impact: staged change against ${against}`, impact };
}
