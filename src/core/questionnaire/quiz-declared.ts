import type { QuizFile } from './build-quiz.js';

// A quiz whose lines run out before the bar (hatchet b868948006: a new 114-line modal and the one
// line that renders it; a new file has no unchanged lines to offer beside its own, so only that
// line was asked, and a guesser passed 1 in 5) is asked what the change declares: "which of these
// names does this change declare in X?", the right one a name a line the change adds declares
// (`takeMeThere`), the wrong ones names the same file imports (`buildRedirectFrontendHref`) or
// declared before the change. A reader of the file tells a helper it defines from one it imports;
// every choice is a name of that file, so no file name tells them apart.

export interface DeclaredFact {
  readonly path: string;
  readonly answer: string;
  readonly distractors: readonly string[];
}

const NAME = '[A-Za-z_$][\\w$]*';
/** A declaration at the start of a line: JavaScript/TypeScript, Python, Go. */
const DECLARATION = new RegExp(
  [
    `^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\*?|class|interface|type|enum)\\s+(${NAME})`,
    `^\\s*(?:export\\s+)?(?:const|let|var)\\s+(${NAME})\\s*[=:]`,
    `^\\s*(?:async\\s+)?def\\s+(${NAME})\\s*\\(`,
    `^\\s*func\\s+(?:\\([^)]*\\)\\s*)?(${NAME})\\s*[[(]`,
  ].join('|'),
);
/** JavaScript/TypeScript imports (over lines: `import {\n  A,\n  B,\n} from '…'`) and Python's. */
const ES_IMPORT = /^\s*import\s+(?:type\s+)?([\w$*{},\s]+?)\s+from\s*['"]/gm;
const PY_IMPORT = /^\s*from\s+[\w.]+\s+import\s+\(?([\w\s,]+)\)?\s*$/gm;
/** Names too short or too common to be a fact a reader recalls. */
const isMemorable = (name: string) => name.length >= 4 && !/^(?:props|data|result|value|self|this|default|index)$/i.test(name);

/** The names a text declares, each with the indent of the line that declares it (shallowest first). */
function declaredIn(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) {
    const m = DECLARATION.exec(line);
    const name = m?.slice(1).find((n) => n !== undefined);
    if (name === undefined) continue;
    const indent = /^\s*/.exec(line)![0].length;
    if (!out.has(name) || out.get(name)! > indent) out.set(name, indent);
  }
  return out;
}

/** The names a text imports: default and named imports (the local name after `as`), a namespace. */
export function importedIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const [, clause] of text.matchAll(ES_IMPORT))
    for (const part of clause!.replace(/[{}]/g, ',').split(',')) {
      const name = /(?:^|\s)(?:as\s+)?([A-Za-z_$][\w$]*)\s*$/.exec(part.trim().replace(/^type\s+/, ''))?.[1];
      if (name !== undefined && name !== 'type') out.add(name);
    }
  for (const [, clause] of text.matchAll(PY_IMPORT))
    for (const part of clause!.split(',')) {
      const name = /([A-Za-z_]\w*)\s*$/.exec(part.trim())?.[1];
      if (name !== undefined) out.add(name);
    }
  return out;
}

/**
 * The declared-name facts of a file: names that lines the change adds declare and the old side
 * did not, each with wrong choices of the same file (imported names, names declared before the
 * change and still there). `isShown` says whether the review prints a name elsewhere: such a name
 * is neither asked nor offered (the report names a new export as added).
 */
export function findDeclaredFacts(file: QuizFile, isShown: (name: string) => boolean): DeclaredFact[] {
  const added = file.hunks.flatMap((h) => h.added);
  const oldNames = declaredIn(file.oldText.split('\n'));
  const newNames = declaredIn(file.newText.split('\n'));
  const imported = importedIn(file.newText);
  const oldImported = importedIn(file.oldText);
  const fresh = [...declaredIn(added)]
    .filter(([name]) => newNames.has(name) && !oldNames.has(name) && !imported.has(name) && !oldImported.has(name))
    .filter(([name]) => isMemorable(name) && !isShown(name))
    .sort((a, b) => a[1] - b[1]);
  // The wrong ones: on the new side still, and neither declared nor imported anew (so not on one
  // side only), never one the answer holds as a part (`targetOrigin` beside `targetOriginHref`).
  const kept = [...oldNames.keys()].filter((n) => newNames.has(n) && !imported.has(n) && !oldImported.has(n));
  const wrong = [...new Set([...imported].filter((n) => oldImported.has(n) || file.oldText === '').concat(kept))].filter(
    (n) => isMemorable(n) && !isShown(n) && !fresh.some(([f]) => f === n),
  );
  return fresh
    .map(([answer]) => ({ path: file.path, answer, distractors: wrong.filter((n) => !n.includes(answer) && !answer.includes(n)) }))
    .filter((fact) => fact.distractors.length >= 3);
}

/** Wrong names of the answer's case first (a component among components, a helper among helpers). */
export function orderByCase(answer: string, names: readonly string[]): string[] {
  const isUpper = (name: string) => /^[A-Z]/.test(name);
  return [...names.filter((n) => isUpper(n) === isUpper(answer)), ...names.filter((n) => isUpper(n) !== isUpper(answer))];
}
