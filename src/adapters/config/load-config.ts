import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { ResolvedConfig } from '../../core/config/defaults.js';
import { resolveConfig } from '../../core/config/resolve-config.js';
import type { Logger } from '../log/logger.js';

// Config comes from fixed places, JSON or YAML only: nothing in the repository is executed, so CI
// on an untrusted pull request is safe. The schema (zod) and YAML parser load only when a file
// exists, which keeps the hook's start-up lean in repositories that use the defaults.

export const CONFIG_FILES = ['.selfreviewrc.json', '.selfreviewrc.yaml', '.selfreviewrc.yml', 'selfreview.config.json'] as const;

const READ_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'its symbolic links loop',
};

// Synchronous on purpose: a few small files at start-up, where promise plumbing costs more.
function readText(path: string, display: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    const why = READ_FAILURES[code] ?? ((error as Error).message.split(',')[0] ?? code);
    throw new ConfigError(`Cannot read ${display}: ${why}.`, [], { cause: error });
  }
}

async function parse(text: string, path: string, display: string): Promise<unknown> {
  try {
    if (/\.ya?ml$/.test(path)) {
      const { parse: parseYaml } = await import('yaml');
      return parseYaml(text, { prettyErrors: true }) ?? {};
    }
    return JSON.parse(text);
  } catch (error) {
    const first = ((error as Error).message.split('\n')[0] ?? '').trim();
    throw new ConfigError(`${display} is not valid ${/\.ya?ml$/.test(path) ? 'YAML' : 'JSON'}: ${first}`, [], { cause: error });
  }
}

async function validate(data: unknown, display: string): Promise<ResolvedConfig> {
  const { validateConfig } = await import('../../core/config/schema.js');
  const result = validateConfig(data);
  if ('problems' in result) {
    const count = result.problems.length;
    throw new ConfigError(`${display} has ${count} problem${count === 1 ? '' : 's'}`, result.problems);
  }
  return resolveConfig(result.config, display);
}

/** Finds, parses and validates the config; the defaults when there is none. */
export async function loadConfig(root: string, explicitPath: string | undefined, logger: Logger): Promise<ResolvedConfig> {
  if (explicitPath !== undefined) {
    const path = isAbsolute(explicitPath) ? explicitPath : resolve(explicitPath);
    const text = readText(path, explicitPath);
    if (text === null) throw new ConfigError(`Config file not found: ${explicitPath}`);
    return validate(await parse(text, path, explicitPath), explicitPath);
  }
  // One directory read instead of a failed open per candidate.
  const present = new Set(readdirSync(root));
  for (const name of CONFIG_FILES) {
    if (!present.has(name)) continue;
    const path = join(root, name);
    const text = readText(path, name);
    // Listed in the folder yet not there: a broken symbolic link. Defaults would hide the mistake.
    if (text === null) throw new ConfigError(`Cannot read ${name}: it is a symbolic link to a file that does not exist.`);
    logger.debug(`config: ${name}`);
    return validate(await parse(text, path, name), name);
  }
  const pkgText = present.has('package.json') ? readText(join(root, 'package.json'), 'package.json') : null;
  if (pkgText !== null) {
    let pkg: unknown;
    try {
      pkg = JSON.parse(pkgText);
    } catch {
      // Not our file to judge: a broken package.json is reported by the tools that own it.
      logger.debug('config: package.json is not valid JSON, skipped');
      return resolveConfig(null, null);
    }
    if (typeof pkg === 'object' && pkg !== null && 'selfreview' in pkg) {
      logger.debug('config: package.json#selfreview');
      return validate((pkg as Record<string, unknown>).selfreview, 'package.json#selfreview');
    }
  }
  logger.debug(`config: none in ${relative(process.cwd(), root) || '.'}, defaults`);
  return resolveConfig(null, null);
}
