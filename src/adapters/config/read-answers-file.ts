import { UsageError } from '../../core/errors.js';
import { MIB, readBoundedFile } from '../fs/read-bounded-file.js';
import { DataSyntaxError, isYamlPath, parseDataText } from './parse-data-text.js';

// Answers from a file (--answers, SELFREVIEW_ANSWERS): for GUI clients and scripted commits.
// { "<question id>": "text" | { "choice": "...", "reason": "..." } }, JSON or YAML.
// Read through readBoundedFile: a FIFO or /dev/zero named here must not hang the commit.

export type AnswerFileEntry = string | { readonly choice?: string; readonly reason?: string; readonly text?: string };

/** Far more than any questionnaire's answers. */
export const ANSWERS_MAX_BYTES = MIB;

export async function readAnswersFile(path: string): Promise<Record<string, AnswerFileEntry>> {
  const file = readBoundedFile(path, { maxBytes: ANSWERS_MAX_BYTES });
  if (file.kind === 'absent') throw new UsageError(`Cannot read the answers file ${path}: it does not exist.`);
  if (file.kind === 'refused') throw new UsageError(`Cannot read the answers file ${path}: ${file.reason}.`);
  const yaml = isYamlPath(path);
  let data: unknown;
  try {
    data = await parseDataText(file.text, yaml);
  } catch (error) {
    if (!(error instanceof DataSyntaxError)) throw error;
    throw new UsageError(`The answers file ${path} is not valid ${yaml ? 'YAML' : 'JSON'}: ${error.message}`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`The answers file ${path} must hold an object of answers by question id (see selfreview --dry-run).`);
  }
  return data as Record<string, AnswerFileEntry>;
}
