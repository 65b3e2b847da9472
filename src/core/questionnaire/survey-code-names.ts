import type { ChangeVocabulary } from './change-vocabulary.js';
import { findCodeNames, type CodeName } from './detect-code-names.js';
import { withoutSpanValuesIn } from './example-code.js';
import { isMisspeltFrom, isOneWordFromLines, isShorthandOf, isWrittenInRow, MIN_PIECE } from './name-pieces.js';
import { compileGlobs } from '../globs.js';

// Where the code names of an answer are: in the change (or the question about it), elsewhere in
// the repository, or nowhere. A name found nowhere is another project's; names found only
// elsewhere in the repository are another change's (an explanation of a neighbouring commit
// names that commit's functions), which the validator weighs against the names of this change.

export interface CodeNameSurvey {
  /** The first name that exists neither in the change nor in the repository, as the message shows it
   * ("`useQuery`", "`QueryObserver` (in `QueryObserver.updateResult`)"). */
  readonly unknown: string | null;
  /** The repository's name the unknown one is a typo of (`autoDispose` of `autoDispsoe`), if any. */
  readonly suggestion: string | null;
  /** Names of the change (or of the question), and names only found elsewhere in the repository. */
  readonly inChange: number;
  readonly elsewhere: number;
}

export interface SurveyContext {
  readonly change?: ChangeVocabulary;
  /** `qualifier`: what a member is written after (`React` of `React.renderToString`). */
  readonly nameExists?: (name: string, kind: CodeName['kind'], qualifier?: string) => boolean;
  /** Asked only for the refused name: what the author likely meant. */
  readonly suggestName?: (name: string, kind: CodeName['kind']) => string | undefined;
  /** The question: the names it gives (the export it asks about, a user of it) are this change's facts. */
  readonly question?: string;
}

/** Names looked up in the repository per answer, at most (each may cost a `git grep`). */
const MAX_LOOKUPS = 8;
const DECLARATION = /\b(?:const|let|var|function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g;

/** `prose`: the answer without its example blocks (proseOf), where its names are looked for. */
export function surveyCodeNames(text: string, prose: string, context: SurveyContext): CodeNameSurvey {
  let inChange = 0;
  let elsewhere = 0;
  const result = (unknown: string | null, suggestion: string | null = null) => ({ unknown, suggestion, inChange, elsewhere });
  if (context.nameExists === undefined) return result(null);
  const known = context.change?.names ?? new Set<string>();
  const question = context.question?.toLowerCase() ?? '';
  // A name the answer's own example declares (`const allowedRules = [...]`) is defined right there.
  const declared = new Set([...text.matchAll(DECLARATION)].map((match) => match[1]!.toLowerCase()));
  let lookups = 0;
  for (const name of findCodeNames(withoutSpanValuesIn(prose))) {
    // Of a dotted name, the member it ends with is what it names (`formik.getFieldProps`).
    let isLastInChange = false;
    for (const [index, part] of name.parts.entries()) {
      const lower = part.toLowerCase();
      const isLast = index === name.parts.length - 1;
      if (
        known.has(lower) ||
        declared.has(lower) ||
        (name.kind === 'path' && known.has(lower.split('/').pop() ?? lower)) ||
        isInQuestion(lower, question)
      ) {
        if (isLast) isLastInChange = true;
        continue;
      }
      // Prose makes plurals of names ("the `BlockString`s", "BlockStrings"): the name is the singular.
      const singular = name.kind === 'identifier' && /[^s]s$/.test(part) && part.length > MIN_PIECE ? part.slice(0, -1) : undefined;
      // ... and singulars of them: a `devDependency` is one of `devDependencies`.
      const plural = pluralOf(part, name.kind);
      if ((singular !== undefined && known.has(singular.toLowerCase())) || (plural !== undefined && known.has(plural.toLowerCase()))) {
        if (isLast) isLastInChange = true;
        continue;
      }
      // A glob (`lib/utils/*.js`, `util/*_ie.js`) names the change's files it matches.
      if (name.kind === 'path' && /[*?]/.test(part) && matchesChangedPath(lower, known)) {
        if (isLast) isLastInChange = true;
        continue;
      }
      if (lookups++ >= MAX_LOOKUPS) return result(null);
      if (context.nameExists(part, name.kind, index > 0 ? name.text.split('.')[0] : undefined)) continue;
      if (singular !== undefined && context.nameExists(singular, name.kind)) continue;
      if (plural !== undefined && context.nameExists(plural, name.kind)) continue;
      if (name.kind === 'identifier' && context.change !== undefined && isNearNameOf(part, context.change)) {
        if (isLast) isLastInChange = true;
        continue;
      }
      return result(
        part === name.text ? `\`${part}\`` : `\`${part}\` (in \`${name.text}\`)`,
        context.suggestName?.(part, name.kind) ?? null,
      );
    }
    if (isLastInChange) inChange++;
    else elsewhere++;
  }
  return result(null);
}

/** The plural prose would make of a code name of several words (`devDependency` → `devDependencies`),
 * or of one marked as code by a leading `_` or `$` (`_change()` of the idb adapter's `_changes`:
 * pouchdb 01ba42da36). A plain word (`filler`) is not made plural: any text may hold its plural. */
function pluralOf(part: string, kind: CodeName['kind']): string | undefined {
  if (kind !== 'identifier' || part.length <= MIN_PIECE || /s$/.test(part) || !/[a-z\d][A-Z_]|^[_$][a-z]/.test(part)) return undefined;
  return /[^aeiou]y$/.test(part) ? `${part.slice(0, -1)}ies` : /(?:x|ch|sh)$/.test(part) ? `${part}es` : `${part}s`;
}

/** A name of this change misremembered: shortened, by one word, by one letter (`CallExpresion`),
 * or in another case (`pg_connection_string` of `"pg-connection-string"`). Looked at last: each
 * reads every name of the change. */
function isNearNameOf(part: string, change: ChangeVocabulary): boolean {
  return isShorthandOf(part, change) || isOneWordFromLines(part, change) || isMisspeltFrom(part, change) || isWrittenInRow(part, change);
}

/** Whether the question names it (as a whole word: `useFormik`, app/pages/sign-in.js). */
function isInQuestion(name: string, question: string): boolean {
  if (question === '') return false;
  const at = question.indexOf(name);
  if (at < 0) return false;
  const before = question[at - 1] ?? ' ';
  const after = question[at + name.length] ?? ' ';
  return !/[\w$]/.test(before) && !/[\w$]/.test(after);
}

/** Whether a glob of the answer matches a path of the change (its names hold its paths, lower-cased),
 * from the root or from a folder inside it (`util/*_ie.js` of `lib/sinon/util/timers_ie.js`: a
 * path written from its package's root). */
function matchesChangedPath(glob: string, known: ReadonlySet<string>): boolean {
  const matches = compileGlobs([glob]);
  for (const name of known) {
    if (!/[/.]/.test(name)) continue;
    const folders = name.split('/');
    for (let at = 0; at < folders.length - 1; at++) if (matches(folders.slice(at).join('/'))) return true;
  }
  return false;
}
