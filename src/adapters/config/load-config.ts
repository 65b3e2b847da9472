import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { ResolvedConfig } from '../../core/config/defaults.js';
import type { ConfigFile } from '../../core/config/schema.js';
import { resolveConfig } from '../../core/config/resolve-config.js';
import { MIB, readBoundedFile } from '../fs/read-bounded-file.js';
import type { Logger } from '../log/logger.js';
import { checkConfig } from './checked-config.js';
import { DataSyntaxError, isYamlPath, parseDataText } from './parse-data-text.js';

// Config comes from fixed places, JSON or YAML only: nothing in the repository is executed, so CI
// on an untrusted pull request is safe. The schema (zod) and YAML parser load only when a file
// exists, which keeps the hook's start-up lean in repositories that use the defaults.
// Files are read through readBoundedFile: a FIFO, a device, a huge file or a link out of the
// repository is refused in one line, and no message quotes a config's content.

export const CONFIG_FILES = ['.selfreviewrc.json', '.selfreviewrc.yaml', '.selfreviewrc.yml', 'selfreview.config.json'] as const;

/** A config holds a few budgets and globs: 1 MiB is far past any real one. */
export const CONFIG_MAX_BYTES = MIB;
/** package.json is not ours: a generous limit, only to keep a hostile one from exhausting memory. */
const PACKAGE_JSON_MAX_BYTES = 16 * MIB;

/** The text, or null when the file does not exist (`within`: links must stay in the repository). */
function readText(path: string, display: string, maxBytes: number, within?: string): string | null {
  const file = readBoundedFile(path, { maxBytes, ...(within !== undefined && { within }) });
  if (file.kind === 'absent') return null;
  if (file.kind === 'refused') throw new ConfigError(`Cannot read ${display}: ${file.reason}.`);
  return file.text;
}

async function parse(text: string, path: string, display: string): Promise<unknown> {
  const yaml = isYamlPath(path);
  try {
    return await parseDataText(text, yaml);
  } catch (error) {
    if (!(error instanceof DataSyntaxError)) throw error;
    throw new ConfigError(`${display} is not valid ${yaml ? 'YAML' : 'JSON'}: ${error.message}`, [], { cause: error });
  }
}

/** `text` and `checkedIn`: a config validated before, unchanged, skips the schema (checked-config.ts). */
async function validate(data: unknown, display: string, text: string, logger: Logger, checkedIn?: string): Promise<ResolvedConfig> {
  const checked = checkConfig(checkedIn, display, text);
  // The schema has no transforms: what it accepted is the data itself.
  if (checked.isKnown) {
    logger.debug(`config: ${display} validated before, unchanged`);
    return resolveConfig(data as ConfigFile, display);
  }
  const { validateConfig } = await import('../../core/config/schema.js');
  const result = validateConfig(data);
  if ('problems' in result) {
    const count = result.problems.length;
    throw new ConfigError(`${display} has ${count} problem${count === 1 ? '' : 's'}`, result.problems);
  }
  checked.remember();
  return resolveConfig(result.config, display);
}

export interface LoadOptions {
  /** Where to remember a validated config (the git directory's selfreview folder): the hook's path. */
  readonly checkedIn?: string;
}

/** Finds, parses and validates the config; the defaults when there is none. */
export async function loadConfig(
  root: string,
  explicitPath: string | undefined,
  logger: Logger,
  options: LoadOptions = {},
): Promise<ResolvedConfig> {
  if (explicitPath !== undefined) {
    // Named by the user: it may live anywhere, but it is still refused when not a small file.
    const path = isAbsolute(explicitPath) ? explicitPath : resolve(explicitPath);
    const text = readText(path, explicitPath, CONFIG_MAX_BYTES);
    if (text === null) throw new ConfigError(`Config file not found: ${explicitPath}`);
    return validate(await parse(text, path, explicitPath), explicitPath, text, logger, options.checkedIn);
  }
  // One directory read instead of a failed open per candidate.
  const present = new Set(readdirSync(root));
  for (const name of CONFIG_FILES) {
    if (!present.has(name)) continue;
    const path = join(root, name);
    const text = readText(path, name, CONFIG_MAX_BYTES, root);
    // Listed in the folder yet not there: it went away in between. Defaults would hide it.
    if (text === null) throw new ConfigError(`Cannot read ${name}: it is a symbolic link to a file that does not exist.`);
    logger.debug(`config: ${name}`);
    return validate(await parse(text, path, name), name, text, logger, options.checkedIn);
  }
  const pkgText = present.has('package.json') ? readText(join(root, 'package.json'), 'package.json', PACKAGE_JSON_MAX_BYTES, root) : null;
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
      const data = (pkg as Record<string, unknown>).selfreview;
      return validate(data, 'package.json#selfreview', JSON.stringify(data) ?? '', logger, options.checkedIn);
    }
  }
  logger.debug(`config: none in ${relative(process.cwd(), root) || '.'}, defaults`);
  return resolveConfig(null, null);
}
