import { afterEach, expect, test } from '@jest/globals';
import { impactOf, symbol } from '../helpers/impact-json.js';
import { listQuestions } from '../helpers/listed-questions.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// amplication 2eb1e527f adds two required fields to the generated `BlueprintRelation` type; every
// export of models.ts whose type holds it changed its shape too ("type changed through
// `BlueprintRelation`"). The review's summary listed five of those (`Entity`, `Module` …) as
// "signature changed" and none of the types the change edits, and its risk said "57 removed,
// renamed or reshaped exports" without a word of the one change they all carry.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const MODELS = (relation: string) => `export type Account = { id: string; entity: Entity };
export type Entity = { id: string; blueprint: Blueprint };
export type Blueprint = { name: string; relations: BlueprintRelation[] };
export type BlueprintRelation = { key: string;${relation} required: boolean };
`;

test('the summary names the edited type before the exports that carry it, and says what carries them', () => {
  repo = createTempRepo({
    'src/models.ts': MODELS(''),
    'src/account.ts': "import type { Account } from './models';\n\nexport const accountId = (a: Account) => a.id;\n",
    'src/entity.ts': "import type { Entity } from './models';\n\nexport const entityId = (e: Entity) => e.id;\n",
    'src/relations.ts':
      "import type { BlueprintRelation } from './models';\n\nexport const keys = (r: BlueprintRelation[]) => r.map((x) => x.key);\n",
  });
  repo.stage({ 'src/models.ts': MODELS(' limitSelectionToProject: boolean;') });
  // The carried exports are what the report says they are: shapes changed through the edited one.
  const impact = impactOf(repo);
  expect(symbol(impact, 'Entity').via).toBe('BlueprintRelation');
  expect(symbol(impact, 'BlueprintRelation').via).toBeUndefined();

  const out = runUnchanged(repo, ['--dry-run', '--no-color']).stdout;
  const lines = out.split('\n').filter((l) => /^ {2}\w+ \(src\/models\.ts\)/.test(l));
  expect(lines[0]).toMatch(/^ {2}BlueprintRelation \(src\/models\.ts\) signature changed:/);
  expect(lines.slice(1).length).toBeGreaterThan(0);
  for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\w+ \(src\/models\.ts\) type changed through `BlueprintRelation`:/);
  const carried = impact.changedSymbols.filter((s) => s.via !== undefined && s.dependents.length > 0).length;
  expect(out).toMatch(
    new RegExp(
      `removed, renamed or reshaped exports with users \\(up to \\d+ files?\\), ${carried} of them only through \`BlueprintRelation\``,
    ),
  );
});

// The same commit regenerates the models in six packages: the one question asked of them said
// "`Entity` changed its signature the same way in …", an export that only carries the edit.
test('the question asked of one edit made in several generated files names the type the edit touched', () => {
  const user = (dir: string) => `import type { Entity } from './models';\n\nexport const ${dir}Id = (e: Entity) => e.id;\n`;
  repo = createTempRepo({
    'packages/client/src/models.ts': MODELS(''),
    'packages/client/src/entity.ts': user('client'),
    'packages/server/src/models.ts': MODELS(''),
    'packages/server/src/entity.ts': user('server'),
  });
  repo.stage({
    'packages/client/src/models.ts': MODELS(' limitSelectionToProject: boolean;'),
    'packages/server/src/models.ts': MODELS(' limitSelectionToProject: boolean;'),
  });
  const pattern = listQuestions(repo).filter((q) => q.id.startsWith('pattern:'));
  expect(pattern).toHaveLength(1);
  expect(pattern[0]!.message).toMatch(/^`BlueprintRelation` changed its signature the same way in packages\/\w+\/src\/models\.ts, /);
});

// webiny bb500f4e48: `ContentEntryLocker = ({ … }: IContentEntryLockerProps)` reads three new
// required props instead of a hook. The report said "implementation changed" (its caller must
// pass the props); carried, its own body changed too: not "only through" the props.
test('a component whose body and props type both changed is reshaped through the props, not only through them', () => {
  const LOCKER = (props: string, body: string) =>
    `export interface IContentEntryLockerProps {${props}\n  onDisablePrompt: (flag: boolean) => void;\n}\n\nexport const ContentEntryLocker = ({ onDisablePrompt }: IContentEntryLockerProps) => {\n  ${body}\n};\n`;
  repo = createTempRepo({
    'src/locker.ts': LOCKER('', 'return useContentEntry(onDisablePrompt);'),
    'src/hook.ts': 'export const useContentEntry = (f: (flag: boolean) => void) => f(true);\n',
    'src/entry.ts':
      "import { ContentEntryLocker } from './locker';\n\nexport const run = () => ContentEntryLocker({ onDisablePrompt: () => {} });\n",
  });
  repo.stage({ 'src/locker.ts': LOCKER('\n  entry: string;', 'return onDisablePrompt(entry.length > 0);') });
  expect(symbol(impactOf(repo), 'ContentEntryLocker')).toEqual(
    expect.objectContaining({ change: 'shape-changed', via: 'IContentEntryLockerProps', bodyChanged: true }),
  );
  const out = runUnchanged(repo, ['--dry-run', '--no-color']).stdout;
  expect(out).toMatch(/ContentEntryLocker \(src\/locker\.ts\) type changed through `IContentEntryLockerProps`: 1 value user/);
  expect(out).toMatch(/removed, renamed or reshaped exports? with users \(up to \d+ files?\)\n/);
  expect(out).not.toMatch(/only through/);
  const impact = listQuestions(repo).find((q) => q.id === 'impact:src/locker.ts#ContentEntryLocker');
  expect(impact?.message).toMatch(/changed its signature \(type changed through `IContentEntryLockerProps` \(`entry` added\)\)/);
});
