import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';

// Answers from a file (--answers, SELFREVIEW_ANSWERS): for GUI clients and scripted commits.
// { "<question id>": "text" | { "choice": "...", "reason": "..." } }, JSON or YAML.

export type AnswerFileEntry = string | { readonly choice?: string; readonly reason?: string; readonly text?: string };

export async function readAnswersFile(path: string): Promise<Record<string, AnswerFileEntry>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the answers file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    if (/\.ya?ml$/i.test(path)) data = (await import('yaml')).parse(text);
    else data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The answers file ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${((error as Error).message.split('\n')[0] ?? '').trim()}`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`The answers file ${path} must hold an object of answers by question id (see selfreview --dry-run).`);
  }
  return data as Record<string, AnswerFileEntry>;
}
