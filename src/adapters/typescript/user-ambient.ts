import { Token, Undecided } from './user-reader.js';
import type { Scope, UserSyntax } from './user-syntax.js';
import { classLike } from './user-classes.js';
import { functionLike } from './user-functions.js';
import { startsBinding, variables } from './user-statements.js';
import { parseEnum, parseInterface, parseTypeAlias } from './user-types.js';

// Ambient blocks at the top level, read from tokens (user-record.ts): `declare module 'x' { … }`
// (an augmentation: no declaration of the file), `declare global { … }` (a declaration named
// `global`, as parse-module.ts's collectStatement records it) and `declare namespace N { … }` (a
// declaration `N`). Their bodies hold declarations only: interfaces, type aliases, variables,
// functions, classes and enums, `export`ed or not; each name goes to `p.unscoped` (it may hide an
// import: TypeScript reads those files), and so do namespaces inside them (`namespace N { … }`,
// of the same statements). An import, an `export { … }`, a dotted namespace name and anything
// else is Undecided. An augmentation reads the augmented module's exports by the names
// no declaration of the file claims (augmented-names.ts): user-record.ts leaves a block whose
// references are not all the file's own names to TypeScript.

export interface AmbientBlock {
  /** The declaration's name (`global`, `N`), or null for `declare module 'x'`. */
  readonly name: string | null;
  /** The block's references: p.refs from this index on. */
  readonly refsFrom: number;
}

/** At `declare`: whether `declare module 'x'`, `declare global` or `declare namespace N` follows on its line. */
export function isAmbientBlock(p: UserSyntax): boolean {
  const next = p.r.peek();
  return !next.isAfterBreak && (next.text === 'module' || next.text === 'global' || next.text === 'namespace') && next.kind === Token.Word;
}

/** `declare module 'x' { … }`, `declare module 'x';`, `declare global { … }`, `declare namespace N { … }`. */
export function ambientBlock(p: UserSyntax): AmbientBlock {
  const { r } = p;
  r.next();
  const keyword = r.text;
  r.next();
  let name: string | null = keyword === 'global' ? 'global' : null;
  if (keyword !== 'global') {
    if (r.isAfterBreak || !(keyword === 'module' ? r.at(Token.String) : r.isWord())) throw new Undecided();
    if (keyword === 'namespace') name = r.text;
    r.next();
  }
  const refsFrom = p.refs.length;
  if (name === null && !r.at(Token.OpenBrace)) {
    p.endStatement();
    return { name, refsFrom };
  }
  ambientBody(p);
  return { name, refsFrom };
}

function ambientBody(p: UserSyntax): void {
  const { r } = p;
  r.expect('{');
  while (!r.at(Token.CloseBrace)) {
    if (r.at(Token.End)) throw new Undecided();
    ambientStatement(p);
  }
  r.next();
}

function ambientStatement(p: UserSyntax): void {
  const { r } = p;
  if (r.is(';')) return r.next();
  if (r.is('export')) {
    r.next();
    if (!r.isWord() || r.is('default') || r.is('import') || r.is('as')) throw new Undecided();
  }
  const next = r.peek();
  // No scope is kept for a module block: what it declares gives back a file that imports the name.
  const into: Scope = { from: r.start, names: [] };
  if (r.is('interface')) into.names.push(parseInterface(p));
  else if (r.is('type') && next.kind === Token.Word && !next.isAfterBreak) into.names.push(parseTypeAlias(p));
  else if (r.is('enum') || (r.is('const') && next.text === 'enum')) into.names.push(parseEnum(p));
  else if (r.is('const') || r.is('var') || (r.is('let') && startsBinding(p))) {
    variables(p, false, into);
    p.endStatement();
  } else if (r.is('function')) functionLike(p, true, into);
  else if (r.is('class') || (r.is('abstract') && next.text === 'class' && !next.isAfterBreak)) classLike(p, true, false, into);
  else if (r.is('namespace') && next.kind === Token.Word && !next.isAfterBreak) {
    // `declare global { namespace TsED { interface Configuration { … } } }`: its name declared too.
    r.next();
    into.names.push(r.word());
    ambientBody(p);
  } else throw new Undecided();
  p.unscoped.push(...into.names);
}
