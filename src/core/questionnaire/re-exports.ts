import { listNames } from '../text/list-names.js';
import { sideLines } from './same-edit.js';

// A barrel whose change only re-exports (Flowise e002e617df's packages/components/src/index.ts
// gains `export * from './pythonCodeValidator'`) was asked "What does the change to
// packages/components/src/index.ts do?". What it does is what it now passes on, or no longer
// does: read from the file's edit text (same-edit.ts), every changed line a re-export.

const RE_EXPORT = /\bexport\s+(type\s+)?(?:\*\s*(?:as\s+([\w$]+)\s*)?|\{([^}]*)\})\s*from\s*(['"])([^'"]+)\4\s*;?/g;

/** Each side's re-exports as "everything of `./x`", "`ns` (all of `./x`)" or "`a` from `./x`";
 * null when a side holds anything else. */
function reExportsOf(text: string): string[] | null {
  const out: string[] = [];
  const rest = text.replace(RE_EXPORT, (_, __, namespace: string | undefined, braces: string | undefined, ___, specifier: string) => {
    if (braces === undefined)
      out.push(namespace === undefined ? `everything of \`${specifier}\`` : `\`${namespace}\` (all of \`${specifier}\`)`);
    else
      for (const part of braces.split(',').map((p) => p.trim().replace(/^type\s+/, ''))) {
        if (part !== '') out.push(`\`${part.split(/\s+as\s+/).pop()!}\` from \`${specifier}\``);
      }
    return '';
  });
  // Comments and blank lines beside them say nothing more.
  return /^(?:\s|;|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/.test(rest) ? out : null;
}

/** "In src/index.ts, the change now re-exports everything of `./pythonCodeValidator`: …?", or null
 * when the file's edit is not re-exports alone. */
export function reExportQuestion(file: string, edit: string | undefined): string | null {
  if (edit === undefined) return null;
  const side = (mark: '-' | '+') => reExportsOf(sideLines(edit, mark).join('\n'));
  const [before, after] = [side('-'), side('+')];
  if (before === null || after === null) return null;
  const [gained, lost] = [after.filter((e) => !before.includes(e)), before.filter((e) => !after.includes(e))];
  if (gained.length + lost.length === 0) return null;
  const acts = [
    gained.length > 0 ? `now re-exports ${listNames(gained, 3)}` : '',
    lost.length > 0 ? `no longer re-exports ${listNames(lost, 3)}` : '',
  ].filter((a) => a !== '');
  const many = gained.length + lost.length > 1 || gained.some((g) => g.startsWith('everything'));
  return lost.length > 0 && gained.length === 0
    ? `In ${file}, the change ${acts.join(' and ')}: which files imported ${many ? 'them' : 'it'} from here, and where do they find ${many ? 'them' : 'it'} now?`
    : `In ${file}, the change ${acts.join(' and ')}: which files import ${many ? 'them' : 'it'} from here, and what do they need ${many ? 'them' : 'it'} for?`;
}
