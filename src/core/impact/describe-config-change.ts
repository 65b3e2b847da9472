// Configuration whose change alters how everything builds, runs or deploys: named so the risk
// says what changed ("package.json: dependencies, scripts"), not only that a file did.

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

/** A description of a configuration change, or null when the file is not configuration. */
export function describeConfigChange(path: string, before: string | null, after: string | null): string | null {
  if (/(?:^|\/)package\.json$/.test(path)) {
    const [a, b] = [parseJson(before), parseJson(after)];
    if (a === null || b === null) return `${path}: ${after === null ? 'removed' : before === null ? 'added' : 'changed'}`;
    const keys = PACKAGE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
    return keys.length > 0 ? `${path}: ${keys.join(', ')} changed` : null;
  }
  const match = CONFIG_FILES.find(([pattern]) => pattern.test(path));
  return match ? `${path}: ${match[1]} changed` : null;
}
