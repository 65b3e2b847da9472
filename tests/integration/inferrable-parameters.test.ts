import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// io-ts 63eea02977 ("fix eslint warnings", @typescript-eslint/no-inferrable-types): twenty
// `name: string = \`Array<${item.name}>\`` became `name = \`Array<${item.name}>\``; the review said
// 19 exports "changed its signature" ("`array` … (`name`: `string` → `name = …`)") and high risk,
// though every parameter's type is the same.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const index = (isNew: boolean) => `export interface Mixed {
  readonly name: string
}

export function array<C extends Mixed>(item: C, name${isNew ? '' : ': string'} = \`Array<\${item.name}>\`): Mixed {
  return { name }
}

export function tuple<CS extends [Mixed, ...Array<Mixed>]>(
  codecs: CS,
  name${isNew ? '' : ': string'} = \`[\${codecs.map((type) => type.name).join(', ')}]\`,
  strict${isNew ? '' : ': boolean'} = false,
  depth${isNew ? '' : ': number'} = 0
): Mixed {
  return { name: strict && depth > 0 ? name : \`\${name}!\` }
}
`;

test('a primitive annotation dropped beside a literal default changes no signature', () => {
  repo = createTempRepo({
    'src/index.ts': index(false),
    'src/codecs.ts':
      "import { array, tuple } from './index'\n\nexport const list = array({ name: 'string' })\nexport const pair = tuple([{ name: 'a' }, { name: 'b' }])\n",
  });
  repo.stage({ 'src/index.ts': index(true) });
  const messages = listQuestions(repo).map((q) => q.message);
  expect(messages.filter((m) => /changed its signature/.test(m))).toEqual([]);
  expect(messages.some((m) => /high risk/.test(m))).toBe(false);
});

test('an annotation that is no literal default’s type still changes the signature', () => {
  const widened = (isNew: boolean) =>
    `export function array(name${isNew ? ': string | number' : ': string'} = 'Array'): string {\n  return String(name)\n}\n`;
  repo = createTempRepo({
    'src/index.ts': widened(false),
    'src/codecs.ts': "import { array } from './index'\n\nexport const list = array()\n",
  });
  repo.stage({ 'src/index.ts': widened(true) });
  expect(listQuestions(repo).some((q) => /`array` in src\/index\.ts changed its signature/.test(q.message))).toBe(true);
});
