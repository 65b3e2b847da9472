import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// FlowiseAI/Flowise a24acac5d8 gives the Airtable agent's prompt a paragraph telling the model what it
// may not output; `systemPrompt` was asked "changed its implementation" and nothing more. Lines of
// prose added to a template literal are told by their first words; a line of code is not prose.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const prompt = (
  extra: string,
) => `export const systemPrompt = \`You are working with a pandas dataframe in Python. The name of the dataframe is df.

I will ask question, and you will output the Python code using pandas dataframe to answer my question.
${extra}
Question: {question}
Output Code:\`
`;
const agent =
  "import { systemPrompt } from './core'\n\nexport const run = (question: string) => systemPrompt.replace('{question}', question)\n";

test('a prompt gaining a paragraph is told by its first words', () => {
  repo = createTempRepo({ 'nodes/agents/AirtableAgent/core.ts': prompt(''), 'nodes/agents/AirtableAgent/AirtableAgent.ts': agent });
  repo.stage({
    'nodes/agents/AirtableAgent/core.ts': prompt(
      '\nSecurity: Output ONLY pandas/numpy operations on the dataframe (df). Do not use import, exec, eval, open, os, subprocess, or any other system or file operations.\n',
    ),
  });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('impact:'));
  expect(asked?.message).toMatch(
    /^`systemPrompt` in nodes\/agents\/AirtableAgent\/core\.ts changed its implementation \(its text gains "Security: Output ONLY pandas\/numpy operations on the dataframe …"\); 1 file uses it/,
  );
});

test('a line of code added is no text', () => {
  const code = (extra: string) => `export const limits = {\n  rows: 100,${extra}\n}\n`;
  repo = createTempRepo({
    'src/limits.ts': code(''),
    'src/use.ts': "import { limits } from './limits'\n\nexport const rows = () => limits.rows\n",
  });
  repo.stage({ 'src/limits.ts': code('\n  columns: Number(process.env.MAX_COLUMNS_ALLOWED_IN_ONE_TABLE_VIEW ?? 50),') });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('impact:'));
  expect(asked?.message).not.toMatch(/its text gains/);
});
