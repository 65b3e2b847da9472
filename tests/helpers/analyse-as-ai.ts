import { openRepository, type GitClient } from '../../src/adapters/git/git-client.js';
import { silentLogger } from '../../src/adapters/log/logger.js';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.js';
import { analyseStagedChange } from '../../src/review/analyse-change.js';
import { testEnv } from './env.js';

// The staged change of a repository analysed as the review analyses an AI-declared one (the
// quiz is asked), in-process: the quiz tests read its files from it.

export async function analyseAsAi(dir: string): Promise<{ git: GitClient; analysis: Awaited<ReturnType<typeof analyseStagedChange>> }> {
  const git = await openRepository(dir, silentLogger);
  const analysis = await analyseStagedChange({
    git,
    config: DEFAULT_CONFIG,
    env: testEnv(),
    aiFlag: true,
    override: null,
    logger: silentLogger,
  });
  return { git, analysis };
}
