import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// Pieces named alone say where a change is, not what it does. Three shapes of it on repositories
// the rules were tuned on (round 44): a type's one member, a helper class's one member, and a
// function whose new calls were too many to name because two of them are arithmetic.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// shiki 585b5e614f: `includeExplanation?: boolean | 'scopeName'` gains `| 'tokenType'`; both
// questions said "changed its signature (`includeExplanation` changed)".
test("a type's one member named alone is told by its two texts", () => {
  const options = (isNew: boolean) =>
    `export interface TokenizeWithThemeOptions {\n  /**\n   * Include explanation of why a token is given a color.\n   *\n   * @default false\n   */\n  includeExplanation?: boolean | 'scopeName'${isNew ? " | 'tokenType'" : ''}\n\n  colorReplacements?: Record<string, string>\n}\n`;
  repo = createTempRepo({
    'src/tokens.ts': options(false),
    'src/highlight.ts':
      "import type { TokenizeWithThemeOptions } from './tokens'\n\nexport function tokenize(code: string, options: TokenizeWithThemeOptions = {}) {\n  return options.includeExplanation ? code : ''\n}\n",
  });
  repo.stage({ 'src/tokens.ts': options(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/tokens.ts#TokenizeWithThemeOptions')).toMatch(
    /changed its signature \(`includeExplanation`: `boolean \| 'scopeName'` → `boolean \| 'scopeName' \| 'tokenType'`\)/,
  );
});

// io-ts 4edbeb35f2: `UnknownRecord`'s check, an arrow in `AnyDictionaryType`'s constructor, no longer
// calls `Object.prototype.toString.call`; `type` (which reads `UnknownRecord`) was asked "changed its
// implementation through `AnyDictionaryType.constructor`" and nothing more.
test("a helper's one member is told by the calls it gains and loses", () => {
  const index = (isNew: boolean) => `export class Type<A> {
  constructor(readonly name: string, readonly is: (u: unknown) => u is A) {}
}

export class AnyDictionaryType extends Type<{ [key: string]: unknown }> {
  readonly _tag: 'AnyDictionaryType' = 'AnyDictionaryType'
  constructor() {
    super(
      'UnknownRecord',
${
  isNew
    ? "      (u): u is { [key: string]: unknown } => u !== null && typeof u === 'object' && !Array.isArray(u)\n"
    : "      (u): u is { [key: string]: unknown } => {\n        const s = Object.prototype.toString.call(u)\n        return s === '[object Object]' || s === '[object Window]'\n      }\n"
}    )
  }
}

const UnknownRecord = new AnyDictionaryType()

export function type(props: Record<string, unknown>, name = 'Props') {
  return new Type(name, (u): u is object => UnknownRecord.is(u) && Object.keys(props).every((k) => k in u))
}
`;
  repo = createTempRepo({
    'src/index.ts': index(false),
    'src/person.ts': "import { type } from './index'\n\nexport const Person = type({ name: 'string' })\n",
  });
  repo.stage({ 'src/index.ts': index(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/index.ts#type')).toMatch(
    /changed its implementation through `AnyDictionaryType\.constructor` \(now calls `Array\.isArray`, no longer calls `Object\.prototype\.toString\.call`\)/,
  );
});

// openai-node d8c4409f17: `encode` keeps a surrogate pair whole at a segment's end; its new calls
// `Math.min`, `Math.floor` and `string.codePointAt` were three, a rewrite, and nothing was named.
test('arithmetic is left out of calls too many to name', () => {
  const utils = (isNew: boolean) => `export const encode: (str: string, limit: number) => string = (str, limit) => {
  let out = '';
  for (let j = 0; j < str.length;${isNew ? '' : ' j += limit'}) {
${
  isNew
    ? `    let segmentEnd = Math.min((Math.floor(j / limit) + 1) * limit, str.length);
    if (segmentEnd < str.length && str.codePointAt(segmentEnd - 1)! > 0xff_ff) {
      segmentEnd += 1;
    }
    const segment = str.length >= limit ? str.slice(j, segmentEnd) : str;
`
    : `    const segment = str.length >= limit ? str.slice(j, j + limit) : str;
`
}    const arr = [];
    for (let i = 0; i < segment.length; ++i) {
      arr.push(segment.charCodeAt(i).toString(16));
    }
    out += arr.join('');
${isNew ? '    j = segmentEnd;\n' : ''}  }
  return out;
};
`;
  repo = createTempRepo({
    'src/utils.ts': utils(false),
    'src/stringify.ts': "import { encode } from './utils';\n\nexport const stringify = (value: string) => encode(value, 1024);\n",
  });
  repo.stage({ 'src/utils.ts': utils(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/utils.ts#encode')).toMatch(
    // The new branch, too long to quote whole, is quoted with its call's argument left out (round 46).
    /changed its implementation \(a new branch `if \(segmentEnd < str\.length && str\.codePointAt\(…\)! > 0xff_ff\)`, now calls `str\.codePointAt`\)/,
  );
});

// arktype f067dbf: `finalizePreinferred`'s `=> preinferred` becomes `=> Out<preinferred>`, and the
// file's other hunk imports `Out`; `DeclarationParser` was asked "type changed through
// `finalizePreinferred`" and nothing of the edit, which the rule reads from a file's one hunk.
test('a hunk of imports alone does not hide the one edit of a type changed through a private one', () => {
  const declare = (isNew: boolean) => `import type { distill${isNew ? ', Out' : ''} } from './attributes'

type finalizePreinferred<preinferred, def> =
  def extends string ? (In: preinferred) => distill<def>
  : (In: distill<def>) => ${isNew ? 'Out<preinferred>' : 'preinferred'}

export type DeclarationParser<preinferred> = <def>(def: def) => finalizePreinferred<preinferred, def>
`;
  repo = createTempRepo({
    'src/attributes.ts': 'export type distill<t> = t\nexport type Out<t> = (In: never) => t\n',
    'src/declare.ts': declare(false),
    'src/scope.ts': "import type { DeclarationParser } from './declare'\n\nexport type Scope = { declare: DeclarationParser<string> }\n",
  });
  repo.stage({ 'src/declare.ts': declare(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/declare.ts#DeclarationParser')).toMatch(
    /changed its signature \(type changed through `finalizePreinferred`: `preinferred` → `Out<preinferred>`\)/,
  );
});

// botpress 8a80c426a6: a helper that runs at module load, `getFidStoreConfig`, reports through
// `bareLogger.warn` instead of `console.warn` (three times); the export that calls it, `options`,
// was asked "changed its implementation through `getFidStoreConfig`" and nothing more.
test("a private helper's call replaced in several places is told by that replacement", () => {
  const options = (isNew: boolean) => {
    const warn = isNew ? 'bareLogger.warn' : 'console.warn';
    return `import { z } from 'zod'
${isNew ? "import { bareLogger } from './logger'\n" : ''}
const schema = z.object({ dir: z.string() })
type StoreConfig = z.infer<typeof schema>
const DEFAULT: StoreConfig = { dir: '/tmp' }

const getStoreConfig = (b64Config: string | undefined): StoreConfig => {
  const warning = 'falling back on the in-memory store.'
  if (!b64Config) {
    ${warn}(\`STORE_CONFIG is unset; \${warning}\`)
    return DEFAULT
  }
  const decoded = Buffer.from(b64Config, 'base64').toString()
  if (!decoded.startsWith('{')) {
    ${warn}(\`STORE_CONFIG should be JSON; \${warning}\`)
    return DEFAULT
  }
  const parsed = schema.safeParse(JSON.parse(decoded))
  if (!parsed.success) {
    ${warn}(\`STORE_CONFIG is invalid; \${warning}\`)
    return DEFAULT
  }
  return parsed.data
}

export const options = {
  store: getStoreConfig(process.env.STORE_CONFIG),
}
`;
  };
  repo = createTempRepo({
    'src/options.ts': options(false),
    'src/logger.ts': 'export const bareLogger = { warn: (message: string) => process.stderr.write(`${message}\\n`) }\n',
    'src/index.ts': "import { options } from './options'\n\nexport const storeDir = options.store.dir\n",
  });
  repo.stage({ 'src/options.ts': options(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/options.ts#options')).toMatch(
    /changed its implementation through `getStoreConfig` \(`console\.warn` → `bareLogger\.warn`\)/,
  );
});

// botpress 7bca2316ec: `addAttachmentToIssue` copies the attachment's bytes into a new local and
// passes that to `Blob`; a new line plus a token edit, asked "(`addAttachmentToIssue` changed)".
test('a new local put in place of an expression is told by that edit and the local', () => {
  const api = (isNew: boolean) => `export interface AttachmentInput {
  data: Uint8Array | string;
  filename: string;
  contentType?: string;
}

export class JiraApi {
  constructor(private readonly baseUrl: string) {}

  public async addAttachmentToIssue(issueIdOrKey: string, attachment: AttachmentInput): Promise<Response> {
${isNew ? '    // Copy to guarantee an ArrayBuffer-backed view, which BlobPart requires.\n    const blobData = attachment.data instanceof Uint8Array ? new Uint8Array(attachment.data) : attachment.data\n' : ''}    const form = new FormData()
    form.append(
      'file',
      new Blob([${isNew ? 'blobData' : 'attachment.data'}], attachment.contentType ? { type: attachment.contentType } : undefined),
      attachment.filename
    )
    return fetch(\`\${this.baseUrl}/issue/\${issueIdOrKey}/attachments\`, { method: 'POST', body: form })
  }
}
`;
  repo = createTempRepo({
    'src/client.ts': api(false),
    'src/wizard.ts': "import { JiraApi } from './client'\n\nexport const api = new JiraApi('https://jira.example.com')\n",
  });
  repo.stage({ 'src/client.ts': api(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/client.ts#JiraApi')).toMatch(
    /changed its implementation \(`addAttachmentToIssue`: `new Blob\(\[attachment\.data\]` → `new Blob\(\[blobData\]`, with a new local `blobData`\)/,
  );
});
