import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildBlock, hasBlock, HOOK_NAMES, HOOK_SCRIPT, isBlockReachable } from '../../core/setup/hook-block.js';
import { describeHookSetup, huskySetupAdvice, type HookSetup, type RepoPaths } from './detect-hook-setup.js';
import { describeManualSetup, findUnappliedHooks } from './manual-setup.js';
import { readTextFile } from '../fs/text-files.js';
import { declaresSelfreview, detectPackageRunner } from '../fs/detect-package-runner.js';
import { hookScriptAdvice, selfreviewCommand } from '../../core/config/package-runner.js';

// doctor's view of the hooks: who runs them, whether git will find them in THIS work tree, and
// for each hook whether our block is there and can run (no exit/exec before it, executable).

export interface HookCheck {
  readonly ok: boolean;
  readonly label: string;
  readonly fix?: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function isExecutable(path: string): boolean {
  return (statSync(path).mode & 0o111) !== 0;
}

function checkHookFile(root: string, path: string, hook: string, mustBeExecutable: boolean, init: string): HookCheck {
  const shown = relative(root, path) || path;
  if (!existsSync(path)) return { ok: false, label: `${hook}: ${shown} does not exist`, fix: init };
  const text = readTextFile(path) ?? '';
  if (!hasBlock(text) && !text.includes(`${HOOK_SCRIPT} ${hook}`))
    return { ok: false, label: `${hook}: ${shown} does not call selfreview`, fix: init };
  if (hasBlock(text) && !isBlockReachable(text)) {
    return {
      ok: false,
      label: `${hook}: ${shown} ends (exit/exec) before selfreview's block`,
      fix: 'Move the selfreview block above that line.',
    };
  }
  if (mustBeExecutable && !isExecutable(path))
    return { ok: false, label: `${hook}: ${shown} is not executable, so git skips it`, fix: `chmod +x ${shown}` };
  return { ok: true, label: `${hook} hook calls selfreview (${shown})` };
}

/** `effectiveHooksDir`: `git rev-parse --git-path hooks`, the folder git runs hooks from here. */
export function inspectHooks(paths: RepoPaths, setup: HookSetup, effectiveHooksDir: string): HookCheck[] {
  const { root } = paths;
  const runner = detectPackageRunner(root);
  const INIT = `Run \`${selfreviewCommand(runner, 'init')}\` (it keeps the lines you wrote).`;
  const checks: HookCheck[] = [{ ok: true, label: `hooks run by ${describeHookSetup(setup)}` }];
  const manual = describeManualSetup(root, setup);
  if (manual !== null) {
    const unapplied = findUnappliedHooks(manual, setup, effectiveHooksDir);
    const shownDir = relative(root, effectiveHooksDir) || effectiveHooksDir;
    for (const hook of manual.configured) {
      checks.push(
        unapplied.includes(hook)
          ? {
              ok: false,
              label: `${hook}: ${manual.file} calls selfreview, but ${shownDir}/${hook} does not yet: git runs no review`,
              fix: manual.then
                ? `Run \`${manual.then}\` (it writes the hooks from ${manual.file}).`
                : `Reinstall ${describeHookSetup(setup)}.`,
            }
          : { ok: true, label: `${hook}: ${manual.file} calls selfreview` },
      );
    }
    if (manual.missing.length > 0) {
      checks.push({
        ok: false,
        label: `${manual.file} does not call selfreview from ${manual.missing.join(', ')}`,
        fix: `Add these lines to ${manual.file}${manual.then ? `, then run \`${manual.then}\`` : ''}:\n${manual.lines}`,
      });
    }
  } else if (setup.kind === 'husky' || setup.kind === 'hooks-dir' || setup.kind === 'global-hooks-path') {
    checks.push({
      ok: existsSync(effectiveHooksDir),
      label: existsSync(effectiveHooksDir)
        ? `git runs hooks from ${relative(root, effectiveHooksDir) || effectiveHooksDir}`
        : `git's hooks folder here (${relative(root, effectiveHooksDir)}) does not exist: no hook runs in this work tree`,
      fix: setup.kind === 'husky' ? `${huskySetupAdvice(root, setup.major, runner)}.` : INIT,
    });
    if (setup.kind === 'husky') {
      const wanted = setup.major >= 9 ? '.husky/_' : '.husky';
      checks.push({
        ok: paths.localHooksPath.replace(/\/$/, '') === wanted,
        label: `core.hooksPath is ${paths.localHooksPath || '(unset)'}${paths.localHooksPath.replace(/\/$/, '') === wanted ? '' : `, not ${wanted}`}`,
        fix: `${huskySetupAdvice(root, setup.major, runner)}.`,
      });
    }
    if (setup.kind === 'global-hooks-path') {
      checks.push({
        ok: paths.localHooksPath === setup.dir,
        label: `core.hooksPath (local) chains to the global ${setup.globalDir}`,
        fix: INIT,
      });
    }
    const executable = !(setup.kind === 'husky' && setup.major >= 9);
    for (const hook of HOOK_NAMES) {
      const check = checkHookFile(root, join(setup.dir, hook), hook, executable, INIT);
      // A block of an older version still works; a different block is worth re-running init.
      checks.push(
        check.ok && !(readTextFile(join(setup.dir, hook)) ?? '').includes(buildBlock(hook))
          ? { ...check, label: `${check.label}; an older selfreview block: run \`${selfreviewCommand(runner, 'init')}\` to update it` }
          : check,
      );
    }
  }
  if (existsSync(join(root, '.pnp.cjs'))) {
    checks.push({
      ok: false,
      label: "Yarn Plug'n'Play: no node_modules for the hooks to call",
      fix: 'Add `nodeLinker: node-modules` to .yarnrc.yml and run `yarn install`.',
    });
  } else {
    checks.push({
      ok: existsSync(join(root, HOOK_SCRIPT)),
      label: `${HOOK_SCRIPT} is installed`,
      fix: `${capitalize(hookScriptAdvice(runner, declaresSelfreview(root), existsSync(join(root, 'pnpm-workspace.yaml'))))}.`,
    });
  }
  return checks;
}
