import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The quiz of a file deleted whole, or of a short one, takes wrong choices from the files beside it
// (quiz-deleted.ts, quiz-beside.ts).

/** Files beside a deleted one read at most, and their size each. */
const MAX_NEIGHBOURS = 3;
const MAX_NEIGHBOUR_BYTES = 256 * 1024;

/** Up to three files of the file's folder and extension that the change leaves alone, read from
 * the working tree, in name order. */
export function readNeighbours(root: string, path: string, changed: ReadonlySet<string>): Array<{ path: string; text: string }> {
  const at = path.lastIndexOf('/');
  const folder = at < 0 ? '' : path.slice(0, at);
  const extension = /\.[^./]+$/.exec(path)?.[0];
  if (extension === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(join(root, folder)).sort();
  } catch {
    return [];
  }
  const texts: Array<{ path: string; text: string }> = [];
  for (const name of names) {
    const sibling = folder === '' ? name : `${folder}/${name}`;
    if (!name.endsWith(extension) || changed.has(sibling)) continue;
    try {
      const stat = statSync(join(root, sibling));
      if (!stat.isFile() || stat.size > MAX_NEIGHBOUR_BYTES) continue;
      texts.push({ path: sibling, text: readFileSync(join(root, sibling), 'utf8') });
    } catch {
      continue;
    }
    if (texts.length === MAX_NEIGHBOURS) break;
  }
  return texts;
}
