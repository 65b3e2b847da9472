import { listNames } from '../text/list-names.js';

// A change to doc comments alone changes no syntax, so no piece holds it and it was asked nothing
// (ramda 612d6a09d2 rewords `flip`'s comment: "the first two arguments are swapped"), yet what an
// export's comment says is what its users' editors show them. Its question quotes what the
// comment now says, so the author tells whether it is true of the code.

export interface RewordedDoc {
  /** The declaration the comment documents. */
  readonly name: string;
  /** The comment's lines the new side has and the old one does not, as written (tags and all). */
  readonly said: readonly string[];
}

/** A doc comment, the line comments after it, and the declaration it documents, exported or not. */
const DOCUMENTED =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:\/\/[^\n]*\n\s*)*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|interface|type|const|let|var|function\*?|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;

const MAX_SAID = 70;

/** A comment's lines without their leading `*`, blank ones left out. */
const linesOf = (body: string) =>
  body
    .split('\n')
    // Aligned anew (ramda d4443e627f's `//=> 1` columns) is the same line.
    .map((line) =>
      line
        .replace(/^\s*\*?\s?/, '')
        .trim()
        .replace(/\s+/g, ' '),
    )
    .filter((line) => line !== '');

function readDocs(text: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  // An overload's comment beside another's: the name's comments, all of them.
  for (const match of text.matchAll(DOCUMENTED)) docs.set(match[2]!, [...(docs.get(match[2]!) ?? []), ...linesOf(match[1]!)]);
  return docs;
}

/** The declarations documented on both sides whose comment gains lines. */
export function diffDocComments(oldText: string, newText: string): RewordedDoc[] {
  const before = readDocs(oldText);
  return [...readDocs(newText)].flatMap(([name, lines]) => {
    const old = before.get(name);
    if (old === undefined) return [];
    const said = lines.filter((line) => !old.includes(line));
    return said.length === 0 ? [] : [{ name, said }];
  });
}

// Quoted as code, so the quiz offers no line the question quotes (listPrintedPhrases); a line
// holding a backtick cannot be, and is quoted last.
const quoteLine = (line: string) => `\`${line.length > MAX_SAID ? `${line.slice(0, MAX_SAID - 1)}…` : line}\``;
const byQuotable = (lines: readonly string[]) => [...lines.filter((l) => !l.includes('`')), ...lines.filter((l) => l.includes('`'))];

/** "In source/flip.js, only the doc comment of `flip` changed: it now says "…": is that what
 * `flip` does, …?"; null when no comment gained a line. */
export function rewordedQuestion(label: string, rest: string, reworded: readonly RewordedDoc[] | undefined): string | null {
  const [first, ...others] = reworded ?? [];
  if (first === undefined) return null;
  const more =
    others.length > 0
      ? ` (and those of ${listNames(
          others.map((d) => `\`${d.name}\``),
          2,
        )})`
      : '';
  const said = byQuotable(first.said)
    .slice(0, 2)
    .map((line) => quoteLine(line.replace(/`/g, "'")))
    .join(' and ');
  return `In ${label}${rest}, only the doc comment of \`${first.name}\`${more} changed, and it now says ${said}${first.said.length > 2 ? ' …' : ''}: is that what \`${first.name}\` does, and what did the old comment get wrong?`;
}
