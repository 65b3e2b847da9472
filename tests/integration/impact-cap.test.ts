import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, coldImpactOf, impactOf, symbol } from '../helpers/impact-json.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';

// Past the users, the walk stops after the first depth that brings impact.maxFurther files
// (issue 23: a cold run on a core change must not parse the whole repository to count files the
// risk never reads). The users are always all listed; the report says the walk stopped and how
// many more files there may be; `--all` walks everything.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const USERS = 6;
const MIDS = 5;
const FARS = 3;

/** core.ts <- 6 users <- 5 mids (from use-0) <- 3 fars <- end.ts; other.ts imports another name
 * of mid-0. The cap (3) is met at depth 2 (5 mids): fars, end and other lie past it. */
function chainRepo(maxFurther: number): TempRepo {
  const tree: Record<string, string> = {
    '.selfreviewrc.json': `${JSON.stringify({ impact: { maxFurther } })}\n`,
    'src/core.ts': 'export function value(): number {\n  return 1;\n}\n',
  };
  for (let i = 0; i < USERS; i++) tree[`src/use-${i}.ts`] = `import { value } from './core';\n\nexport const u${i} = value() + ${i};\n`;
  for (let i = 0; i < MIDS; i++)
    tree[`src/mid-${i}.ts`] = `import { u0 } from './use-0';\n\nexport const m${i} = u0 * ${i + 2};\nexport const other${i} = ${i};\n`;
  for (let i = 0; i < FARS; i++) tree[`src/far-${i}.ts`] = `import { m${i} } from './mid-${i}';\n\nexport const f${i} = m${i} - 1;\n`;
  tree['src/end.ts'] = "import { f0 } from './far-0';\n\nexport const end = f0 + 1;\n";
  tree['src/other.ts'] = "import { other0 } from './mid-0';\n\nexport const other = other0;\n";
  const made = createTempRepo(tree);
  made.stage({ 'src/core.ts': 'export function value(): number {\n  return 2;\n}\n' });
  return made;
}

const byDepth = (impact: ImpactReport): Record<number, string[]> => {
  const found: Record<number, string[]> = {};
  for (const d of impact.dependents) (found[d.depth] ??= []).push(d.path);
  return found;
};

