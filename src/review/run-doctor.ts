import { join } from 'node:path';
import { ConfigError, GitError } from '../core/errors.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository } from '../adapters/git/git-client.js';
import { selfreviewCommand } from '../core/config/package-runner.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { detectCommitlint } from '../adapters/hooks/detect-commitlint.js';
import { detectHookSetup } from '../adapters/hooks/detect-hook-setup.js';
import { inspectHooks } from '../adapters/hooks/inspect-hooks.js';
import { readHookPaths } from '../adapters/hooks/read-hook-paths.js';
import type { Logger } from '../adapters/log/logger.js';
import { openTerminal } from '../adapters/prompts/open-terminal.js';
import { readTextFile } from '../adapters/fs/text-files.js';
import { describeLineLimit, findBrokenLineLimits, type LineLimit } from '../core/record/commitlint-limits.js';

// `selfreview doctor`: what the installation looks like, and for each problem how to fix it.

export interface Check {
  readonly ok: boolean;
  readonly label: string;
  /** What to do when not ok. */
  readonly fix?: string;
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

export async function runDoctor(cwd: string, logger: Logger): Promise<Check[]> {
  const checks: Check[] = [];
  const node = process.versions.node;
  checks.push({ ok: versionAtLeast(node, 20, 17), label: `Node.js ${node}`, fix: 'selfreview needs Node.js 20.17 or later.' });
  let git;
  try {
    git = await openRepository(cwd, logger);
  } catch (error) {
    if (error instanceof GitError)
      return [...checks, { ok: false, label: error.message, fix: 'Run selfreview doctor inside the repository.' }];
    throw error;
  }
  const gitVersion = await git.readVersion();
  checks.push({
    ok: versionAtLeast(gitVersion, 2, 38),
    label: `git ${gitVersion}`,
    fix: 'git 2.38 or later measures merges (merge-tree --write-tree); older versions skip the gate on merges.',
  });

  const paths = await readHookPaths(git);
  checks.push(...inspectHooks(paths, detectHookSetup(paths), await git.readHooksDir()));
  try {
    const config = await loadConfig(git.info.root, undefined, logger);
    checks.push({ ok: true, label: `config: ${config.source ?? 'defaults (no config file)'}` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.push({
      ok: false,
      label: `config: ${error.message}`,
      fix: error.problems.join('; ') || 'Fix the file, or delete it to use the defaults.',
    });
  }
  const run = (args: string) => selfreviewCommand(detectPackageRunner(git.info.root), args);
  const commitlint = detectCommitlint(git.info.root);
  if (commitlint !== null) {
    const broken = findBrokenLineLimits(readTextFile(join(git.info.root, commitlint)) ?? '');
    const refused = broken.filter((limit) => limit.level === 2);
    checks.push(
      broken.length === 0
        ? {
            ok: true,
            label: `commitlint (${commitlint}): compatible; selfreview's lines fit its limits (the review line under 100 characters, the others 72)`,
          }
        : {
            // A warning lets the commit through: doctor says so, and still passes.
            ok: refused.length === 0,
            label: `commitlint (${commitlint}): ${broken.map(describeLineLimit).join('; ')}${refused.length === 0 ? `; ${limitsFix(broken, commitlint)}` : ''}`,
            fix: limitsFix(broken, commitlint),
          },
    );
  }
  const terminal = openTerminal();
  terminal?.input.destroy();
  terminal?.output.destroy();
  checks.push({
    ok: terminal !== null,
    label: terminal ? 'a terminal is reachable for the questionnaire (/dev/tty)' : 'no terminal reachable (/dev/tty)',
    fix: `Commits from here need a review made first in a terminal (\`${run('')}\`), or answers in a file named by SELFREVIEW_ANSWERS.`,
  });
  const remotes = await git.listRemotes();
  if (remotes.length > 0) {
    const fetch = await git.readConfigAll(`remote.${remotes.includes('origin') ? 'origin' : remotes[0]}.fetch`);
    checks.push({
      ok: fetch.some((refspec) => refspec.includes('refs/notes/selfreview')),
      label: 'review notes are fetched',
      fix: `${run('init')} (each remote then fetches its review notes beside yours); share yours with ${run('push-notes')}`,
    });
  }
  return checks;
}

/** config-conventional's limit for each rule our lines break, at the project's own level. */
const limitsFix = (broken: readonly LineLimit[], file: string) =>
  `set ${broken.map((limit) => `'${limit.rule}': [${limit.level}, 'always', 100]`).join(' and ')} in ${file} (config-conventional's limit)`;
