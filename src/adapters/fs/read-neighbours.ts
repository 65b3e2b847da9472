import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The quiz of a file deleted whole takes its wrong choices from the files beside it (quiz-deleted.ts).

/** Files beside a deleted one read at most, and their size each. */
const MAX_NEIGHBOURS = 3;
const MAX_NEIGHBOUR_BYTES = 256 * 1024;

/** The text of up to three files of the deleted file's folder and extension that the change leaves
 * alone, read from the working tree, in name order; undefined when there is none. */
export function readNeighbours(root: string, path: string, changed: ReadonlySet<string>): string | undefined {
  const at = path.lastIndexOf('/');
  const folder = at < 0 ? '' : path.slice(0, at);
  const extension = /\.[^./]+$/.exec(path)?.[0];
  if (extension === undefined) return undefined;
  let names: string[];
  try {
    names = readdirSync(join(root, folder)).sort();
  } catch {
    return undefined;
  }
  const texts: string[] = [];
  for (const name of names) {
    const sibling = folder === '' ? name : `${folder}/${name}`;
    if (!name.endsWith(extension) || changed.has(sibling)) continue;
    try {
      const stat = statSync(join(root, sibling));
      if (!stat.isFile() || stat.size > MAX_NEIGHBOUR_BYTES) continue;
      texts.push(readFileSync(join(root, sibling), 'utf8'));
    } catch {
      continue;
    }
    if (texts.length === MAX_NEIGHBOURS) break;
  }
  return texts.length === 0 ? undefined : texts.join('\n');
}
