import type { ChangedSymbol } from './impact-report.js';
import type { ExportRecord, ModuleRecord } from './module-record.js';

// What a file's change did to its exports, old (HEAD) against new (index): added, removed,
// renamed (a removed and an added export of the same shape), shape-changed, body-changed.

export type SymbolDiff = Omit<ChangedSymbol, 'dependents'>;

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function isSameShapeButName(a: ExportRecord, b: ExportRecord): boolean {
  return a.kind === b.kind && a.bodyHash !== '' && a.shape.split(a.name).join('') === b.shape.split(b.name).join('');
}

export function diffExports(path: string, before: ModuleRecord | null, after: ModuleRecord | null): SymbolDiff[] {
  if (after?.parseError !== undefined) {
    return [{ path, name: '*', change: 'unknown', detail: `does not parse (${after.parseError}): every export may have changed` }];
  }
  const old = new Map((before?.exports ?? []).map((e) => [e.name, e]));
  const now = new Map((after?.exports ?? []).map((e) => [e.name, e]));
  const changes: SymbolDiff[] = [];
  const removed = [...old.values()].filter((e) => !now.has(e.name));
  const added = [...now.values()].filter((e) => !old.has(e.name));
  for (const record of added) {
    const previous = removed.find((r) => isSameShapeButName(r, record));
    if (previous) {
      removed.splice(removed.indexOf(previous), 1);
      changes.push({ path, name: record.name, change: 'renamed', previousName: previous.name, detail: `renamed from ${previous.name}` });
    } else {
      changes.push({ path, name: record.name, change: 'added' });
    }
  }
  for (const record of removed) changes.push({ path, name: record.name, change: 'removed', detail: clip(record.shape) });
  for (const [name, record] of now) {
    const previous = old.get(name);
    if (!previous) continue;
    if (previous.shape !== record.shape || previous.kind !== record.kind) {
      changes.push({ path, name, change: 'shape-changed', detail: `${clip(previous.shape)} → ${clip(record.shape)}` });
    } else if (previous.bodyHash !== record.bodyHash) {
      changes.push({ path, name, change: 'body-changed' });
    }
  }
  return changes;
}
