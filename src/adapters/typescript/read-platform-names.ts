import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The names of the JavaScript platform (Promise, JSON.parse, Intl.NumberFormat, fetch, the DOM),
// read from the lib.*.d.ts declarations of the TypeScript that selfreview runs with, and its
// compiler options: an answer may name them in any repository. Read once, on the first name the
// change does not contain.

let names: Set<string> | undefined;

// The environment a repository's code and workflows run in names some things no file of it does:
// GitHub Actions' default variables and token (docs.github.com, "Variables reference"; Flowise
// ddf1549389: "Limit GITHUB_TOKEN to read-only access"), and the variables Node.js itself reads.
const ENVIRONMENT = [
  'CI GITHUB_TOKEN GITHUB_ACTION GITHUB_ACTION_PATH GITHUB_ACTION_REPOSITORY GITHUB_ACTIONS GITHUB_ACTOR GITHUB_ACTOR_ID',
  'GITHUB_API_URL GITHUB_BASE_REF GITHUB_ENV GITHUB_EVENT_NAME GITHUB_EVENT_PATH GITHUB_GRAPHQL_URL GITHUB_HEAD_REF GITHUB_JOB',
  'GITHUB_OUTPUT GITHUB_PATH GITHUB_REF GITHUB_REF_NAME GITHUB_REF_PROTECTED GITHUB_REF_TYPE GITHUB_REPOSITORY GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER GITHUB_REPOSITORY_OWNER_ID GITHUB_RETENTION_DAYS GITHUB_RUN_ATTEMPT GITHUB_RUN_ID GITHUB_RUN_NUMBER',
  'GITHUB_SERVER_URL GITHUB_SHA GITHUB_STEP_SUMMARY GITHUB_TRIGGERING_ACTOR GITHUB_WORKFLOW GITHUB_WORKFLOW_REF GITHUB_WORKFLOW_SHA',
  'GITHUB_WORKSPACE RUNNER_ARCH RUNNER_DEBUG RUNNER_ENVIRONMENT RUNNER_NAME RUNNER_OS RUNNER_TEMP RUNNER_TOOL_CACHE',
  'NODE_ENV NODE_OPTIONS NODE_PATH NODE_DEBUG NODE_EXTRA_CA_CERTS NODE_NO_WARNINGS NODE_TLS_REJECT_UNAUTHORIZED NODE_V8_COVERAGE',
].flatMap((line) => line.split(' '));

export function readPlatformNames(): ReadonlySet<string> {
  if (names !== undefined) return names;
  names = new Set(ENVIRONMENT.map((name) => name.toLowerCase()));
  try {
    const lib = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
    for (const file of readdirSync(lib)) {
      if (!/^lib\..*\.d\.ts$/.test(file)) continue;
      for (const name of readFileSync(join(lib, file), 'utf8').match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(name.toLowerCase());
    }
    // The compiler's options (`exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`): a tsconfig
    // setting an answer may name though the repository's tsconfig does not set it.
    const api = readFileSync(join(lib, 'typescript.d.ts'), 'utf8');
    const start = api.indexOf('interface CompilerOptions {');
    const options = start < 0 ? '' : api.slice(start, api.indexOf('\n    }', start));
    for (const match of options.matchAll(/^\s+([A-Za-z_$][\w$]*)\??:/gm)) names.add(match[1]!.toLowerCase());
  } catch {
    // No TypeScript lib: every name is looked up in the repository instead.
  }
  return names;
}
