// Files of one setting or one pattern a line say what changed by their lines: an ignore file
// (`.gitignore`, `.npmignore`, a template's `_gitignore`) lists paths a tool skips, an `.npmrc` or a
// `.properties` file sets `key=value`. create-t3-app 969ebe92b5's template `_gitignore` gains
// `/generated/` and was asked "What does the change to cli/template/base/_gitignore do?".

import { listNames } from '../text/list-names.js';

/** `.gitignore`, `.npmignore`, `.prettierignore`, `_gitignore`: the tool's name before "ignore". */
const IGNORE_FILE = /(?:^|\/)[._]?([\w-]*)ignore$/;
/** Files of `key=value` lines (npm's and yarn's rc files, Java properties, ini files). */
const SETTINGS_FILE = /(?:^|\/)(?:\.npmrc|\.yarnrc|[^/]+\.properties|[^/]+\.ini)$/;
const MAX_LINE = 50;

/** The edit's lines of one side, comments and blank lines left out, each short enough to quote. */
function sideLines(edit: string, mark: '+' | '-'): string[] | null {
  const lines = edit
    .split('\n')
    .filter((line) => line[0] === mark)
    .map((line) => line.slice(1).trim())
    .filter((line) => line !== '' && !/^[#;]/.test(line));
  return lines.some((line) => line.length > MAX_LINE || line.includes('`')) ? null : [...new Set(lines)];
}

const quote = (lines: readonly string[]) =>
  listNames(
    lines.map((line) => `\`${line}\``),
    3,
  );

/** The question on an ignore or settings file's edit, naming its lines; null for other files, or
 * when a line is too long to quote or nothing but comments changed. */
export function settingsQuestion(label: string, rest: string, edit: string): string | null {
  const ignore = IGNORE_FILE.exec(label);
  if (ignore === null && !SETTINGS_FILE.test(label)) return null;
  const [added, removed] = [sideLines(edit, '+'), sideLines(edit, '-')];
  if (added === null || removed === null) return null;
  const [now, gone] = [added.filter((l) => !removed.includes(l)), removed.filter((l) => !added.includes(l))];
  if (now.length + gone.length === 0) return null;
  if (ignore !== null) {
    const tool = ignore[1] === '' ? 'the tool that reads it' : ignore[1]!;
    const parts = [now.length > 0 ? `now ignores ${quote(now)}` : '', gone.length > 0 ? `no longer ignores ${quote(gone)}` : ''];
    const why =
      gone.length === 0
        ? `what produces those files, and why should ${tool} skip them`
        : now.length === 0
          ? `which files does ${tool} see now, and why should it`
          : `why should ${tool} treat them differently now`;
    return `${label}${rest} ${parts.filter((p) => p !== '').join(' and ')}: ${why}?`;
  }
  const parts = [now.length > 0 ? `sets ${quote(now)}` : '', gone.length > 0 ? `no longer sets ${quote(gone)}` : ''];
  return `The change to ${label}${rest} ${parts.filter((p) => p !== '').join(' and ')}: what reads these settings, and what do they change?`;
}
