import type { ParseError } from 'jsonc-parser';

// JSON or YAML text from a config or answers file, parsed with an error that says where and
// what, never quoting the text: V8's JSON errors and yaml's pretty errors print the content
// around the fault, and the file may be a link to someone's secrets.

export class DataSyntaxError extends Error {}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

// "PropertyNameExpected" -> "property name expected"; yaml's "BAD_INDENT" -> "bad indent".
const words = (code: string) =>
  code
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Only for a file that is not JSON: the parser that says where loads then, not on every review. */
async function describeJsonError(text: string): Promise<string> {
  const { parse: parseJsonc, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  try {
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    return 'too deeply nested';
  }
  const first = errors[0];
  return first === undefined ? 'syntax error' : `${lineAndColumn(text, first.offset)}: ${words(printParseErrorCode(first.error))}`;
}

/** Parses JSON (or YAML, for `yaml: true`); throws DataSyntaxError with a content-free message. */
export async function parseDataText(text: string, yaml: boolean): Promise<unknown> {
  if (!yaml) {
    try {
      return JSON.parse(text);
    } catch {
      throw new DataSyntaxError(await describeJsonError(text));
    }
  }
  const { parse: parseYaml, YAMLError } = await import('yaml');
  try {
    // logLevel error: yaml's warnings go to the console and may quote the text.
    return parseYaml(text, { prettyErrors: false, logLevel: 'error' }) ?? {};
  } catch (error) {
    if (error instanceof YAMLError) throw new DataSyntaxError(`${lineAndColumn(text, error.pos[0])}: ${words(error.code)}`);
    // yaml's own limits (alias expansion) name the limit, not the text.
    if (error instanceof RangeError || error instanceof ReferenceError) throw new DataSyntaxError('too deeply nested or too many aliases');
    throw error;
  }
}
