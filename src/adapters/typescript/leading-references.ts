// The `/// <reference path="…" />` files TypeScript's `preProcessFile` lists (`referencedFiles`),
// without TypeScript: they come from the comments before the first token only
// (`processCommentPragmas` over `getLeadingCommentRanges(text, 0)`), each read with TypeScript's
// own regular expressions (`extractPragmas`, `getNamedArgRegEx`; the pragma's name in any case),
// and kept as `processPragmasIntoFields` keeps them: not a `no-default-lib="true"`, `types` or
// `lib` directive. Null gives the text to TypeScript: a character past ASCII among the leading
// comments (TypeScript's whitespace there is wider), or an empty single-quoted `path`, `types` or
// `lib` (TypeScript throws on it).

const SHEBANG = /^#!.*/;
const TRIPLE_SLASH_XML = /^\/\/\/\s*<(\S+)\s.*?\/>/m;
const namedArg = (name: string) => new RegExp(`(\\s${name}\\s*=\\s*)(?:(?:'([^']*)')|(?:"([^"]*)"))`, 'im');
const ARGS = { types: namedArg('types'), lib: namedArg('lib'), path: namedArg('path'), noDefaultLib: namedArg('no-default-lib') };

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** A reference comment's file, '' for none; undefined when TypeScript would throw on it. */
function referencedFile(comment: string): string | null | undefined {
  const xml = TRIPLE_SLASH_XML.exec(comment);
  if (xml === null || xml[1]!.toLowerCase() !== 'reference') return null;
  // TypeScript reads every argument first: an empty single-quoted one with a span throws.
  const spans = [ARGS.types, ARGS.lib, ARGS.path].map((arg) => arg.exec(comment));
  if (spans.some((match) => match !== null && (match[2] || match[3]) === undefined)) return undefined;
  const noDefaultLib = ARGS.noDefaultLib.exec(comment);
  if (noDefaultLib !== null && (noDefaultLib[2] || noDefaultLib[3]) === 'true') return null;
  const [types, lib, path] = spans;
  if (types || lib || !path) return null;
  return (path[2] || path[3])!;
}

/** The files `/// <reference path>` comments before the first token name, in their order; null
 * when TypeScript must read the text. */
export function leadingReferences(text: string): string[] | null {
  const files: string[] = [];
  let pos = SHEBANG.exec(text)?.[0].length ?? 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 10 || c === 13 || c === 9 || c === 11 || c === 12 || c === 32) pos++;
    else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
      let end = pos + 2;
      while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
      // Only a comment that can hold a pragma is read.
      if (text.charCodeAt(pos + 2) === 47) {
        const file = referencedFile(text.slice(pos, end));
        if (file === undefined) return null;
        if (file !== null) files.push(file);
      }
      pos = end;
    } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
      const close = text.indexOf('*/', pos + 2);
      pos = close < 0 ? text.length : close + 2;
    } else if (c > 127) return null;
    else break;
  }
  return files;
}
