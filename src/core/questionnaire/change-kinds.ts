import type { ChangeText } from './change-vocabulary.js';
import { classifyWords } from './classify-words.js';
import { FOREIGN_FUNCTION_WORDS } from './connect-to-change.js';

// What KIND of change a patch is, read from its shape alone: it only deletes, or it only edits
// comments. An explanation often says which kind it is without sharing a word with the lines
// ("This file was overlooked and left behind" of a change deleting it, "the sentences and the
// wording" of one rewording doc comments): naming the kind the patch really shows connects it to
// the change (validate-answer.ts); naming one it does not show connects nothing. Kinds tried and
// not kept (tests only, docs only, a dependency's version, a null guard, a typo-sized edit): real
// explanations of other changes name them as often as their own do (docs/questionnaire.md,
// "Kinds of change"). Pure: the caller reads the patch.

export type ChangeKind = 'deletion' | 'comments';

/** A line of a code file that is only a comment: a line or block comment, its continuation, a `#` or an HTML comment. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|#|<!--|-->)/;
/** A file whose lines are code (so a comment line can be told apart): any file with an extension but
 * prose, data, markup or a lock file (a `# heading`, a `* item` of Markdown is no comment), and
 * the build files without one. A language not listed is code (a `.jq` filter's `#` comment). */
const NOT_CODE_PATH = /\.(?:md|mdx|markdown|txt|rst|adoc|html?|xml|svg|json[c5]?|lock|csv|tsv|snap|png|jpe?g|gif|ico)$/i;
const isCodePath = (path: string) =>
  /(?:^|\/)(?:BUILD|Makefile|Dockerfile)$/.test(path) || (/(?:^|\/)[^/]*[^/.]\.[\w-]+$/.test(path) && !NOT_CODE_PATH.test(path));

/** The kinds the patch shows: a kind holds only when every changed line or path is of it. */
export function readChangeKinds(change: ChangeText): ReadonlySet<ChangeKind> {
  const kinds = new Set<ChangeKind>();
  let added = 0;
  let removed = 0;
  let path = '';
  let codeLines = 0;
  let commentLines = 0;
  let deletedFiles = 0;
  for (const line of change.patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      path = /^diff --git a\/.* b\/(.*)$/.exec(line)?.[1] ?? '';
      continue;
    }
    if (line.startsWith('deleted file mode')) deletedFiles++;
    if (line.startsWith('+++') || line.startsWith('---') || !(line.startsWith('+') || line.startsWith('-'))) continue;
    const text = line.slice(1);
    if (text.trim() === '') continue;
    if (line.startsWith('+')) added++;
    else removed++;
    if (isCodePath(path)) {
      codeLines++;
      if (COMMENT_LINE.test(text)) commentLines++;
    } else codeLines = Number.NaN; // a line outside code: not a comments-only change
  }
  if (added === 0 && (removed > 0 || deletedFiles > 0)) kinds.add('deletion');
  if (codeLines > 0 && commentLines === codeLines) kinds.add('comments');
  return kinds;
}

/** How an answer names each kind, in English and the other languages answers are written in
 * (es, fr, de, pt, ru, zh, ja, ko): word starts (a Latin or Cyrillic one begins a word; CJK text
 * has no spaces), matched on the lower-cased answer. */
const KIND_WORDS: Record<ChangeKind, { readonly starts: string; readonly cjk: string }> = {
  deletion: {
    starts:
      'unused dead.code obsolet no.longer.used no.longer.needed superfluous redundant leftover left.behind sin.uso inutilis obsolèt ungenutzt überflüssig veraltet não.usad неиспольз лишн устаревш',
    cjk: '未使用 无用 多余 废弃 不要 使われていない 사용하지.않 불필요',
  },
  comments: {
    starts:
      'typo spelling misspel wording grammar rephras reword copyright cosmetic non-functional errata ortograf redacci coquille orthograph formulation tippfehler rechtschreib formulierung redação опечат орфограф формулиров',
    cjk: '拼写 错别字 笔误 措辞 誤字 タイポ 文言 誤植 오타 맞춤법 문구',
  },
};

/** A word written `a.b` is two words ("dead code"). */
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\./g, '\\s+');
/** Each kind's words as one pattern: a Latin or Cyrillic start after a non-letter, or a CJK word anywhere. */
const KIND_PATTERNS = Object.fromEntries(
  Object.entries(KIND_WORDS).map(([kind, words]) => [
    kind,
    new RegExp(`(?<!\\p{L})(?:${words.starts.split(' ').map(escape).join('|')})|${words.cjk.split(' ').map(escape).join('|')}`, 'u'),
  ]),
) as Record<ChangeKind, RegExp>;

/** Whether the answer names a kind of change the patch shows. */
export function namesChangeKind(text: string, kinds: ReadonlySet<ChangeKind>): boolean {
  if (kinds.size === 0) return false;
  const lower = text.toLowerCase();
  for (const kind of kinds) if (KIND_PATTERNS[kind].test(lower)) return true;
  return false;
}

const ALL_KIND_WORDS = new RegExp(
  Object.values(KIND_PATTERNS)
    .map((pattern) => pattern.source)
    .join('|'),
  'gu',
);
/** Words of the other languages that any change's answer may say ("código", "Änderung", "eliminé"),
 * as GENERIC_WORDS are for English: not what an answer says besides its kind. */
const FOREIGN_GENERIC =
  /^(?:c[oó]dig|codic|code$|archiv|fichier|datei|arquivo|cambi|changement|änderung|alteraç|modific|elimin|quit|borr|supprim|retir|entfern|lösch|apag|corrig|korrig|arregl|actualiz|atualiz|aktualis|limpi|nettoy|aufräum|bereinig|код|файл|измен|исправ|удал|обнов|очист)/u;
/** Answer units needed besides the kind: as many as a specific answer needs (validate-answer.ts). */
const MIN_CONTENT = 2;
const MIN_SPECIFIC = 3;

/** Whether the answer says more than a kind of change: specific once its kind words ("unused",
 * "wording", "sin uso") and what any change's answer says are set aside. "Cleaned up unused code."
 * or "Quité código sin uso." is no explanation of a change that only deletes. */
export function saysMoreThanKind(text: string, questionWords: ReadonlySet<string>): boolean {
  const counts = classifyWords(text.replace(ALL_KIND_WORDS, ' '), questionWords);
  let content = counts.cjkUnits;
  for (const word of counts.content)
    if ([...word].length > 3 && !FOREIGN_GENERIC.test(word) && !FOREIGN_FUNCTION_WORDS.has(word)) content++;
  return content >= MIN_CONTENT && content + counts.names.size >= MIN_SPECIFIC;
}
