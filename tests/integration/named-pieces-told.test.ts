import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf, type Listed } from '../helpers/listed-questions.js';

/** What an export's users' question tells of its change, or, where it says "as told above", its piece's question. */
const told = (questions: readonly Listed[], id: string) => {
  const own = messageOf(questions, id);
  return own.includes('(as told above)')
    ? questions
        .filter((q) => q.id.startsWith('unit:'))
        .map((q) => q.message)
        .join('\n')
    : own;
};

// A piece named alone says where, not what. homarr 2f6b96e5ba restricts a router's `all` and
// `create` procedures to a permission: asked "(`all` and `create` changed)" and "(`useOptions`
// changed)"; its `appHrefSchema` gains four `.or(…)`, each for a template variable, asked "(`.or(…)`
// added)"; and a branch's condition, shortened, hid the permission it now tests.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const procedures = `export const procedure = { meta: (m: object) => procedure, requires: (p: string) => procedure, query: (f: () => number) => f };
export const guarded = procedure;
`;

const router = (all: string, create: string) => `import { procedure, guarded } from './procedures.js';

export const router = {
  list: procedure.query(() => 1),
  all: ${all}
    .meta({ description: 'List every connection' })
    .query(() => 2),
  create: guarded
    ${create}.requires('connection-create')
    .query(() => 3),
};
`;

test('two members named alone are told by the names and literals each gains and loses', () => {
  repo = createTempRepo({
    'src/procedures.ts': procedures,
    'src/router.ts': router('procedure', ''),
    'src/root.ts': "import { router } from './router.js';\nexport const root = () => router.all();\n",
  });
  repo.stage({ 'src/router.ts': router("guarded\n    .requires('connection-full-all')", ".requires('connection-full-all')\n    ") });
  const message = told(listQuestions(repo), 'impact:src/router.ts#router');
  expect(message).toContain(
    "(`all`: `all: procedure.meta` → `all: guarded.requires('connection-full-all').meta`; `create` now uses `'connection-full-all'`)",
  );
});

const group = (hidden: string) => `declare const session: { permissions: string[] } | undefined;

export const commandGroup = {
  title: 'Commands',
  useOptions() {
    return [
      { name: 'New connection', hidden: ${hidden} },
      { name: 'New user', hidden: !session?.permissions.includes('user-create') },
    ];
  },
};
`;

const schema = (more: string) => `declare const z: { string(): Schema; literal(v: string): Schema };
interface Schema { trim(): Schema; url(): Schema; includes(v: string): Schema; or(s: Schema): Schema }

export const hrefSchema = z
  .string()
  .trim()
  .url()
${more}  .or(z.literal(''));
`;

test('a member whose edit is too long to quote is told by the literal it gains; arguments left out are told by their literals', () => {
  repo = createTempRepo({
    'src/group.ts': group("!session?.permissions.includes('connection-create')"),
    'src/use.ts': "import { commandGroup } from './group.js';\nexport const options = () => commandGroup.useOptions();\n",
    'src/schema.ts': schema(''),
    'src/form.ts': "import { hrefSchema } from './schema.js';\nexport const check = (v: string) => hrefSchema.includes(v);\n",
  });
  repo.stage({
    'src/group.ts': group(
      "\n          !session?.permissions.includes('connection-full-all') ||\n          !session?.permissions.includes('connection-create')",
    ),
    'src/schema.ts': schema(
      "  .or(z.string().trim().includes('[base]'))\n  .or(z.string().trim().includes('[hostname]'))\n  .or(z.string().trim().includes('[domain]'))\n",
    ),
  });
  const questions = listQuestions(repo);
  expect(told(questions, 'impact:src/group.ts#commandGroup')).toContain("(`useOptions` now uses `'connection-full-all'`)");
  expect(told(questions, 'impact:src/schema.ts#hrefSchema')).toContain(
    "(`.or(…)` added, with `'[base]'`, `'[hostname]'` and `'[domain]'`)",
  );
});

const stats = (permission: string) => `declare const ctx: { session?: { user: { permissions: string[] } } };

export function countResources(statistics: string[]): string[] {
  if (ctx.session?.user.permissions.includes(${permission})) {
    statistics.push('connections');
  }
  return statistics;
}
`;

test('a rewritten branch shortened on one side is told with the part its condition changes', () => {
  repo = createTempRepo({
    'src/stats.ts': stats("'connection-create'"),
    'src/home.ts': "import { countResources } from './stats.js';\nexport const home = () => countResources([]);\n",
  });
  repo.stage({ 'src/stats.ts': stats("'connection-full-access'") });
  expect(told(listQuestions(repo), 'impact:src/stats.ts#countResources')).toContain(
    "the branch `if (ctx.session?.user.permissions.includes('connection-create'))`: `'connection-create'` → `'connection-full-access'`",
  );
});

const client = (name: string, type: string) => `declare const axios: { create(): Http };
interface Http { get(url: string): Promise<unknown> }
interface HttpInstance extends Http { retries: number }

export class ${name} {
  constructor(private _client: ${type}) {}
  list() {
    return this._client.get('/items');
  }
}
`;

const chatClient = (type: string, token: string) => `declare const axios: { create(): Http };
interface Http { get(url: string): Promise<unknown> }
interface HttpInstance extends Http { retries: number }

class ChatClient {
  private _client: ${type};
  constructor(${token}) {
    this._client = axios.create() as ${type};
  }
  list() {
    return this._client.get('/chats');
  }
}

export const getChatClient = () => new ChatClient('t');
`;

test("a helper's pieces, and an export's pieces changed the same way in two files, are told by their texts", () => {
  repo = createTempRepo({
    'src/chat.ts': chatClient('Http', 'token'),
    'src/hitl.ts': "import { getChatClient } from './chat.js';\nexport const open = () => getChatClient().list();\n",
    'src/boards.ts': client('BoardsClient', 'Http'),
    'src/posts.ts': client('PostsClient', 'Http'),
    'src/use.ts':
      "import { BoardsClient } from './boards.js';\nimport { PostsClient } from './posts.js';\nexport const all = (h: never) => [new BoardsClient(h).list(), new PostsClient(h).list()];\n",
  });
  repo.stage({
    'src/chat.ts': chatClient('HttpInstance', 'token: string'),
    'src/boards.ts': client('BoardsClient', 'HttpInstance'),
    'src/posts.ts': client('PostsClient', 'HttpInstance'),
  });
  const questions = listQuestions(repo);
  expect(told(questions, 'impact:src/chat.ts#getChatClient')).toContain(
    'through `ChatClient` (`_client`: `_client : Http` → `_client : HttpInstance`; `constructor` now uses `string` and `HttpInstance`, no longer `Http`)',
  );
  expect(told(questions, 'impact:src/boards.ts#BoardsClient')).toContain(
    '`BoardsClient` and `PostsClient` changed their signatures the same way (`constructor`: `_client : Http` → `_client : HttpInstance`, in 2 files',
  );
});
