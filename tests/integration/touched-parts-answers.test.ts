import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// The shape of unkeyed/unkey 0b5e1d30e9: a request context whose failed workspace query logged the
// org id, the user id and the error on every request now logs one fixed line. An answer made only
// of the change's own nouns and improvement verbs ("Improved the debug logging of the workspace
// query.") connects to it and says nothing a reader of the summary could not have written; an
// answer that says what the log line no longer carries, or when, is an explanation. Real CLI, `--answers`.

const context = (handler: string) => `import { db } from './db';

export async function createContext(orgId: string, userId: string) {
  let workspace;
  try {
    workspace = await db.query.workspaces.findFirst({ where: { orgId } });
${handler}
  return { orgId, userId, workspace };
}
`;
const BEFORE = `  } catch (error) {
    // Log workspace query errors but don't fail context creation.
    console.debug('Workspace query failed in context creation:', {
      orgId,
      userId,
      error: error instanceof Error ? error.message : String(error),
    });
    workspace = undefined;
  }`;
const AFTER = `  } catch (_error) {
    console.debug('Workspace query failed in context creation');
    workspace = undefined;
  }`;
const OTHERS: Record<string, string> = {
  provenance: 'Typed by hand in the editor.',
  verification: 'Stopped the database locally, loaded two pages and read the debug output: one fixed line per request.',
  'no-test': 'Only the text of a debug log line changes; a test would assert console output, not behaviour.',
};

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{"name":"dashboard","type":"module"}',
    'src/db.ts': 'export const db = { query: { workspaces: { findFirst: async (q: unknown) => q } } };\n',
    'src/context.ts': context(BEFORE),
  });
  repo.stage({ 'src/context.ts': context(AFTER) });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

function review(intent: string) {
  return reviewWithAnswers(repo, questions, (id) =>
    id === 'intent' ? intent : (OTHERS[id] ?? `The debug line of createContext no longer names the user when the query fails (${id}).`),
  );
}

describe("an answer made of the change's own nouns, through the CLI", () => {
  // Refused first: a recorded review of the same staged tree is not asked again.
  test.each([
    'Improved the debug logging of the workspace query.',
    'Cleaned up the error handling in the context creation.',
    'Updated the logging in the workspace context.',
    // Session 48 (the shape of papermark's generic answers): a few short sentences are judged as one,
    // and a quality claimed of the result ("more accurate") is no word of what the change does.
    'Cleaned up the workspace query logging. It works better now.',
    'Improved the debug logging of the workspace query to make it more accurate.',
    // Session 49: the same claim as a comparative, or with "less" (a function word, as "more" is).
    'Cleaned up the workspace query logging. It is faster now.',
    'Improved the debug logging of the workspace query. Less logging now.',
    // A verb that claims an improvement without saying which is improvement vocabulary too.
    'Patched the debug logging of the workspace query.',
    'Hardened the error handling of the context creation.',
    // Session 50 (saleor/saleor-dashboard's answers written elsewhere): one word of the writer's own beside
    // a few of the change's nouns names a part or a problem without telling which.
    'Streamlined the workspace query logging plumbing.',
    'Fixed the workspace context glitch.',
    'Changed the debug logging so it reads correctly.',
    // A word that names a defect without telling which says no more than "bug" or "issue".
    'Fixed the workspace logging weirdness in the picker.',
    // A result claimed at the end of a longer line, with a verb of any kind: the part does what it should.
    'Changed the debug logging of the workspace query so the context creation reads correctly.',
  ])('%s is refused: it names what the change touches, not what it does', (intent) => {
    const { code, output } = review(intent);
    expect(code).toBe(1);
    expect(output).toMatch(/intent: That names what the change touches, not what it does/);
  });

  // Session 49 (midday-ai/midday's answers written elsewhere): a line in another Latin-script language
  // made of the change's nouns and improvement verbs was left to the other rules, and passed them:
  // its words cannot be compared with the change's, so only its grammar is judged, as in English.
  test.each([
    'Se mejoró el registro de la consulta del workspace en el contexto.',
    'Corrigido o log do workspace para que funcione corretamente.',
    'Das Logging der Workspace-Abfrage wurde verbessert, damit es richtig funktioniert.',
    'Migliorata la gestione degli errori del workspace per renderla più semplice.',
    'Amélioration du logging de la requête workspace pour que le contexte fonctionne mieux.',
    'De logging van de workspace query is opgeschoond en verbeterd.',
    // Session 50: a fix verb in a line that names no code is improvement vocabulary too.
    'Il problema del logging del workspace è stato risolto.',
  ])('%s (another language, the same nouns) is refused', (intent) => {
    const { code, output } = review(intent);
    expect(code).toBe(1);
    expect(output).toMatch(/intent: That names what the change touches, not what it does/);
  });

  test.each([
    'La línea de depuración ya no lleva el id de la organización ni del usuario cuando falla la consulta del workspace.',
    "Quand la requête du workspace échoue, la ligne de debug ne contient plus l'id de l'organisation ni celui de l'utilisateur.",
    'Wenn die Workspace-Abfrage fehlschlägt, enthält die Debug-Zeile keine Org-ID und keine User-ID mehr.',
  ])('%s (another language, says what the log line no longer carries) is recorded', (intent) => {
    const { code, output } = review(intent);
    expect(output).not.toMatch(/intent:/);
    expect(code).toBe(0);
  });

  test('one sentence that says what the log line no longer carries is recorded', () => {
    const { code, output } = review(
      'The debug line of a failed workspace query no longer carries the org id, the user id and the error message, so user details stay out of the logs.',
    );
    expect(output).not.toMatch(/intent:/);
    expect(code).toBe(0);
  });
});
