import { compareText } from '../text/compare-text.js';

// Disjoint sets of paths: files that must land in the same commit.

export class PathSets {
  private readonly parent = new Map<string, string>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) this.parent.set(path, path);
  }

  has(path: string): boolean {
    return this.parent.has(path);
  }

  find(path: string): string {
    let root = path;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression: later finds are one step.
    let at = path;
    while (at !== root) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  join(a: string, b: string): void {
    if (!this.has(a) || !this.has(b)) return;
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller path is the root, so sets (and the units built from them) do not depend on order.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }

  sets(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const path of this.parent.keys()) {
      const root = this.find(path);
      byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
    }
    return [...byRoot.values()].map((s) => s.sort()).sort((a, b) => compareText(a[0]!, b[0]!));
  }
}
