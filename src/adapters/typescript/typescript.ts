import * as nodeModule from 'node:module';
import type * as TypeScript from 'typescript';

// TypeScript loaded with require(), not import: an ESM import of this 9 MB CommonJS file makes
// Node scan it for its export names (cjs-module-lexer) and, on recent Node 20, test-compile it
// as ESM first; require() compiles it once. Measured: about half the load time. From Node 22.1
// V8's compile cache (in the OS temporary folder) skips even that compile on later runs; Node
// 20 has no such switch (`module.enableCompileCache` is absent there).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
export const ts: typeof TypeScript = nodeModule.createRequire(import.meta.url)('typescript') as typeof TypeScript;
