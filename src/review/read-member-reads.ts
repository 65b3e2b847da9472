import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import type { ChangedMembers } from '../core/questionnaire/changed-members.js';
import { shownName } from '../core/impact/shown-name.js';
import { findMemberRead, listReadMembers, type MemberRead, type MemberReads } from '../core/questionnaire/member-reads.js';

// The users of each changed class that read the member the change altered (member-reads.ts), from
// their staged text: the unit question names that reader.

const MAX_USERS = 40;
const MAX_FILES = 200;
const MAX_FILE_BYTES = 512 * 1024;

export async function readMemberReads(
  analysis: ReviewAnalysis,
  members: ChangedMembers | undefined,
  readTexts: (paths: readonly string[]) => Promise<Map<string, string>>,
): Promise<MemberReads | undefined> {
  const wanted = (analysis.impact?.changedSymbols ?? []).flatMap((symbol) => {
    const names = symbol.change === 'body-changed' || symbol.change === 'shape-changed' ? listReadMembers(members, symbol) : null;
    if (names === null) return [];
    const users = [...symbol.valueUsers, ...symbol.typeUsers].slice(0, MAX_USERS).map((u) => u.path);
    const owner = { name: shownName(symbol), path: symbol.path };
    return users.length === 0 ? [] : [{ key: `${symbol.path}#${symbol.name}`, names, users, owner }];
  });
  if (wanted.length === 0) return undefined;
  const paths = [...new Set(wanted.flatMap((w) => w.users))].slice(0, MAX_FILES);
  const texts = await readTexts(paths);
  return new Map(
    wanted.map(({ key, names, users, owner }) => {
      const reads = new Map<string, MemberRead>();
      for (const path of users) {
        const text = texts.get(path);
        const read = text === undefined || text.length > MAX_FILE_BYTES ? null : findMemberRead(text, names, owner);
        if (read !== null) reads.set(path, read);
      }
      return [key, reads];
    }),
  );
}
