// The module specifiers TypeScript's `preProcessFile(text, true, true)` finds, without TypeScript:
// its loop (services/preProcess.ts), token for token, over a scanner of our own that cuts the text
// where TypeScript's raw scanner does (raw-scanner.ts). A cold run's threads then need no warm-up
// of TypeScript's scanner for the import graph. A text it cannot read the same way for sure
// returns null and the caller asks TypeScript: a character past ASCII or a `\u` escape in code, a
// conflict marker where a token starts, a specifier with an escape. (`importedFiles` only: the `/// <reference path>`
// files are leading-references.ts's.)

import { Scanner, Token, Undecided } from './raw-scanner.js';
/** preProcessFile's loop, token for token. */
function processImports(scanner: Scanner): string[] {
  const imported: string[] = [];
  const ambient: Array<[name: string, depth: number]> = [];
  let lastToken = Token.End;
  let currentToken = Token.End;
  let braceNesting = 0;
  let isExternalModule = false;
  const isWord = (word: string) => scanner.isWord(word);
  const nextToken = (): Token => {
    lastToken = currentToken;
    currentToken = scanner.scan();
    if (currentToken === Token.OpenBrace) braceNesting++;
    else if (currentToken === Token.CloseBrace) braceNesting--;
    return currentToken;
  };
  // A token passed over: the run after it too, when it is no `.` (an `import` after a `.` is no import).
  const passToken = (): Token => {
    if (currentToken !== Token.Dot && scanner.skipIdle()) currentToken = Token.Other;
    return nextToken();
  };
  const recordModuleName = () => {
    imported.push(scanner.stringValue());
    if (braceNesting === 0) isExternalModule = true;
  };
  const tryConsumeDeclare = (): boolean => {
    if (!isWord('declare')) return false;
    nextToken();
    if (isWord('module') && nextToken() === Token.String) ambient.push([scanner.stringValue(), braceNesting]);
    return true;
  };
  const tryConsumeRequireCall = (skipCurrentToken: boolean, allowTemplates = false): boolean => {
    if (skipCurrentToken) nextToken();
    if (!isWord('require')) return false;
    if (nextToken() === Token.OpenParen) {
      const token = nextToken();
      if (token === Token.String || (allowTemplates && token === Token.Template)) recordModuleName();
    }
    return true;
  };
  // `{ … } from 'x'` (the brace already read)
  const consumeNamedFrom = () => {
    let token = nextToken();
    while (token !== Token.CloseBrace && token !== Token.End) token = nextToken();
    if (token === Token.CloseBrace && nextToken() === Token.Word && isWord('from') && nextToken() === Token.String) recordModuleName();
  };
  const tryConsumeImport = (): boolean => {
    if (lastToken === Token.Dot || !isWord('import')) return false;
    let token = nextToken();
    if (token === Token.OpenParen) {
      token = nextToken();
      if (token === Token.String || token === Token.Template) {
        recordModuleName();
        return true;
      }
    } else if (token === Token.String) {
      recordModuleName();
      return true;
    } else {
      if (isWord('type')) {
        const skipType = scanner.lookAhead(() => {
          const after = scanner.scan();
          return (after === Token.Word && !scanner.isWord('from')) || after === Token.Asterisk || after === Token.OpenBrace;
        });
        if (skipType) token = nextToken();
      }
      if (token === Token.Word) {
        token = nextToken();
        if (isWord('from')) {
          if (nextToken() === Token.String) {
            recordModuleName();
            return true;
          }
        } else if (token === Token.Equals) {
          if (tryConsumeRequireCall(true)) return true;
        } else if (token === Token.Comma) token = nextToken();
        else return true;
      }
      if (token === Token.OpenBrace) consumeNamedFrom();
      else if (token === Token.Asterisk && nextToken() === Token.Word && isWord('as') && nextToken() === Token.Word) {
        if (nextToken() === Token.Word && isWord('from') && nextToken() === Token.String) recordModuleName();
      }
    }
    return true;
  };
  const tryConsumeExport = (): boolean => {
    if (!isWord('export')) return false;
    if (braceNesting === 0) isExternalModule = true;
    let token = nextToken();
    if (isWord('type')) {
      const skipType = scanner.lookAhead(() => {
        const after = scanner.scan();
        return after === Token.Asterisk || after === Token.OpenBrace;
      });
      if (skipType) token = nextToken();
    }
    if (token === Token.OpenBrace) consumeNamedFrom();
    else if (token === Token.Asterisk) {
      if (nextToken() === Token.Word && isWord('from') && nextToken() === Token.String) recordModuleName();
    } else if (isWord('import')) {
      token = nextToken();
      if (isWord('type')) {
        const skipType = scanner.lookAhead(() => scanner.scan() === Token.Word);
        if (skipType) token = nextToken();
      }
      if (token === Token.Word && nextToken() === Token.Equals && tryConsumeRequireCall(true)) return true;
    }
    return true;
  };
  const tryConsumeDefine = (): boolean => {
    if (!isWord('define')) return false;
    let token = nextToken();
    if (token !== Token.OpenParen) return true;
    token = nextToken();
    if (token === Token.String || token === Token.Template) {
      token = nextToken();
      if (token !== Token.Comma) return true;
      token = nextToken();
    }
    if (token !== Token.OpenBracket) return true;
    token = nextToken();
    while (token !== Token.CloseBracket && token !== Token.End) {
      if (token === Token.String || token === Token.Template) recordModuleName();
      token = nextToken();
    }
    return true;
  };

  nextToken();
  for (;;) {
    if (scanner.token === Token.End) break;
    if (scanner.token === Token.TemplateHead) {
      const stack: Token[] = [Token.TemplateHead];
      loop: while (stack.length > 0) {
        switch (scanner.scan()) {
          case Token.End:
            break loop;
          case Token.Word:
            if (scanner.isWord('import')) tryConsumeImport();
            break;
          case Token.TemplateHead:
            stack.push(Token.TemplateHead);
            break;
          case Token.OpenBrace:
            stack.push(Token.OpenBrace);
            break;
          case Token.CloseBrace:
            if (stack[stack.length - 1] !== Token.TemplateHead) stack.pop();
            else if (scanner.reScanTemplate() === Token.TemplateTail) stack.pop();
            break;
        }
      }
      nextToken();
    }
    // Each of these starts at a word: any other token is passed at once.
    if (scanner.token !== Token.Word) {
      passToken();
      continue;
    }
    if (tryConsumeDeclare() || tryConsumeImport() || tryConsumeExport() || tryConsumeRequireCall(false, true) || tryConsumeDefine())
      continue;
    passToken();
  }
  // Ambient `declare module 'x'`: an import of a module file, a declaration (not an import) in a script.
  for (const [name, depth] of ambient) if (isExternalModule || depth !== 0) imported.push(name);
  return imported;
}

/** The specifiers preProcessFile(text, true, true) lists in `importedFiles`, in its order; null
 * when this text needs TypeScript's own scanner to be sure. */
export function scanSpecifiers(text: string): string[] | null {
  try {
    return processImports(new Scanner(text));
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}
