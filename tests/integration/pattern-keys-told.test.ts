import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// appwrite/console 6a1edd5092: a function's and a site's `updateLogging.svelte` each give the
// object they send a `deploymentRetention` key and turn `enabled`'s and `providerSilentMode`'s
// `|| undefined` into `?? undefined`, several edits in one hunk. The pattern question said only
// "`UpdateLogging` changed its implementation the same way in …: what does the edit do?".

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const logging = (owner: string, edited: boolean) =>
  [
    '<script lang="ts">',
    "  import { save } from '$lib/save';",
    `  export let ${owner}: Record<string, unknown>;`,
    '  export let logging = false;',
    '  async function update() {',
    '    await save({',
    `      name: ${owner}.name,`,
    `      enabled: ${owner}.enabled ${edited ? '??' : '||'} undefined,`,
    '      logging,',
    ...(edited ? [`      deploymentRetention: ${owner}.deploymentRetention ?? undefined,`] : []),
    `      timeout: ${owner}.timeout || undefined,`,
    `      providerSilentMode: ${owner}.providerSilentMode ${edited ? '??' : '||'} undefined`,
    '    });',
    '  }',
    '</script>',
    '',
    '<button on:click={update}>Update</button>',
    '',
  ].join('\n');

test('a pattern made of several key edits in each file names the keys it puts in and changes', () => {
  const files = (edited: boolean) => ({
    'src/functions/updateLogging.svelte': logging('func', edited),
    'src/sites/updateLogging.svelte': logging('site', edited),
  });
  repo = createTempRepo({
    'src/lib/save.ts': 'export async function save(value: object): Promise<void> {\n  void value;\n}\n',
    'src/functions/page.ts': "import UpdateLogging from './updateLogging.svelte';\nexport const page = [UpdateLogging];\n",
    'src/sites/page.ts': "import UpdateLogging from './updateLogging.svelte';\nexport const page = [UpdateLogging];\n",
    'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '$lib/*': ['./src/lib/*'] } } }),
    ...files(false),
  });
  repo.stage(files(true));
  const pattern = listQuestions(repo).find((q) => q.id.startsWith('pattern:'));
  expect(pattern?.message).toContain(
    '`UpdateLogging` changed its implementation the same way (`deploymentRetention` added, `enabled` and `providerSilentMode` changed) in src/functions/updateLogging.svelte, src/sites/updateLogging.svelte',
  );
});
