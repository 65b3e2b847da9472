import { fileExists, readTextFile } from '../adapters/fs/text-files.js';
import { isAbsolute, join } from 'node:path';
import { ConfigError, GitError } from '../core/errors.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository } from '../adapters/git/git-client.js';
import { HOOK_LINES, MARK } from '../adapters/hooks/install-hooks.js';
import type { Logger } from '../adapters/log/logger.js';
import { openTerminal } from '../adapters/prompts/open-terminal.js';

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
    if (error instanceof GitError) return [...checks, { ok: false, label: error.message, fix: 'Run selfreview doctor inside the repository.' }];
    throw error;
  }
  const gitVersion = await git.readVersion();
  checks.push({ ok: versionAtLeast(gitVersion, 2, 38), label: `git ${gitVersion}`, fix: 'git 2.38 or later measures merges (merge-tree --write-tree); older versions skip the gate on merges.' });

  const hooksPath = (await git.readConfig('core.hooksPath'))?.trim() ?? '';
  const isHusky = hooksPath.replace(/\/$/, '') === '.husky/_';
  const hooksDir = hooksPath === '' ? join(git.info.commonDir, 'hooks') : isHusky ? join(git.info.root, '.husky') : isAbsolute(hooksPath) ? hooksPath : join(git.info.root, hooksPath);
  checks.push({ ok: hooksPath !== '', label: `hooks path: ${hooksPath || '(git default, .git/hooks)'}`, fix: 'Run `npx selfreview init` to install the hooks.' });
  if (isHusky) {
    checks.push({ ok: fileExists(join(git.info.root, '.husky', '_', 'h')), label: 'husky installed (.husky/_)', fix: 'Run `npm install` (the prepare script runs husky), or `npx husky`.' });
  }
  for (const name of Object.keys(HOOK_LINES)) {
    const path = join(hooksDir, name);
    const text = readTextFile(path) ?? '';
    checks.push({ ok: text.includes(MARK) || /selfreview/.test(text), label: `${name} hook calls selfreview`, fix: 'Run `npx selfreview init` (it keeps the lines you wrote).' });
  }
  try {
    const config = await loadConfig(git.info.root, undefined, logger);
    checks.push({ ok: true, label: `config: ${config.source ?? 'defaults (no config file)'}` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.push({ ok: false, label: `config: ${error.message}`, fix: error.problems.join('; ') || 'Fix the file, or delete it to use the defaults.' });
  }
  const terminal = openTerminal();
  terminal?.input.destroy();
  terminal?.output.destroy();
  checks.push({
    ok: terminal !== null,
    label: terminal ? 'a terminal is reachable for the questionnaire (/dev/tty)' : 'no terminal reachable (/dev/tty)',
    fix: 'Commits from here need a review made first in a terminal (`npx selfreview`), or --answers <file>.',
  });
  const remotes = await git.listRemotes();
  if (remotes.length > 0) {
    const fetch = await git.readConfigAll(`remote.${remotes.includes('origin') ? 'origin' : remotes[0]}.fetch`);
    checks.push({
      ok: fetch.some((refspec) => refspec.includes('refs/notes/selfreview')),
      label: 'review notes are fetched',
      fix: 'npx selfreview init (each remote then fetches its review notes beside yours); share yours with npx selfreview push-notes',
    });
  }
  return checks;
}
