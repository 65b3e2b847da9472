// The code names an answer uses, which must exist in the repository: camelCase, PascalCase
// with an inner capital, snake_case, dotted (`QueryObserver.updateResult`), called (`parse()`),
// in backticks, and file paths (`src/app/main.ts`). Not code names: bare file names, plain words, ALL
// CAPS (README, CI, JSON), URLs, domains, "Node.js"-style product names, "e.g.", and the
// product names below that are written like code in ordinary prose.

export interface CodeName {
  /** As written (for the message). */
  readonly text: string;
  readonly kind: 'identifier' | 'path';
  /** What must exist: the identifiers of a dotted name, or the path itself. */
  readonly parts: readonly string[];
}

const ORDINARY = new Set(
  `javascript typescript github gitlab bitbucket macos ios ipados iphone ipad watchos tvos visionos
  postgresql mysql mongodb graphql websocket websockets oauth youtube powershell vscode wordpress
  linkedin devtools paypal openai chatgpt eslint devops cloudflare jetbrains intellij webstorm
  phpstorm nodejs pypi macbook sqlite dynamodb bigquery webassembly webgl webgpu webrtc jsdoc tsdoc
  commonjs appveyor circleci travisci freebsd openbsd netbsd redhat latex mariadb clickhouse redis
  elasticsearch opensearch rabbitmq nextjs nuxtjs sveltekit pnpm npm yarn deno bun vitest playwright
  storybook tailwindcss postcss webpack rollup esbuild turbopack codemirror prosemirror coffeescript
  actionscript livescript purescript rescript reasonml objectivec fastapi django hashicorp airbnb
  dependabot renovate codecov sonarqube sourcegraph stackoverflow hackernews twitter facebook
  instagram tiktok whatsapp wechat gmail icloud onedrive dropbox sharepoint teams slack discord
  gpt chatgpt copilot huggingface langchain llamaindex iterm iterm2 wezterm conemu
  camelcase camelcased camelcasing pascalcase pascalcased snakecase snakecased underscore underscored
  lowercamelcase uppercamelcase kebabcase`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
const KEYWORDS = new Set(
  `const let var function return true false null undefined new this typeof instanceof await async
  import export from class extends if else for while do switch case break continue throw try catch
  finally void delete in of yield static public private protected readonly interface type enum
  implements declare namespace module require default`.split(/\s+/),
);
const EXTENSION =
  /\.(d\.ts|ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonc|json5|md|mdx|yml|yaml|toml|lock|css|scss|sass|less|html|vue|svelte|astro|py|go|rs|java|kt|rb|php|c|h|cc|cpp|hpp|cs|swift|sh|bash|zsh|txt|xml|sql|graphql|gql|env|ini|cfg|conf|snap|svg|png|jpg|gif|wasm|proto)$/i;
const DOMAIN = /\.(com|org|net|io|dev|app|co|ai|sh|so|gg|xyz|info|edu|gov)$/i;
const IDENT = '[A-Za-z_$][\\w$]*';
const DOTTED = new RegExp(`^${IDENT}(\\.${IDENT})+$`);
const CAMEL = /^[a-z][a-z0-9]*[A-Z][\w$]*$/;
const PASCAL = /^[A-Z][a-z0-9]+[A-Z][\w$]*$/;
const SNAKE = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+$/;
const EDGE = /^[\s"'“”‘’«»「」『』（）()[\]{},;:!?、。，；：！？…*~<>]+|[\s"'“”‘’«»「」『』（）()[\]{},;:!?、。，；：！？…*~<>.]+$/gu;

const EMOJI = /^:[\w+-]+:[.,;!?]*$/;

// Placeholder names of examples (`foobar.getBla()`): no claim about the repository.
const METASYNTACTIC = /^(foo|foobar|baz|qux|quux)(?=[A-Z_$\d.]|$)/;
/** A name with a wildcard piece (`isXXX`, `toXxx`, `get_xxx`) stands for a family of names (`isMap`, `isList`). */
const WILDCARD_PIECE = /(?:^|[a-z\d_.$])(?:XX+|Xxx|xxx+)(?=[A-Z_$\d.]|$)/;

/** A path segment that is a variable (`$PKGDIR`, `${HOME}`, `%APPDATA%`, `<package>`) or a brace list (`{pre,post}`). */
const PATH_PLACEHOLDER = /(?:^|\/)(?:\$\{?[A-Z_][A-Z\d_]*\}?|%[A-Za-z_]+%|<[\w-]+>)(?=\/|$)|\{[^{}/]*,[^{}/]*\}/;

const isOrdinary = (word: string) => ORDINARY.has(word.toLowerCase().replace(/[.\-_]/g, ''));
const isCodeShaped = (word: string) => CAMEL.test(word) || PASCAL.test(word) || SNAKE.test(word);

function fromToken(token: string, quoted: boolean): CodeName | null {
  const text = token.replace(/'s$/, '').replace(/\(\)$/, '');
  const called = token.endsWith('()');
  if (text === '' || /:\/\//.test(text) || /^www\./i.test(text) || /^@/.test(text)) return null;
  if (text.includes('/')) {
    // The installed packages' folder (`./node_modules/.bin`, "the ./node_module folder") is no tracked path.
    if (/(?:^|\/)node_modules?(?:\/|$)/i.test(text)) return null;
    // A path with a placeholder (`$PKGDIR/scripts/publish.js`, `{pre,post}publish.js`, `<name>/index.js`)
    // stands for a family of paths, as `isXXX` does for names: no claim about one file of the repository.
    if (PATH_PLACEHOLDER.test(text)) return null;
    const isPath = EXTENSION.test(text) || /^\.\.?\//.test(text);
    return isPath && !/\s/.test(text) ? { text, kind: 'path', parts: [text.replace(/^\.\//, '')] } : null;
  }
  // A bare file name is often the reader's file (`vitest.config.js`), not the repository's: not checked.
  if (EXTENSION.test(text) && /^[\w.@-]+$/.test(text)) return null;
  if (DOTTED.test(text)) {
    if (DOMAIN.test(text) || /^[A-Za-z]+\.js$/i.test(text) || isOrdinary(text) || METASYNTACTIC.test(text) || WILDCARD_PIECE.test(text))
      return null;
    const parts = text.split('.');
    if (parts.some((p) => p.length < 2)) return null; // e.g., i.e., v.1
    if (!quoted && !called && !parts.some(isCodeShaped)) return null; // "end.Then" typed without a space
    return { text, kind: 'identifier', parts: parts.filter((p) => !isOrdinary(p)) };
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(text) || isOrdinary(text) || KEYWORDS.has(text) || METASYNTACTIC.test(text) || WILDCARD_PIECE.test(text))
    return null;
  // A version (`v24`, `v5`) is no name: hoppscotch 881c71560b's "Node.js `v24` became LTS".
  if (/^v\d+$/.test(text)) return null;
  // A short abbreviation of mixed case in prose (rAF, CoC) is a word, not a name.
  if (!quoted && !called && /^[A-Za-z]{2,3}$/.test(text)) return null;
  if (isCodeShaped(text) || called || (quoted && text.length >= 3)) return { text, kind: 'identifier', parts: [text] };
  return null;
}

export function findCodeNames(answer: string): CodeName[] {
  const found: CodeName[] = [];
  const rest = answer.replace(/`([^`\n]+)`/g, (_, code: string) => {
    const inner = code.trim();
    const whole = fromToken(inner, true);
    if (whole !== null) found.push(whole);
    else if (/[\s(=<>{},]/.test(inner)) {
      // An expression: its code-shaped names.
      for (const name of inner.match(/[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/g) ?? []) {
        const part = fromToken(name, false);
        if (part !== null) found.push(part);
      }
    }
    return ' ';
  });
  for (const raw of rest.split(/\s+/)) {
    // An emoji shortcode (`:kissing_cat:`, `:+1:`) is no code name.
    if (EMOJI.test(raw)) continue;
    const token = raw.replace(/[.,;:!?]+$/, '');
    const name = fromToken(token.endsWith('()') ? token.replace(EDGE, '') + '()' : token.replace(EDGE, ''), false);
    if (name !== null) found.push(name);
  }
  const seen = new Set<string>();
  return found.filter((n) => !seen.has(n.text) && (seen.add(n.text), true));
}
