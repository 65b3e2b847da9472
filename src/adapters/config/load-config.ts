import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { ResolvedConfig } from '../../core/config/defaults.js';
import type { ConfigFile } from '../../core/config/schema.js';
import { resolveConfig } from '../../core/config/resolve-config.js';
import { CONFIG_FILES } from '../../core/config/config-files.js';
import { MIB, readBoundedFile } from '../fs/read-bounded-file.js';
import type { Logger } from '../log/logger.js';
import { checkConfig } from './checked-config.js';
import { DataSyntaxError, isYamlPath, parseDataText } from './parse-data-text.js';

// Config comes from fixed places, JSON or YAML only: nothing in the repository is executed, so CI
// on an untrusted pull request is safe. The schema (zod) and YAML parser load only when a file
// exists, which keeps the hook's start-up lean in repositories that use the defaults.
// Files are read through readBoundedFile: a FIFO, a device, a huge file or a link out of the
// repository is refused in one line, and no message quotes a config's content.

export { CONFIG_FILES } from '../../core/config/config-files.js';

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
  return searchConfig(
    present,
    (name, maxBytes) => readText(join(root, name), name, maxBytes, root),
    '',
    logger,
    options,
    relative(process.cwd(), root) || '.',
  );
}

/**
 * The config as a revision holds it (CI reads the policy from the base of the range, so a pull
 * request cannot relax the policy that judges it): `files` are the candidates found at the
 * revision's root, by name. `label` names the revision in messages ("base 1a2b3c4d5e").
 */
export async function loadConfigFromRevision(files: ReadonlyMap<string, string>, label: string, logger: Logger): Promise<ResolvedConfig> {
  return searchConfig(
    new Set(files.keys()),
    (name, maxBytes) => {
      const text = files.get(name)!;
      if (Buffer.byteLength(text) > maxBytes)
        throw new ConfigError(`Cannot read ${name} at ${label}: it is larger than ${maxBytes} bytes.`);
      return text;
    },
    ` at ${label}`,
    logger,
    {},
    label,
  );
}

/** The names loadConfig looks for at a root, for readers of other places (a revision). */
export const CONFIG_SEARCH_NAMES = [...CONFIG_FILES, 'package.json'] as const;

/** The search of the fixed places, in order, over any reader of the root's files. */
async function searchConfig(
  present: ReadonlySet<string>,
  read: (name: string, maxBytes: number) => string | null,
  at: string,
  logger: Logger,
  options: LoadOptions,
  where: string,
): Promise<ResolvedConfig> {
  for (const name of CONFIG_FILES) {
    if (!present.has(name)) continue;
    const text = read(name, CONFIG_MAX_BYTES);
    // Listed in the folder yet not there: it went away in between. Defaults would hide it.
    if (text === null) throw new ConfigError(`Cannot read ${name}: it is a symbolic link to a file that does not exist.`);
    logger.debug(`config: ${name}${at}`);
    return validate(await parse(text, name, `${name}${at}`), `${name}${at}`, text, logger, options.checkedIn);
  }
  const pkgText = present.has('package.json') ? read('package.json', PACKAGE_JSON_MAX_BYTES) : null;
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
      logger.debug(`config: package.json#selfreview${at}`);
      const data = (pkg as Record<string, unknown>).selfreview;
      return validate(data, `package.json#selfreview${at}`, JSON.stringify(data) ?? '', logger, options.checkedIn);
    }
  }
  logger.debug(`config: none in ${where}, defaults`);
  return resolveConfig(null, null);
}
