import type { ExportKind } from '../../core/impact/module-record.js';
import type { UserSyntax } from './user-syntax.js';
import type { LogEntry } from './user-reader.js';
import type { TracedClass } from './user-classes.js';
import type { Declarator } from './user-statements.js';

// What a whole read (user-whole.ts) needs of user-record.ts's pass over a file beyond the light
// record: each top-level statement's text and tokens (its syntax hash), the modifiers its hash
// leaves out (`export`, `default`: parse-module.ts's exportMarks), which statement declares or
// builds each name (a declaration's hash is its statements'), each variable's declarator, and the
// names each declaration runs (a class of the file used so is not only passed along: `passes`).

export interface TracedStatement {
  readonly start: number;
  end: number;
  /** Its entries of the reader's log: [from, to). */
  readonly from: number;
  to: number;
  /** The log entries of its `export` and `default` modifiers, and their marks (`e`, `d`). */
  skips: number[];
  marks: string;
}

/** A name declared (a function, a class…: merged with an earlier one of its kind) or built (`x.a = …`) by a statement. */
export type NameEvent = readonly [name: string, statement: number, kind: ExportKind | 'built'];

export class WholeTrace {
  readonly statements: TracedStatement[] = [];
  readonly events: NameEvent[] = [];
  readonly declarators: Array<readonly [Declarator, keyword: string]> = [];
  log: readonly LogEntry[] = [];
  /** Where each function's body starts (UserSyntax's `bodies`). */
  bodies: readonly number[] = [];
  classes: readonly TracedClass[] = [];
  /** How many exports the record held when each statement started. */
  readonly exportsFrom: number[] = [];
  /** Each declaration's names that its code runs somewhere (user-record.ts's runNames). */
  readonly runs = new Map<string, ReadonlySet<string>>();
  /** Each declaration's names of the file it reads only as `keyof typeof x` (declaration-uses.ts's keysOf). */
  readonly keys = new Map<string, readonly string[]>();

  /** Ends the statement read (if any) and starts the next one at the reader's token (none at the end). */
  open(p: UserSyntax, exports: number): void {
    const { r } = p;
    [this.log, this.bodies, this.classes] = [r.log!, p.bodies!, p.classes!];
    this.exportsFrom.push(exports);
    const last = this.statements.at(-1);
    if (last !== undefined) [last.end, last.to] = [r.previousEnd, this.log.length];
    if (!p.isEnd) this.statements.push({ start: r.start, end: r.start, from: this.log.length, to: this.log.length, skips: [], marks: '' });
  }

  /** The token at hand is a modifier the hash leaves out (`e`, `d`); '' : the statement's `export` was no modifier (`export {…}`, `export default x`). */
  modifier(mark: string): void {
    const statement = this.statements.at(-1)!;
    if (mark === '') [statement.skips, statement.marks] = [[], ''];
    else [statement.skips, statement.marks] = [[...statement.skips, this.log.length], statement.marks + mark];
  }

  declare(name: string, kind: ExportKind): void {
    this.events.push([name, this.statements.length - 1, kind]);
  }

  build(name: string): void {
    this.events.push([name, this.statements.length - 1, 'built']);
  }

  declarator(declarator: Declarator, keyword: string): void {
    this.declarators.push([declarator, keyword]);
  }
}
