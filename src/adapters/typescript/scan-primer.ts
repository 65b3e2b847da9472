import { scanImports } from './scan-imports.js';

// V8 optimizes the import scan (raw-scanner.ts's scan(), scan-specifiers.ts's loop) after its first
// files, from what those files reached: a branch no file had reached yet (a comment or an operator
// where scan() reads one token, an escape, a template's substitution) throws the optimized code
// away when a later file reaches it, and it is compiled again. A cold run's scan of dub (4,212
// files) compiled scan() 13 times on 2 threads, about a quarter of that scan's CPU with the compile
// threads'. These texts reach every block of scan() and every step of processImports, before the
// first file of a large batch (a first run's scan: PRIME_FROM files or more), three times: V8 gives
// a small function its feedback only after a few calls, and processImports's steps are closures
// made anew for each text (once, 6 compiles of processImports stayed; three times, 3). Scanning
// them costs ~8 ms a thread; dub's scan then costs ~240 ms of CPU instead of ~410 (compile threads
// included). A small batch (a hook's) does not pay it.

/** A batch with at least this many files to scan primes the scan first (parse-modules.ts's WORKER_FROM). */
export const PRIME_FROM = 400;

export const PRIMER: readonly string[] = [
  `#!/usr/bin/env node
/// <reference path="./a.d.ts" />
'use strict';
import a, { b as c, type d, e } from './a';
import * as ns from "./ns";
import type { T } from './t';
import './side';
import x = require('./x');
export { f, g as h } from './f';
export * from './star';
export * as star from './star2';
export type { U } from './u';
export default function main() {}
export const v = 1;
declare module 'ambient' { export const q: number; }
declare global { interface W { a: 1 } }
define(['./amd', 'dep'], function (amd, dep) {});
const r = require('./r'), s = require(\`./s\`), lazy = import('./lazy'), meta = import.meta.url;
obj.import('./no'); obj?.import('./yes'); x.require('./not');
const t = \`a \${b} c \${\`d \${e({ k: 1 })}\`} f\\\` \\n\`;
const nums = [0, 1, 1_000, 0x1F, 0XaB, 0b101, 0o17, 017, 08, 1.5, .5, 5., 1e3, 1E-3, 2.5e+10, 10n, 0x1Fn, 1_0n];
const ops = a ?? b ?. c ?.5 : d; a **= 2; a >>>= 1; a <<= 1; a >>= 1; a &&= b; a ||= c; a ??= d; a !== b; a === b; a => b; ...a; a--; a++; a -= 1; a += 1; a %= 2; a ^= 1; a |= 1; a &= 1; a /= 2; a *= 2; ~a; !a; a < b > c <= d >= e; a @ b; a # b;
const re = /ab+c/gi, re2 = /[/'"]/;
// line comment
/* block
comment */ /** doc */
const str = 'it\\'s', str2 = "a \\"b\\" \\u0041 \\x41 \\
continued", str3 = '';
const café = 'é', naïve = ñ, 質問 = "回答", Ωμέγα = 1;
const foreign = ’quote’ — dash → arrow … ★ ❤️;
const\u00a0spaced = 1;\u2028const sep = 2;\u3000
label: for (;;) { break label; }
class K { #p = 1; static s = 2; get g() { return this.#p; } }
const all = \`\${ a = b; a == b; a === b; a => b; a * b; a *= b; a ** b; a **= b; a & b; a && b; a &= b; a &&= b; a | b; a || b; a |= b; a ||= b; !a; a != b; a !== b; a < b; a << b; a <= b; a <<= b; a > b; a >= b; a >> b; a >>> b; a >>= b; a >>>= b; a ? b : c; a?.b; a ?? b; a ??= b; a?.5:1; a + b; a++; a += b; a - b; a--; a -= b; a / b; a /= b; a % b; a %= b; a ^ b; a ^= b; ~a; @a; #a; a.b; // a comment
 /* a block */ /** a doc */ ...a; a..b; 'x\\'y'; "x\\"y"; 1.5e3; .5; 0x1F; 0b1; 0o7; 07; 09.5; 1_0; 10n; café; ’; — ; \\d; { [ ( ) ] } ; , : import('./in') ; require('./in2') }\`;
export = a; export *= b; export &= c; export |= d; export == e; export <= f; export ! g; export ? h; export / i; export % j; export ^ k; export ~ l; export + m; export - n; export 1 o; export 'p' q; export \`r\`; export # s; export @ t; export é u; export ’ v;
import = a; import *= b; import &= c; import |= d; import == e; import <= f; import ! g; import ? h; import / i; import % j; import ^ k; import ~ l; import + m; import - n; import 1 o; import 'p'; import \`r\`; import # s; import @ t; import é u; import ’ v; import.meta; import { a, b as c, } from 'z'; import d, * as e from 'y';
const jsx = <div a="b" c={d}>text ’ — {e}</div>;
`,
  '#!/usr/bin/env node\nimport a from "./a";',
  '#x',
  "export 017; export 08; export 0.5e-3; export 1_000n; export 1n; export 0x1F; export 'a\\\r\nb'; export `a\\\r\n${b}\\`; export =",
  "define('name', ['./d'], f); define(['./e'], f); define(f); export type { A } from './a'; export import B = require('./b'); import('./c', { with: {} }); import(`./t`);\nnamespace N { declare module 'inner' {} }\nexport {} from",
  '`${',
  'export 08.5e+3; export 5n;\nexport /* never closed',
  '/// <reference path="./b.d.ts" />\n// c\n/* d */\nimport b from "./b";',
  'const \\u0061 = 1;', // an escape in a name: undecided
  '<<<<<<< HEAD\nimport a from "./a";\n=======\n', // a conflict marker
  'const a = 1;\n\uFFFD', // a replacement character
  "import a from './a'\u0300", // a mark after a word
  'x\\u{1F600}y', // an extended escape
];

let isPrimed = false;

/** Scans the primer's texts, three rounds, once in this thread (their results are dropped). */
export function primeScan(): void {
  if (isPrimed) return;
  isPrimed = true;
  for (let round = 0; round < 3; round++) for (const text of PRIMER) scanImports(text);
}
