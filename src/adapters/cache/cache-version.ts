import { readTypescriptVersion } from '../typescript/typescript-version.js';

// What the saved blast-radius data (module records, the graph, the routes) depends on besides its
// format: TypeScript's version, and this build of selfreview. A record or a route is the answer
// of the code that made it: a release that changes how a file is read or walked must not take a
// user's saved answers for its own. scripts/bundle.mjs writes the digest of the bundle's code in
// place of the placeholder below (same length, so source maps stay right); run from tsc's output
// (tests that import dist/ directly) it stays the placeholder.
const BUILD = 'selfreview-unbundled-build-id';

/** The version every saved blast-radius file is keyed by: TypeScript's (read once a process) and this build's. */
export function readCacheVersion(): string {
  return `${readTypescriptVersion()} ${BUILD}`;
}
