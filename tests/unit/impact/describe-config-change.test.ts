import { describe, expect, test } from '@jest/globals';
import { describeConfigChange } from '../../../src/core/impact/describe-config-change.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import type { ImpactReport } from '../../../src/core/impact/impact-report.js';

// A configuration change named by what moved: h3's "update to srvx 0.4" commit was asked "What
// does the change to package.json change in how the project builds, runs or is checked?", a
// question that fits every package.json; the dependency and its versions are the change.

const pkg = (deps: Record<string, string>, scripts: Record<string, string> = { build: 'unbuild' }) =>
  JSON.stringify({ name: 'h3', type: 'module', scripts, dependencies: deps, devDependencies: { vitest: '^3.1.1' } }, null, 2);
const before = pkg({ 'cookie-es': '^2.0.0', rou3: '^0.6.0', srvx: '^0.2.8' });
const after = pkg({ 'cookie-es': '^2.0.0', rou3: '^0.6.0', srvx: '^0.4.0' });

describe('describeConfigChange', () => {
  test('a dependency is named with its old and new range; added and removed ones are said so', () => {
    expect(describeConfigChange('package.json', before, after)).toBe('package.json: dependencies `srvx` ^0.2.8 → ^0.4.0 changed');
    const more = pkg({ 'cookie-es': '^2.0.0', srvx: '^0.4.0', crossws: '^0.3.4' }, { build: 'unbuild', lint: 'eslint .' });
    expect(describeConfigChange('package.json', before, more)).toBe(
      'package.json: dependencies `rou3` removed, `srvx` ^0.2.8 → ^0.4.0 changed, `crossws` added; scripts `lint` added',
    );
  });

  test('each name says what happened to it: removed, added or changed, never "removed changed"', () => {
    const scripts = (s: Record<string, string>) => JSON.stringify({ name: 'x', scripts: s, main: 'a.js' });
    expect(describeConfigChange('package.json', scripts({ lint: 'eslint .' }), scripts({}))).toBe('package.json: scripts `lint` removed');
    expect(describeConfigChange('package.json', scripts({}), scripts({ lint: 'eslint .' }))).toBe('package.json: scripts `lint` added');
    expect(describeConfigChange('package.json', scripts({ lint: 'eslint .' }), scripts({ lint: 'eslint src' }))).toBe(
      'package.json: scripts `lint` changed',
    );
    const moved = JSON.stringify({ name: 'x', scripts: {}, main: 'b.js' });
    expect(describeConfigChange('package.json', scripts({ lint: 'eslint .' }), moved)).toBe(
      'package.json: scripts `lint` removed; main changed',
    );
  });

  test('a tsconfig (comments, trailing commas) is named by the options that moved, with their values; comments alone are no change', () => {
    const tsconfig = (lib: string, extra = '') =>
      `{\n  // shared by every package\n  "compilerOptions": {\n    "lib": ${lib},\n    "target": "ES2020",${extra}\n  },\n}\n`;
    expect(describeConfigChange('config/tsconfig.base.json', tsconfig('["DOM", "ES2020"]'), tsconfig('["DOM", "ES2021"]'))).toBe(
      'config/tsconfig.base.json: TypeScript config `lib` ["DOM","ES2020"] → ["DOM","ES2021"]',
    );
    expect(describeConfigChange('tsconfig.json', tsconfig('[]'), tsconfig('[]', '\n    "strict": true,'))).toBe(
      'tsconfig.json: TypeScript config `strict` true added',
    );
    expect(describeConfigChange('tsconfig.json', tsconfig('[]', '\n    "strict": true,'), tsconfig('[]'))).toBe(
      'tsconfig.json: TypeScript config `strict` removed',
    );
    expect(describeConfigChange('tsconfig.json', tsconfig('[]'), `/* reformatted */ ${tsconfig('[ ]')}`)).toBeNull();
    expect(describeConfigChange('packages/a/tsconfig.lib.json', null, tsconfig('[]'))).toBe(
      'packages/a/tsconfig.lib.json: TypeScript config added (`lib` and `target`)',
    );
    // vue language-tools 10c916819: a test project's new tsconfig, named by the options it sets.
    const project =
      '{\n\t"exclude": ["../tsconfig.base.json"],\n\t"include": ["**/*"],\n\t"compilerOptions": {\n\t\t"paths": {\n\t\t\t"@2/*": ["./*"]\n\t\t}\n\t}\n}\n';
    expect(describeConfigChange('test-workspace/tsconfigProject2/tsconfig.json', null, project)).toBe(
      'test-workspace/tsconfigProject2/tsconfig.json: TypeScript config added (`exclude`, `include` and `paths`)',
    );
  });

  test('a tsconfig value too long to show whole is told by what moved inside it', () => {
    // hoppscotch 863b1b29a: `paths` lost one alias; cut at 40 characters, both sides read the same.
    const paths = (extra: string) =>
      `{\n  "compilerOptions": {\n    "paths": {\n      "@hoppscotch/common": ["../hoppscotch-common/src/index.ts"],\n      "@app/api/*": ["./src/api/*"],${extra}\n      "@app/kernel/*": ["./src/kernel/*"]\n    }\n  }\n}\n`;
    expect(describeConfigChange('web/tsconfig.json', paths('\n      "@app/lib/*": ["./src/lib/*"],'), paths(''))).toBe(
      'web/tsconfig.json: TypeScript config `paths` `@app/lib/*` removed',
    );
    expect(describeConfigChange('web/tsconfig.json', paths(''), paths('\n      "@app/api/*": ["./src/rest/*"],'))).toBe(
      'web/tsconfig.json: TypeScript config `paths` `@app/api/*` changed',
    );
    const types = (list: string) => `{ "compilerOptions": { "types": [${list}] } }`;
    const before = '"vite/client", "unplugin-icons/types/vue", "node"';
    expect(describeConfigChange('tsconfig.json', types(before), types(`${before}, "vitest/globals"`))).toBe(
      'tsconfig.json: TypeScript config `types` `vitest/globals` added',
    );
    expect(describeConfigChange('tsconfig.json', types(before), types('"node", "vite/client", "unplugin-icons/types/vue"'))).toBe(
      'tsconfig.json: TypeScript config `types` reordered',
    );
  });

  test('the config question names what moved', () => {
    const file = (path: string): FileChange => ({
      path,
      status: 'modified',
      oldKind: 'file',
      newKind: 'file',
      oldBlob: 'a',
      newBlob: `b-${path}`,
      added: 1,
      removed: 1,
      binary: false,
      modeOnly: false,
      excluded: null,
    });
    const impact: ImpactReport = {
      changedSymbols: [],
      dependents: [],
      parseErrors: [],
      triviaOnly: [],
      warnings: [],
      risk: { level: 'medium', reasons: [{ code: 'config-changed', message: describeConfigChange('package.json', before, after)! }] },
      stats: { filesInGraph: 2, unresolved: 0, cacheHits: 0, scanned: 0, parsed: 2 },
    };
    const questions = generateQuestions({ files: [file('package.json'), file('src/event.ts')], provenance: 'human', impact });
    expect(questions.find((q) => q.id === 'config:package.json')!.message).toBe(
      'What does the change to package.json (dependencies `srvx` ^0.2.8 → ^0.4.0) change in how the project builds, runs or is checked?',
    );
    // Five tsconfigs moving `lib` two ways (floating-ui f96865cb): each way once, not five times.
    const paths = ['config/tsconfig.base.json', 'a/tsconfig.json', 'b/tsconfig.json', 'c/tsconfig.json', 'd/tsconfig.json'];
    const lib = (path: string, from: string, to: string) =>
      describeConfigChange(path, `{"compilerOptions":{"lib":${from}}}`, `{"compilerOptions":{"lib":${to}}}`)!;
    const reasons = paths.map((path, i) => ({
      code: 'config-changed' as const,
      message: i === 0 ? lib(path, '["DOM","ES2020"]', '["DOM","ES2021"]') : lib(path, '["ES2020"]', '["ES2021"]'),
    }));
    const tsconfigs = generateQuestions({
      files: [...paths.map(file), file('src/event.ts')],
      provenance: 'human',
      impact: { ...impact, risk: { level: 'medium', reasons } },
    });
    expect(tsconfigs.find((q) => q.id.startsWith('config:'))!.message).toBe(
      'What does the change to config/tsconfig.base.json, a/tsconfig.json, … (TypeScript config `lib` ["DOM","ES2020"] → ["DOM","ES2021"]; TypeScript config `lib` ["ES2020"] → ["ES2021"]) change in how the project builds, runs or is checked?',
    );
  });
});
