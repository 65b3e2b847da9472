import type { FileChange } from '../change/staged-change.js';

// A change unit is a file or a group of files that change together: a module and its test, the
// files of one folder. A commit of forty small files must not become forty questions, so small
// units are merged by folder until there are at most `max`.

export interface ChangeUnit {
  readonly label: string;
  readonly files: readonly FileChange[];
  readonly added: number;
  readonly removed: number;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : './');
const stemOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/(\.(test|spec|stories|d))?\.[^.]+$/, '');

function toUnit(label: string, files: FileChange[]): ChangeUnit {
  return { label, files, added: files.reduce((n, f) => n + f.added, 0), removed: files.reduce((n, f) => n + f.removed, 0) };
}

function parentOf(label: string): string {
  const trimmed = label.replace(/\/$/, '');
  const at = trimmed.lastIndexOf('/');
  return at < 0 ? './' : `${trimmed.slice(0, at)}/`;
}

export function groupChangeUnits(files: readonly FileChange[], max = 6): ChangeUnit[] {
  const counted = files.filter((f) => f.excluded === null);
  // A file and its test (same folder tree, same stem) are one unit.
  const byStem = new Map<string, FileChange[]>();
  for (const file of counted) {
    const key = `${folderOf(file.path).replace(/(__tests__|tests?)\/$/, '')}${stemOf(file.path)}`;
    byStem.set(key, [...(byStem.get(key) ?? []), file]);
  }
  let units = [...byStem.values()].map((group) => toUnit(group.length === 1 ? group[0]!.path : group.map((f) => f.path).join(' + '), group));
  // Too many: merge by folder, then by parent folder, until few enough.
  let labels = new Map(units.map((u) => [u, folderOf(u.files[0]!.path)]));
  for (let round = 0; units.length > max && round < 8; round++) {
    const byFolder = new Map<string, FileChange[]>();
    for (const unit of units) {
      const folder = labels.get(unit)!;
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...unit.files]);
    }
    units = [...byFolder].map(([folder, group]) => toUnit(folder, group));
    labels = new Map(units.map((u) => [u, parentOf(u.label)]));
  }
  return units.sort((a, b) => b.added + b.removed - (a.added + a.removed));
}
