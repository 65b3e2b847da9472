import { editOfTexts, editShape, formatTokenEdit } from './same-edit.js';

// A function's overloads, rewritten or reordered, are told one by one: drizzle-orm 3c16597769 moves
// `drizzle`'s overloads for `'aws-data-api-pg'` and `'mysql2'` to the front and makes the first one's
// `params` required; its question said "changed its signature" and nothing else. Read from the
// file's edit text (same-edit.ts: each hunk's lines, trimmed): an overload is a `function NAME`
// head up to the `;` that ends it without a body.

/** More overloads named than this, they are counted. */
const MAX_TOLD = 3;

/** Each overload of `name` the lines of one side of an edit declare whole, in order. */
function overloadsOf(edit: string, name: string, mark: string): string[] {
  const head = new RegExp(`^(?:export\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  const found: string[] = [];
  let open: string[] | undefined;
  for (const hunk of edit.split('\n@@\n')) {
    open = undefined;
    for (const line of hunk.split('\n')) {
      if (!line.startsWith(mark)) {
        open = undefined;
        continue;
      }
      const text = line.slice(1).trim();
      if (open === undefined && head.test(text)) open = [];
      if (open === undefined) continue;
      open.push(text);
      // A body opens: the implementation, no overload.
      if (text.endsWith('{')) open = undefined;
      else if (text.endsWith(';')) {
        found.push(
          open
            .join(' ')
            .replace(/\(\s+/g, '(')
            .replace(/,?\s+\)/g, ')'),
        );
        open = undefined;
      }
    }
  }
  return found;
}

/** An overload by its first parameter: `client: 'mysql2'`. */
function labelOf(signature: string): string {
  const params = signature.slice(signature.indexOf('(', signature.search(/>\s*\(|\w\s*\(/)) + 1);
  let depth = 0;
  let end = 0;
  for (; end < params.length; end++) {
    const c = params[end]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
  }
  return params.slice(0, end).trim();
}

const quote = (labels: readonly string[]) => {
  const shown = labels.slice(0, MAX_TOLD).map((l) => `\`${l}\``);
  const more = labels.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
};

/** " (the overload `client: 'aws-data-api-pg'` changed: `params?` → `params`; the overload
 * `client: 'mysql2'` moved)": what the edit does to `name`'s
 * overloads; '' where it declares none whole on either side, or names none apart. */
export function describeOverloadEdit(name: string, edit: string | undefined): string {
  if (edit === undefined) return '';
  const [was, now] = [overloadsOf(edit, name, '-'), overloadsOf(edit, name, '+')];
  if (was.length + now.length < 2) return '';
  const moved = now.filter((s) => was.includes(s));
  const [gone, come] = [was.filter((s) => !now.includes(s)), now.filter((s) => !was.includes(s))];
  const changed: string[] = [];
  for (const signature of [...come]) {
    const label = labelOf(signature);
    const before = gone.find((s) => labelOf(s) === label);
    const shown = before === undefined ? undefined : editShape(editOfTexts(before, signature))?.shown;
    if (before === undefined || shown === undefined || label === '') continue;
    changed.push(`\`${label}\` changed: ${formatTokenEdit(shown).slice(2, -1)}`);
    gone.splice(gone.indexOf(before), 1);
    come.splice(come.indexOf(signature), 1);
  }
  const moves = [...new Set(moved.map(labelOf))];
  const [added, removed] = [come.map(labelOf), gone.map(labelOf)];
  // Two overloads told by the same first parameter (`client: string`) are no two names.
  if ([...moves, ...added, ...removed].some((l) => l === '' || l.includes('`'))) return '';
  const plural = (labels: readonly string[]) => (labels.length === 1 ? 'the overload' : 'the overloads');
  const parts = [
    changed.length === 0 ? '' : `${changed.length === 1 ? 'the overload' : 'the overloads'} ${changed.slice(0, MAX_TOLD).join(', ')}`,
    added.length === 0 ? '' : `${plural(added)} ${quote(added)} added`,
    removed.length === 0 ? '' : `${plural(removed)} ${quote(removed)} removed`,
    moves.length === 0 ? '' : `${plural(moves)} ${quote(moves)} moved`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` (${parts.join(changed.length > 0 ? '; ' : ', ')})`;
}
