import { editOfTexts, editShape, formatTokenEdit } from './same-edit.js';

// A local introduced and put in place of an expression: botpress 7bca2316ec's `addAttachmentToIssue`
// gains `const blobData = attachment.data instanceof Uint8Array ? new Uint8Array(…) : …` and passes
// `blobData` where it passed `attachment.data`. Two edits, so no one token edit quoted it, and the
// question said "(`addAttachmentToIssue` changed)": where, not what.

const DECLARES = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*[:=]/;

/**
 * " (`piece`: `[attachment.data]` → `[blobData]`, with a new local `blobData`)" where the piece's edit
 * is one new local's declaration (and the comments added with it) plus one token edit that uses it.
 */
export function describeNewLocalUse(piece: string, [before, after]: readonly [string, string]): string | undefined {
  const had = new Set(before.split('\n').map((line) => line.trim()));
  const gained = after.split('\n').filter((line) => !had.has(line.trim()));
  const declared = gained.filter((line) => DECLARES.test(line.trim()));
  if (declared.length !== 1) return undefined;
  const local = DECLARES.exec(declared[0]!.trim())![1]!;
  // Its declaration on one line, and no other line it gains but comments and the edit that uses it.
  const dropped = new Set([declared[0]!, ...gained.filter((line) => line.trim().startsWith('//'))]);
  const shown = editShape(
    editOfTexts(
      before,
      after
        .split('\n')
        .filter((line) => !dropped.has(line))
        .join('\n'),
    ),
  )?.shown;
  if (shown === undefined || !new RegExp(`(?<![\\w$])${local.replace(/\$/g, '\\$')}(?![\\w$])`).test(shown[1])) return undefined;
  return ` (\`${piece}\`: ${formatTokenEdit(shown).slice(2, -1)}, with a new local \`${local}\`)`;
}