describe('the walk past the users stops at impact.maxFurther', () => {
  test('users all listed, the walk stops after the depth that met the cap, with a bound of what is left; cold and warm the same', () => {
    repo = chainRepo(3);
    const report = coldAndWarm(repo);
    const value = symbol(report, 'value');
    expect(value.valueUsers.map((u) => u.path)).toEqual(Array.from({ length: USERS }, (_, i) => `src/use-${i}.ts`));
    expect(byDepth(report)[2]).toEqual(Array.from({ length: MIDS }, (_, i) => `src/mid-${i}.ts`));
    expect(Math.max(...report.dependents.map((d) => d.depth))).toBe(2);
    // Past depth 2: the fars, end.ts, and other.ts (it imports mid-0, of another name: a bound).
    const bound = FARS + 2;
    expect(report.capped).toEqual({ limit: 3, depth: 2, more: bound });
    expect(value.capped).toEqual({ limit: 3, depth: 2, more: bound });
    expect(report.risk.reasons.map((r) => r.message)).toContain(
      `${USERS} files use the changed exports (${MIDS} more depend on them further away, and up to ${bound} more past depth 2)`,
    );

    // --all: everything, and what lay past the stop is within the bound.
    const all = coldImpactOf(repo, ['--all']);
    expect(all.capped).toBeUndefined();
    expect(symbol(all, 'value').capped).toBeUndefined();
    const past = all.dependents.filter((d) => d.depth > 2).map((d) => d.path);
    expect(past.sort()).toEqual(['src/end.ts', 'src/far-0.ts', 'src/far-1.ts', 'src/far-2.ts']);
    expect(past.length).toBeLessThanOrEqual(bound);
    expect(all.dependents.filter((d) => d.depth <= 2)).toEqual(report.dependents);
    // The capped walk parsed neither the fars nor end.ts.
    const { stats: capped } = coldImpactOf(repo);
    expect(capped.parsed).toBe(2 + USERS + MIDS); // both sides of core.ts, the users, the mids
    expect(all.stats.parsed).toBe(capped.parsed + FARS + 1);
  });

  test('an export whose walk has nothing past the stop is not capped ("and up to 0 more", vercel/ai 677a707710)', () => {
    repo = chainRepo(3);
    const core = 'export function value(): number {\n  return 1;\n}\n\nexport function label(): string {\n  return "a";\n}\n';
    repo.commit('a second export, used by one file', {
      'src/core.ts': core,
      'src/leaf.ts': "import { label } from './core';\n\nexport const leaf = label();\n",
      'src/leaf-user.ts': "import { leaf } from './leaf';\n\nexport const shown = leaf;\n",
    });
    repo.stage({ 'src/core.ts': core.replace('return 1', 'return 2').replace('"a"', '"b"') });
    const report = impactOf(repo);
    expect(report.capped).toEqual({ limit: 3, depth: 2, more: FARS + 2 });
    expect(symbol(report, 'value').capped).toEqual({ limit: 3, depth: 2, more: FARS + 2 });
    expect(symbol(report, 'label').transitive.count).toBe(1);
    expect(symbol(report, 'label').capped).toBeUndefined();
    expect(runUnchanged(repo, ['impact']).stdout).not.toContain('up to 0 more');
  });

  test('a cold walk that knows part of a depth goes no deeper until it knows all of it: nothing past the stop is parsed', () => {
    // mid-0 and mid-1 import use-0 directly, mid-2..4 through a barrel: a round later. Taking
    // the steps of mid-0 before the others are known would parse far-0 for nothing.
    const tree: Record<string, string> = {
      '.selfreviewrc.json': `${JSON.stringify({ impact: { maxFurther: 3 } })}\n`,
      'src/core.ts': 'export function value(): number {\n  return 1;\n}\n',
      'src/use-0.ts': "import { value } from './core';\n\nexport const u0 = value();\n",
      'src/barrel.ts': "export { u0 } from './use-0';\n",
      'src/far-0.ts': "import { m0 } from './mid-0';\n\nexport const f0 = m0 - 1;\n",
    };
    for (let i = 0; i < MIDS; i++)
      tree[`src/mid-${i}.ts`] = `import { u0 } from '${i < 2 ? './use-0' : './barrel'}';\n\nexport const m${i} = u0 * ${i + 2};\n`;
    repo = createTempRepo(tree);
    repo.stage({ 'src/core.ts': 'export function value(): number {\n  return 2;\n}\n' });
    const report = coldAndWarm(repo);
    expect(byDepth(report)[2]).toEqual(Array.from({ length: MIDS }, (_, i) => `src/mid-${i}.ts`));
    expect(report.capped).toEqual({ limit: 3, depth: 2, more: 1 });
    expect(coldImpactOf(repo).stats.parsed).toBe(2 + 1 + 1 + MIDS); // core.ts twice, use-0, the barrel, the mids
    expect(coldImpactOf(repo, ['--all']).stats.parsed).toBe(2 + 1 + 1 + MIDS + 1);
  });

  test('a warm run after --all, and --all after a capped run, give what a cold run gives', () => {
    repo = chainRepo(3);
    const { stats: _all, ...all } = coldImpactOf(repo, ['--all']);
    const { stats: _warm, ...cappedAfterAll } = impactOf(repo);
    const { stats: _cold, ...capped } = coldImpactOf(repo);
    expect(cappedAfterAll).toEqual(capped);
    const { stats: _again, ...allAfterCapped } = impactOf(repo, ['--all']);
    expect(allAfterCapped).toEqual(all);
  });

  test('maxFurther 0 walks everything; a cap the change never meets changes nothing', () => {
    repo = chainRepo(0);
    const { stats: _none, ...uncapped } = coldImpactOf(repo);
    expect(Math.max(...uncapped.dependents.map((d) => d.depth))).toBe(4);
    expect(uncapped.capped).toBeUndefined();
    repo.cleanup();
    repo = chainRepo(MIDS + FARS + 2);
    const { stats: _far, ...unmet } = coldImpactOf(repo);
    expect(unmet).toEqual(uncapped);
  });

  test('a file the walk reaches again where it stops is one it stopped at: its other importers are in the bound', () => {
    // a <- b (uses a and d) <- c <- d <- b again, and <- e: depth 4 holds b.ts's `b` (taken at
    // depth 1) and e.ts's `e`; x.ts imports another name of b.ts. The cap (3: c, d, e) is met there.
    repo = createTempRepo({
      '.selfreviewrc.json': `${JSON.stringify({ impact: { maxFurther: 3 } })}\n`,
      'src/a.ts': 'export const a = (): number => 1;\n',
      'src/b.ts':
        "import { a } from './a';\nimport { d } from './d';\n\nexport const b = (): number => a() + d();\nexport const other = 2;\n",
      ...Object.fromEntries(
        [
          ['c', 'b'],
          ['d', 'c'],
          ['e', 'd'],
        ].map(([file, used]) => [
          `src/${file}.ts`,
          `import { ${used} } from './${used}';\n\nexport const ${file} = (): number => ${used}();\n`,
        ]),
      ),
      'src/x.ts': "import { other } from './b';\n\nexport const x = other;\n",
    });
    repo.stage({ 'src/a.ts': 'export const a = (): number => 2;\n' });
    const report = coldAndWarm(repo);
    expect(byDepth(report)).toEqual({ 1: ['src/b.ts'], 2: ['src/c.ts'], 3: ['src/d.ts'], 4: ['src/e.ts'] });
    expect(report.capped).toEqual({ limit: 3, depth: 4, more: 1 });
  });

  test('the text report says where the walk stopped and what --all does', () => {
    repo = chainRepo(3);
    const text = runUnchanged(repo, ['impact', '--no-color']).stdout;
    expect(text).toContain(
      `${USERS} value users, 0 type users, ${MIDS} further away, and up to ${FARS + 2} more past depth 2 (--all follows them)`,
    );
    expect(runUnchanged(repo, ['impact', '--no-color', '--all']).stdout).not.toContain('more past depth');
  });
});
