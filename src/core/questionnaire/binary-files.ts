import type { FileChange } from '../change/staged-change.js';
import { listNames } from '../text/list-names.js';

// A binary file has no lines to ask about: plane 588dc2927e adds two `.webp` logos that its
// changed not-ready-view.tsx imports, and each was asked "What does the change to
// apps/web/app/assets/auth/gradient-logo.webp do?". What an author can answer of it is whether
// it is new, replaced or removed, what it is (an image, a font) and where it is shown: the files
// of the change that name it. Binary files are asked about once, together.

const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|heic)$/i;
const FONT = /\.(?:woff2?|ttf|otf|eot)$/i;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** "an image", "images", "a font", "binary files": what the files are, by their extension. */
function kindOf(paths: readonly string[]): string {
  const one = paths.length === 1;
  if (paths.every((p) => IMAGE.test(p))) return one ? 'an image' : 'images';
  if (paths.every((p) => FONT.test(p))) return one ? 'a font' : 'fonts';
  return one ? 'a binary file' : 'binary files';
}

/**
 * The question on a change's binary files, or null when it has none. `edits` are the text files'
 * edits (same-edit.ts): a file whose edit names a binary file by its name uses it.
 */
export function binaryQuestion(files: readonly FileChange[], edits: ReadonlyMap<string, string>): string | null {
  const binary = files.filter((f) => f.binary && f.excluded === null);
  if (binary.length === 0) return null;
  const paths = binary.map((f) => f.path);
  const one = paths.length === 1;
  const status = binary.every((f) => f.status === 'added')
    ? 'new'
    : binary.every((f) => f.status === 'deleted')
      ? 'removed'
      : binary.every((f) => f.status === 'modified')
        ? 'replaced'
        : 'added, replaced or removed';
  const users = [...edits]
    .filter(([path, edit]) => !paths.includes(path) && paths.some((p) => edit.includes(baseName(p))))
    .map(([path]) => path);
  const named = listNames(
    paths.map((p) => `\`${p}\``),
    2,
  );
  const kind = kindOf(paths);
  const it = one ? 'it' : 'them';
  const what =
    status === 'new'
      ? `${named} ${one ? `is ${kind.replace(/^an? /, 'a new ')}` : `are new ${kind}`}`
      : status === 'replaced'
        ? `${named} ${one ? `is ${kind} replaced by a new version` : `are ${kind} replaced by new versions`}`
        : status === 'removed'
          ? `${named} ${one ? `is ${kind}` : `are ${kind}`} the change removes`
          : `${named} ${one ? `is ${kind}` : `are ${kind}`} the change adds, replaces or removes`;
  const where = users.length > 0 ? ` (named in ${listNames(users, 2)}, changed here)` : '';
  if (status === 'removed') return `${what}${where}: what showed ${it}, and what shows in ${one ? 'its' : 'their'} place?`;
  return `${what}${where}: what ${one ? 'does it' : 'do they'} show, and where do users see ${it}?`;
}
