import { afterEach, expect, test } from '@jest/globals';
import { coldAndWarm, symbol } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// continue 3c140514d4: core/tools/implementations/runTerminalCommand.ts tests output against
// `/�/` (U+FFFD, the replacement character) in a function, then imports `ToolImpl` from "." below
// it. TypeScript's preProcessFile stops reading at U+FFFD (its mark of a binary file), so the
// import was never in the graph and the file, a user of every change that reaches ToolImpl, was
// missed at any depth. The parser reads a regular expression's body past it, and so must the scan.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const run = `import os from "node:os";
// Decode the output, falling back where the platform's encoding garbles it
function decoded(data: Buffer): string {
  const out = data.toString();
  if (/\uFFFD/.test(out)) {
    return data.toString("latin1");
  }
  return out;
}

import { ToolImpl } from ".";

export const runTerminalCommand: ToolImpl = (extras) => decoded(Buffer.from(os.EOL + extras.cwd));
`;

test('an import after a replacement character in a regular expression is in the graph', () => {
  repo = createTempRepo({
    'src/extras.ts': 'export interface ToolExtras {\n  cwd: string;\n}\n',
    'src/tools/index.ts': 'import { ToolExtras } from "../extras";\n\nexport type ToolImpl = (extras: ToolExtras) => string;\n',
    'src/tools/runTerminalCommand.ts': run,
    'src/tools/call.ts':
      'import { runTerminalCommand } from "./runTerminalCommand";\n\nexport const call = () => runTerminalCommand({ cwd: "." });\n',
  });
  repo.stage({ 'src/extras.ts': 'export interface ToolExtras {\n  cwd: string;\n  signal?: AbortSignal;\n}\n' });
  const impact = coldAndWarm(repo);
  const dependents = symbol(impact, 'ToolExtras').dependents.map((d) => `${d.path}@${d.depth}`);
  expect(dependents).toEqual(expect.arrayContaining(['src/tools/index.ts@1', 'src/tools/runTerminalCommand.ts@2']));
});
