import type { FileChange } from '../core/change/staged-change.js';
import type { ModuleRecord } from '../core/impact/module-record.js';
import { isModulePath } from '../core/impact/module-path.js';

// A type reading an object of its file only as `keyof typeof x` changes with x's keys, not its
// values (webstudio 68b745872 rewords `cliDocs`'s strings; `CliDocName = keyof typeof cliDocs` is
// the same type). The keys are read from both sides' texts, TypeScript loaded, only where a changed
// file has such a type.

/** Whether a record has a declaration reading another of its file only as `keyof typeof x`. */
const hasKeysOnlyUse = (record: ModuleRecord): boolean => record.declarations.some((d) => (d.keys ?? []).length > 0);

/** Per changed file, whether a top-level object's keys changed (undefined: not read, taken as changed). */
export async function readKeysChanged(
  changed: readonly FileChange[],
  record: (blob: string) => ModuleRecord,
  readBlobs: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>,
): Promise<(f: FileChange) => ((local: string) => boolean) | undefined> {
  const keyed = changed.filter(
    (f) =>
      f.status !== 'added' && f.status !== 'copied' && f.status !== 'deleted' && isModulePath(f.path) && hasKeysOnlyUse(record(f.newBlob)),
  );
  if (keyed.length === 0) return () => undefined;
  const texts = await readBlobs(keyed.flatMap((f) => [f.oldBlob, f.newBlob]));
  const { readObjectKeys } = await import('../adapters/typescript/object-keys.js');
  return (f) => {
    const [was, now] = [texts.get(f.oldBlob), texts.get(f.newBlob)];
    if (was === undefined || now === undefined) return undefined;
    return (local) => {
      const [a, b] = [readObjectKeys(f.oldPath ?? f.path, was, local), readObjectKeys(f.path, now, local)];
      return a === null || b === null || a.join('\n') !== b.join('\n');
    };
  };
}
