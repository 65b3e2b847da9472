import type * as T from 'typescript';
import { ts } from './typescript.js';

/** How TypeScript reads a file, from its name: JSX in .tsx/.jsx, JavaScript in .js/.mjs/.cjs. */
export function scriptKindOf(path: string): T.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
