import type { FileChange } from '../change/staged-change.js';
import type { Budget } from '../config/defaults.js';

// A first split proposal: keep files of one directory together (they usually change for one
// reason), refine a directory that alone is over budget into its subdirectories. Each directory
// is its own commit; only small ones (a tenth of the budget) are packed together, first-fit
// decreasing, so a proposal reads as coherent steps rather than as filled boxes.

export interface SplitPart {
  /** Directory groups in this part, e.g. ["src/api/", "docs/"]. */
  readonly groups: readonly string[];
  readonly paths: readonly string[];
  readonly files: number;
  readonly lines: number;
  /** A single file or directory larger than the budget on its own. */
  readonly isOverBudget: boolean;
}

interface Item {
  key: string;
  files: FileChange[];
  lines: number;
}

const MAX_DEPTH = 6;

function keyAt(path: string, depth: number): string {
  const segments = path.split('/');
  if (segments.length <= depth) return path; // the file itself
  return segments.slice(0, depth).join('/') + '/';
}

function weigh(key: string, files: FileChange[]): Item {
  return { key, files, lines: files.reduce((sum, f) => sum + f.added + f.removed, 0) };
}

function fits(item: { files: number; lines: number }, budget: Budget): boolean {
  return item.lines <= budget.lines && item.files <= budget.files;
}

function groupBy(files: FileChange[], depth: number, budget: Budget): Item[] {
  const byKey = new Map<string, FileChange[]>();
  for (const file of files) {
    const key = keyAt(file.path, depth);
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  const items: Item[] = [];
  for (const [key, group] of byKey) {
    const item = weigh(key, group);
    const canRefine = key.endsWith('/') && depth < MAX_DEPTH;
    if (!fits({ files: group.length, lines: item.lines }, budget) && canRefine) items.push(...groupBy(group, depth + 1, budget));
    else items.push(item);
  }
  return items;
}

export function proposeSplit(files: readonly FileChange[], budget: Budget): SplitPart[] {
  const counted = files.filter((f) => f.excluded === null);
  const items = groupBy(counted, 1, budget).sort((a, b) => b.lines - a.lines || b.files.length - a.files.length);
  const isSmall = (item: { files: number; lines: number }) => item.lines <= budget.lines / 10 && item.files <= Math.max(1, budget.files / 10);
  const bins: Array<{ items: Item[]; files: number; lines: number }> = [];
  for (const item of items) {
    const bin = isSmall({ files: item.files.length, lines: item.lines })
      ? bins.find((b) => isSmall(b) && fits({ files: b.files + item.files.length, lines: b.lines + item.lines }, budget))
      : undefined;
    if (bin) {
      bin.items.push(item);
      bin.files += item.files.length;
      bin.lines += item.lines;
    } else {
      bins.push({ items: [item], files: item.files.length, lines: item.lines });
    }
  }
  return bins.map((bin) => ({
    groups: bin.items.map((i) => i.key).sort(),
    paths: bin.items.flatMap((i) => i.files.map((f) => f.path)).sort(),
    files: bin.files,
    lines: bin.lines,
    isOverBudget: !fits(bin, budget),
  }));
}
