import { nodeCrypto } from '../../core/node-crypto.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The config file rarely changes between commits, and validating it loads zod, which cost the
// hook's start-up more than anything else it does before the first git answer (docs/speed.md).
// So a review remembers the config it validated: the sha256 of the schema's own code, where the
// config came from and its exact text. The next review with the same three skips the schema;
// any change (an edit, another selfreview version, another file) validates again.
// One small file under the git directory, never the working tree; unreadable means "validate".

export interface CheckedConfig {
  /** True when this exact config was validated by this exact schema before. */
  readonly isKnown: boolean;
  /** Remembers it (after the schema accepted it). */
  remember(): void;
}

const NEVER: CheckedConfig = { isKnown: false, remember: () => undefined };

let schemaSource: Buffer | null | undefined;
function readSchemaSource(): Buffer | null {
  if (schemaSource === undefined) {
    try {
      schemaSource = readFileSync(new URL('../../core/config/schema.js', import.meta.url));
    } catch {
      schemaSource = null;
    }
  }
  return schemaSource;
}

/** `dir`: where to keep the mark (the git directory's selfreview folder); none: always validate. */
export function checkConfig(dir: string | undefined, source: string, text: string): CheckedConfig {
  const schema = readSchemaSource();
  if (dir === undefined || schema === null) return NEVER;
  const key = nodeCrypto().createHash('sha256').update(schema).update(`\0${source}\0${text}`).digest('hex');
  const file = join(dir, 'config-checked');
  let isKnown: boolean;
  try {
    isKnown = readFileSync(file, 'utf8').trim() === key;
  } catch {
    isKnown = false;
  }
  return {
    isKnown,
    remember() {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, `${key}\n`);
      } catch {
        // Only a shortcut: without it the next review validates again.
      }
    },
  };
}
