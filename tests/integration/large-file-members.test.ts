import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// growthbook/growthbook df48fd6ffc fixes one method of `SqlIntegration`, a class of 8,300 lines
// (268 KB): its two sides were over the 512 KB the questions read, and the question said only
// "`SqlIntegration` changed its implementation". A file of a few hundred KB is read and named.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// About 300 KB: two hundred methods of 1.5 KB each, and the one the change edits.
const filler = Array.from(
  { length: 200 },
  (_, i) =>
    `  query${i}(table: string): string {\n${Array.from({ length: 20 }, (_, j) => `    const part${j} = \`SELECT column_${j} FROM \${table} WHERE id = ${i}\`;`).join('\n')}\n    return [${Array.from({ length: 20 }, (_, j) => `part${j}`).join(', ')}].join(' UNION ');\n  }\n`,
).join('\n');
const integration = (body: string) => `export default class SqlIntegration {
${filler}
  getProductAnalyticsQuery(factTableMap: Map<string, { sql: string }>): string[] {
${body}
  }
}
`;
const before = '    return Array.from(factTableMap.values()).map((ft) => ft.sql);';
const after = `    const resolved = Array.from(factTableMap.values()).map((ft) => {
      if (!ft.sql.includes('{{')) return ft;
      return { ...ft, sql: ft.sql.replace(/{{\\w+}}/g, '') };
    });
    return resolved.map((ft) => ft.sql);`;

test('a changed member of a class in a file of 300 KB is named', () => {
  expect(integration(before).length).toBeGreaterThan(256 * 1024);
  repo = createTempRepo({
    'src/integrations/SqlIntegration.ts': integration(before),
    'src/integrations/Athena.ts': 'import SqlIntegration from "./SqlIntegration";\n\nexport class Athena extends SqlIntegration {}\n',
  });
  repo.stage({ 'src/integrations/SqlIntegration.ts': integration(after) });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('impact:src/integrations/SqlIntegration.ts'))?.message;
  expect(asked).toMatch(
    /^`SqlIntegration` \(default export\) in src\/integrations\/SqlIntegration\.ts changed its implementation \(`getProductAnalyticsQuery` changed, a new branch `if \(!ft\.sql\.includes\(.{{.\)\)`/,
  );
});
