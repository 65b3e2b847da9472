import { describe, expect, test } from '@jest/globals';
import { validateConfig } from '../../../src/core/config/schema.js';
import { resolveConfig } from '../../../src/core/config/resolve-config.js';

describe('validateConfig', () => {
  test('lists every problem with its dotted path', () => {
    const result = validateConfig({ budgets: { ai: { lines: 0 }, paths: [{ match: [] }] }, exclude: 3, extra: 1 });
    expect('problems' in result && result.problems.map((p) => p.split(':')[0])).toEqual([
      'budgets.ai.lines',
      'budgets.paths.0.match',
      'exclude',
      '(top level)',
    ]);
  });

  test('a valid file merges over the defaults, unset fields kept', () => {
    const result = validateConfig({
      budgets: { ai: { lines: 150 }, paths: [{ match: 'docs/**', human: { files: 99 } }] },
      exclude: '*.csv',
    });
    if (!('config' in result)) throw new Error('expected valid');
    const config = resolveConfig(result.config, 'x');
    expect(config.budgets.ai).toEqual({ lines: 150, files: 10 });
    expect(config.budgets.paths).toEqual([{ match: ['docs/**'], human: { lines: 400, files: 99 }, ai: { lines: 150, files: 10 } }]);
    expect(config.exclude).toEqual(['*.csv']);
  });

  test('impact.maxFurther: 0 walks everything, a negative or fractional cap is refused by name, unset is the default', () => {
    const zero = validateConfig({ impact: { maxFurther: 0 } });
    if (!('config' in zero)) throw new Error('expected valid');
    expect(resolveConfig(zero.config, 'x').impact.maxFurther).toBe(0);
    const bad = validateConfig({ impact: { maxFurther: -1, highDependents: 2.5 } });
    expect('problems' in bad && bad.problems.map((p) => p.split(':')[0])).toEqual(['impact.highDependents', 'impact.maxFurther']);
    const unset = validateConfig({});
    if (!('config' in unset)) throw new Error('expected valid');
    expect(resolveConfig(unset.config, 'x').impact.maxFurther).toBeGreaterThan(0);
  });
});
