// Transitive users, as the language service sees them, under the product's definition of
// "carried" (docs/impact.md): in a file that uses a changed export, the top-level declarations
// holding a use carry the change, so do the declarations of that file that refer to those (in
// turn), and the exported ones among them carry it on to their own users (findReferences of
// each, and so on). A reference in an import/export clause passes the name on and is no use
// (findReferences already follows the alias through barrels). Bounded: at most `maxQueries`
// findReferences of carried exports per changed export, nearest first; past it the closure is a
// sample (its files are all reached, not all files reached are in it) and `sampled` says so.
import ts from 'typescript';
import { ownReferences } from './oracle-service.mjs';

/** The top-level statement holding `pos`, or undefined. */
function statementAt(sf, pos) {
  const statements = sf.statements;
  let [lo, hi] = [0, statements.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid];
    if (pos < s.getStart(sf)) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const isExported = (s) => (ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Name nodes a statement declares (binding patterns walked). */
function declaredNames(statement) {
  const names = [];
  const bind = (name) => {
    if (ts.isIdentifier(name)) names.push(name);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) bind(d.name);
  else if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  )
    names.push(statement.name);
  return names;
}

/** Positions to ask findReferences for the exports an affected statement carries the change to. */
function exportTargets(sf, statement, highlighted) {
  if (ts.isExportAssignment(statement))
    return [
      statement
        .getChildren(sf)
        .find((c) => c.kind === ts.SyntaxKind.DefaultKeyword || c.kind === ts.SyntaxKind.EqualsToken)
        ?.getStart(sf) ?? statement.expression.getStart(sf),
    ];
  if (
    ts.isExportDeclaration(statement) &&
    !statement.moduleSpecifier &&
    statement.exportClause &&
    ts.isNamedExports(statement.exportClause)
  )
    return statement.exportClause.elements
      .filter((e) => highlighted.some((p) => p >= e.getStart(sf) && p < e.end))
      .map((e) => e.name.getStart(sf));
  if (!isExported(statement)) return [];
  const modifiers = ts.getModifiers(statement) ?? [];
  const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const names = declaredNames(statement).map((n) => n.getStart(sf));
  if (names.length === 0 && isDefault) return [modifiers.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword).getStart(sf)];
  return names;
}

/**
 * Files reached beyond the changed file by following references outward from `start` (a file
 * and a position in it), each with its depth (1: a direct user). `isUse(file, pos)` says whether
 * a reference is a use (not an import/export clause); `firstHop(file, pos)` filters depth 1
 * (a changed re-export counts only references through its barrel).
 */
export function transitiveFiles(
  service,
  start,
  { isUse, firstHop = () => true, isType = () => false, isImplementation = false, maxQueries = 300 },
) {
  const program = service.getProgram();
  const reached = new Map(); // file -> depth
  const from = new Map(); // file -> the file whose export it was first reached through
  const affected = new Map(); // file -> Set of statements
  const queried = new Set();
  // Each meaning of the export (`declarationStarts`).
  let queue = (start.positions ?? [start.pos]).map((pos) => ({ file: start.file, pos }));
  let queries = 0;
  let sampled = false;
  for (let depth = 1; queue.length > 0; depth++) {
    const next = [];
    const hits = new Map(); // file -> positions of uses found this level
    for (const target of queue) {
      const key = `${target.file}:${target.pos}`;
      if (queried.has(key)) continue;
      if (queries >= maxQueries) {
        sampled = true;
        break;
      }
      queried.add(key);
      queries++;
      for (const ref of ownReferences(service, target.file, target.pos)) {
        if (ref.isDefinition || ref.fileName === target.file || ref.fileName === start.file) continue;
        const pos = ref.textSpan.start;
        if (!isUse(ref.fileName, pos) || (depth === 1 && !firstHop(ref.fileName, pos))) continue;
        if (!hits.has(ref.fileName)) hits.set(ref.fileName, []);
        if (!reached.has(ref.fileName) && !from.has(ref.fileName)) from.set(ref.fileName, target.file);
        hits.get(ref.fileName).push(pos);
      }
    }
    for (const [file, positions] of hits) {
      if (!reached.has(file)) reached.set(file, depth);
      const sf = program.getSourceFile(file);
      if (!affected.has(file)) affected.set(file, new Map());
      const known = affected.get(file); // statement -> positions that affect it
      // The statements holding a use, then those of the file that refer to them, to a fixpoint. A
      // change of implementation alone is no change to a type naming it (`typeof Transforms.collapse`
      // in slate's `BaseEditor`): that file uses it, and carries nothing on from there.
      const carrying = isImplementation ? positions.filter((p) => !isType(file, p)) : positions;
      const todo = carrying.map((p) => [statementAt(sf, p), p]).filter(([s]) => s !== undefined);
      const fresh = new Set();
      while (todo.length > 0) {
        const [statement, p] = todo.pop();
        if (known.has(statement)) {
          known.get(statement).push(p);
          // `export { a, b }`: a new local reaching it may carry another of its names.
          if (ts.isExportDeclaration(statement)) fresh.add(statement);
          continue;
        }
        known.set(statement, [p]);
        fresh.add(statement);
        for (const name of declaredNames(statement)) {
          const spans = (service.getDocumentHighlights(file, name.getStart(sf), [file]) ?? []).flatMap((h) => h.highlightSpans);
          for (const span of spans) {
            if (isImplementation && isType(file, span.textSpan.start)) continue;
            const s = statementAt(sf, span.textSpan.start);
            if (s !== undefined && s !== statement) todo.push([s, span.textSpan.start]);
          }
        }
      }
      for (const statement of fresh) for (const pos of exportTargets(sf, statement, known.get(statement))) next.push({ file, pos });
    }
    if (sampled) break;
    queue = next;
  }
  /** The files from `file` back to the changed file, as selfreview prints a chain. */
  const chainOf = (file) => {
    const chain = [file];
    while (from.has(chain.at(-1)) && chain.length < 50) chain.push(from.get(chain.at(-1)));
    return chain;
  };
  return { reached, sampled, queries, chainOf };
}
