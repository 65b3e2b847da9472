import type { Unit } from './link-units.js';
import { compareText } from '../text/compare-text.js';

// Orders units so that each builds only on units before it: declarations before their users.
// Import cycles among changed files are common in real repositories; a cycle's units keep
// their relative order by path (no order can satisfy all of it) instead of being fused into
// one oversized commit. Among units free to go, dependency updates and configuration come
// first, code next, docs last.

const RANK = { dependency: 0, config: 1, code: 2, docs: 3 } as const;

// Code that wires or exercises the rest (a mechanical edit such as re-exporting a new function from
// every package, a unit of tests only) goes after the other code: the impact report cannot always
// see what it needs (sentry-javascript 6aae824dc2 re-exports a new `bindScopeToEmitter` through
// package names).
function rankOf(unit: Unit): number {
  const isFollower =
    unit.mechanical !== undefined || (unit.tests.length > 0 && unit.tests.length === unit.files.filter((f) => f.excluded === null).length);
  return RANK[unit.kind] + (unit.kind === 'code' && isFollower ? 0.5 : 0);
}

/** Strongly connected components (Tarjan), as a component id per unit. */
function components(ids: readonly number[], after: ReadonlyMap<number, ReadonlySet<number>>): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const component = new Map<number, number>();
  let counter = 0;
  const visit = (root: number) => {
    // Iterative: a long import chain must not overflow the call stack.
    const work: Array<{ node: number; next: number[] }> = [];
    const open = (node: number) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(after.get(node) ?? [])] });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const child = top.next.pop();
      if (child !== undefined) {
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, top.node);
        } while (member !== top.node);
      }
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return component;
}

/** The units in commit order, and the order edges that remain once cycles are cut. */
export function orderUnits(
  units: readonly Unit[],
  after: ReadonlyMap<number, ReadonlySet<number>>,
): { order: Unit[]; after: Map<number, Set<number>> } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const component = components(
    units.map((u) => u.id),
    after,
  );
  const acyclic = new Map<number, Set<number>>();
  for (const [later, befores] of after) {
    for (const before of befores) {
      if (component.get(before) === component.get(later)) continue;
      if (!acyclic.has(later)) acyclic.set(later, new Set());
      acyclic.get(later)!.add(before);
    }
  }
  // The ready units in a heap by (rank, first path): paths are compared once, in one sort, not
  // each time a unit is taken (re-sorting the whole ready list made 20,000 files quadratic).
  const firstPath = (u: Unit) => u.files[0]?.path ?? '';
  const byPath = [...units].sort((a, b) => compareText(firstPath(a), firstPath(b)));
  const pathRank = new Map(byPath.map((u, i) => [u.id, i]));
  const waiting = new Map(units.map((u) => [u.id, acyclic.get(u.id)?.size ?? 0]));
  const users = new Map<number, number[]>();
  for (const [later, befores] of acyclic) {
    for (const before of befores) {
      const list = users.get(before);
      if (list) list.push(later);
      else users.set(before, [later]);
    }
  }
  const ready = createHeap<{ unit: Unit; rank: number; path: number; seq: number }>(
    (a, b) => a.rank - b.rank || a.path - b.path || a.seq - b.seq,
  );
  let seq = 0;
  const push = (unit: Unit) => ready.push({ unit, rank: rankOf(unit), path: pathRank.get(unit.id)!, seq: seq++ });
  for (const u of units) if (waiting.get(u.id) === 0) push(u);
  const order: Unit[] = [];
  for (let top = ready.pop(); top !== undefined; top = ready.pop()) {
    const next = top.unit;
    order.push(next);
    for (const user of users.get(next.id) ?? []) {
      waiting.set(user, waiting.get(user)! - 1);
      if (waiting.get(user) === 0) push(byId.get(user)!);
    }
  }
  return { order, after: acyclic };
}

/** A binary min-heap. */
function createHeap<T>(compare: (a: T, b: T) => number): { push(item: T): void; pop(): T | undefined } {
  const items: T[] = [];
  return {
    push(item) {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (compare(items[i]!, items[parent]!) >= 0) break;
        [items[i], items[parent]] = [items[parent]!, items[i]!];
        i = parent;
      }
    },
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          const right = left + 1;
          let least = i;
          if (left < items.length && compare(items[left]!, items[least]!) < 0) least = left;
          if (right < items.length && compare(items[right]!, items[least]!) < 0) least = right;
          if (least === i) break;
          [items[i], items[least]] = [items[least]!, items[i]!];
          i = least;
        }
      }
      return top;
    },
  };
}
