import { parseModule } from './parse-module.js';
import { scanImportsWithTypescript } from './scan-imports-typescript.js';

// What reading a module needs TypeScript for (read-module.ts): imported with import() by a thread
// that meets such a file, so a thread that only scans never loads TypeScript.

export interface TypescriptReading {
  readonly parseModule: typeof parseModule;
  readonly scanImports: typeof scanImportsWithTypescript;
}

export const typescriptReading: TypescriptReading = { parseModule, scanImports: scanImportsWithTypescript };
