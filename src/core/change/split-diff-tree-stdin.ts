// `git diff-tree --stdin -z --raw --numstat` prints, for each commit it reads, the commit id and
// then that commit's records. Splits the output per commit so each part parses as one diff:
// one git spawn for a whole range instead of one per commit.

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export function splitDiffTreeByCommit(output: string): Map<string, string> {
  const tokens = output.split('\0');
  const parts = new Map<string, string[]>();
  let current: string[] | null = null;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++]!;
    if (token === '') continue;
    if (token.startsWith(':')) {
      // A raw record: its path, or two for a rename or copy.
      const letter = token.slice(1).split(' ')[4]?.[0] ?? '';
      const count = letter === 'R' || letter === 'C' ? 2 : 1;
      current?.push(token, ...tokens.slice(i, i + count));
      i += count;
    } else if (token.includes('\t')) {
      // A numstat record; an empty path means the old and new paths follow.
      const inline = token.split('\t')[2] ?? '';
      const count = inline === '' ? 2 : 0;
      current?.push(token, ...tokens.slice(i, i + count));
      i += count;
    } else if (OBJECT_ID.test(token)) {
      current = [];
      parts.set(token, current);
    }
  }
  return new Map([...parts].map(([commit, list]) => [commit, list.length > 0 ? `${list.join('\0')}\0` : '']));
}
