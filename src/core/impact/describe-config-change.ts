// Configuration whose change alters how everything builds, runs or deploys: named so the risk
// says what changed ("package.json: dependencies `srvx` ^0.2.8 → ^0.4.0 changed, `rou3`
// removed"), not only that a file did. Each name has its own verb: "`lint` added", never "`lint`
// added changed".

const CONFIG_FILES: Array<[RegExp, string]> = [
  [/(?:^|\/)tsconfig(?:\.[\w-]+)?\.json$/, 'TypeScript config'],
  [/^\.github\/workflows\/|(?:^|\/)\.gitlab-ci\.yml$|(?:^|\/)Jenkinsfile$|^\.circleci\/|(?:^|\/)azure-pipelines\.yml$/, 'CI configuration'],
  [/(?:^|\/)Dockerfile(?:\.[\w-]+)?$|(?:^|\/)docker-compose[\w.-]*\.ya?ml$|(?:^|\/)compose\.ya?ml$/, 'container build'],
  [/(?:^|\/)migrations?\//, 'database migration'],
];

const PACKAGE_KEYS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'scripts',
  'exports',
  'main',
  'bin',
  'engines',
  'type',
];

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const DEPENDENCY_KEYS = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']);
const MAX_NAMED = 3;

/** What changed under one key, by name: "`srvx` ^0.2.8 → ^0.4.0 changed", "`lint` added" (a
 * maintainer's first question is which dependency moved, not that one did). */
function namedChanges(key: string, a: unknown, b: unknown): string {
  const [old, now] = [a, b].map((v) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}));
  const names = [...new Set([...Object.keys(old!), ...Object.keys(now!)])].filter(
    (name) => JSON.stringify(old![name]) !== JSON.stringify(now![name]),
  );
  if (names.length === 0) return `${key} changed`;
  const value = (v: unknown) => (typeof v === 'string' ? v.replace(/\p{Cc}/gu, '').slice(0, 40) : '…');
  const one = (name: string) =>
    !(name in old!)
      ? `\`${name}\` added`
      : !(name in now!)
        ? `\`${name}\` removed`
        : DEPENDENCY_KEYS.has(key)
          ? `\`${name}\` ${value(old![name])} → ${value(now![name])} changed`
          : `\`${name}\` changed`;
  const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '';
  return `${key} ${names.slice(0, MAX_NAMED).map(one).join(', ')}${more}`;
}

/** A description of a configuration change, or null when the file is not configuration. */
export function describeConfigChange(path: string, before: string | null, after: string | null): string | null {
  if (/(?:^|\/)package\.json$/.test(path)) {
    const [a, b] = [parseJson(before), parseJson(after)];
    if (a === null || b === null) return `${path}: ${after === null ? 'removed' : before === null ? 'added' : 'changed'}`;
    const keys = PACKAGE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
    const named = keys.map((key) => (DEPENDENCY_KEYS.has(key) || key === 'scripts' ? namedChanges(key, a[key], b[key]) : `${key} changed`));
    return keys.length > 0 ? `${path}: ${named.join('; ')}` : null;
  }
  const match = CONFIG_FILES.find(([pattern]) => pattern.test(path));
  return match ? `${path}: ${match[1]} changed` : null;
}
