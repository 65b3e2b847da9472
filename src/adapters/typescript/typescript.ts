import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

// TypeScript loaded with require(), not import: an ESM import of this 9 MB CommonJS file makes
// Node scan it for its export names (cjs-module-lexer) and, on recent Node 20, test-compile it
// as ESM first; require() compiles it once. Measured: about half the load time.
export const ts: typeof TypeScript = createRequire(import.meta.url)('typescript') as typeof TypeScript;
