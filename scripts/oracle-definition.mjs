// The oracle's second look at a file findReferences did not list: go-to-definition, asked at
// every identifier of the file that could name the export, outside import/export clauses and
// outside the require()/import() that binds the module. findReferences from a declaration does
// not follow a `require()` namespace or destructuring in JavaScript, while go-to-definition at
// the use does (TypeScript binds `const m = require('x')` in .js files as an alias); in .ts files
// TypeScript leaves `require` unresolved, so `bindRequires` first gives the language service a
// text where those requires are imports the checker binds, line numbers kept.
import ts from 'typescript';

const TS_FILE = /\.[cm]?tsx?$/;

/** The module specifier when `node` (after `await`) is `require('m')` or `import('m')`. */
function requiredSpecifier(node) {
  while (node && ts.isAwaitExpression(node)) node = node.expression;
  if (!node || !ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isStringLiteralLike(node.arguments[0])) return undefined;
  const callee = node.expression;
  const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
  return isRequire || callee.kind === ts.SyntaxKind.ImportKeyword ? node.arguments[0].text : undefined;
}

/** `import …` text for one top-level `const X = require('m')` / `const { a, b: c } = require('m')`, or undefined. */
function importFor(statement) {
  if (!ts.isVariableStatement(statement) || statement.modifiers || statement.declarationList.declarations.length !== 1) return undefined;
  const [declaration] = statement.declarationList.declarations;
  const initializer = declaration.initializer;
  if (!initializer || !ts.isCallExpression(initializer) || !ts.isIdentifier(initializer.expression)) return undefined;
  const specifier = requiredSpecifier(initializer);
  if (specifier === undefined) return undefined;
  const quoted = JSON.stringify(specifier);
  if (ts.isIdentifier(declaration.name)) return `import ${declaration.name.text} = require(${quoted});`;
  if (!ts.isObjectBindingPattern(declaration.name)) return undefined;
  const names = [];
  for (const element of declaration.name.elements) {
    if (element.dotDotDotToken || element.initializer || !ts.isIdentifier(element.name)) return undefined;
    const property = element.propertyName;
    if (property && !ts.isIdentifier(property)) return undefined;
    names.push(property ? `${property.text} as ${element.name.text}` : element.name.text);
  }
  return `import { ${names.join(', ')} } from ${quoted};`;
}

/** A copy of `texts` whose .ts files bind their top-level requires as imports (same line numbers). */
export function bindRequires(texts, keep) {
  const out = new Map(texts);
  for (const [path, text] of texts) {
    if (path === keep || !TS_FILE.test(path) || path.endsWith('.d.ts') || !/\brequire\s*\(/.test(text)) continue;
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    let rewritten = '';
    let at = 0;
    for (const statement of sf.statements) {
      const replacement = importFor(statement);
      if (replacement === undefined) continue;
      const [start, end] = [statement.getStart(sf), statement.end];
      const newlines = text.slice(start, end).split('\n').length - 1;
      rewritten += text.slice(at, start) + replacement + '\n'.repeat(newlines);
      at = end;
    }
    if (at > 0) out.set(path, rewritten + text.slice(at));
  }
  return out;
}

/** Whether `node` sits where a module is bound rather than used: an import/export clause or `x = require()`. */
function isBinding(node) {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return true;
  if (ts.isExportAssignment(node) && ts.isIdentifier(node.expression)) return true;
  return ts.isVariableDeclaration(node) && node.initializer !== undefined && requiredSpecifier(node.initializer) !== undefined;
}

/**
 * The 1-based line of the first identifier in `file` whose definition is one of `targets`
 * (`{ file, start, end }` spans of the changed declaration), or undefined. Only identifiers
 * spelled `name` are asked, except for a default export, whose local names are free.
 */
export function findUseByDefinition(service, file, name, targets) {
  const sf = service.getProgram().getSourceFile(`/repo/${file}`);
  if (!sf) return undefined;
  const stack = [sf];
  const ids = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isBinding(node)) continue;
    if (ts.isIdentifier(node) && (name === 'default' || node.text === name)) ids.push(node);
    else ts.forEachChild(node, (child) => void stack.push(child));
  }
  ids.sort((a, b) => a.pos - b.pos);
  for (const id of ids) {
    const start = id.getStart(sf);
    const definitions = service.getDefinitionAtPosition(sf.fileName, start) ?? [];
    const lands = definitions.some((d) =>
      targets.some((t) => d.fileName === t.file && d.textSpan.start >= t.start && d.textSpan.start < t.end),
    );
    if (lands) return sf.getLineAndCharacterOfPosition(start).line + 1;
  }
  return undefined;
}
