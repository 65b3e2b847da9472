import type * as T from 'typescript';
import { ts } from './typescript.js';
import { walkSyntax } from './walk-syntax.js';
import type { LineRanges } from './list-members.js';

// What the lines a hunk touches call, and the errors they throw, for the question's "now calls
// `withTimeout`", "now throws `TypeError`" (changed-members.ts compares the two sides).

/** What a call calls, as a question can quote it: `withTimeout`, `Math.min`, `this.flush`,
 * `options.request.signal.removeEventListener`; the method alone on another receiver, marked by
 * its dot (`getChannel().postMessage`: `.postMessage`, compared, never quoted); undefined for
 * other callees (`fns[i]()`). */
function calleeOf(call: T.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
  const on = callee.expression;
  if (ts.isIdentifier(on)) return `${on.text}.${callee.name.text}`;
  if (on.kind === ts.SyntaxKind.ThisKeyword) return `this.${callee.name.text}`;
  // A receiver that is only names (`options.request.signal?.removeEventListener`: mswjs/interceptors
  // a89b4e40 now detaches its listener) is quoted as written, `?.` aside, up to four names.
  const names = [callee.name.text];
  let at: T.Expression = on;
  while (ts.isPropertyAccessExpression(at) && ts.isIdentifier(at.name) && names.length < 4) {
    names.unshift(at.name.text);
    at = at.expression;
  }
  if ((ts.isIdentifier(at) || at.kind === ts.SyntaxKind.ThisKeyword) && names.length < 4)
    return [at.kind === ts.SyntaxKind.ThisKeyword ? 'this' : (at as T.Identifier).text, ...names].join('.');
  return `.${callee.name.text}`;
}

/** The calls on the lines a side's hunks touch, each callee as often as it is called there
 * (wevm/wagmi 18e94210c wraps a lookup in `withTimeout`: its other calls are on both sides), and
 * the errors thrown there, as `throw TypeError` (jose 3a918336's `decode` wraps a decoding in a
 * `try` whose `catch` throws a `TypeError`: no call, no branch, no piece told it). */
export function callsOf(node: T.Node, sf: T.SourceFile, ranges: LineRanges): string[] {
  const calls: string[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const isTouched = (at: number) => ranges.some(([a, b]) => a <= at && at <= b);
  const isThrown = new Set<T.Node>();
  walkSyntax(node, (child) => {
    // An error made and not thrown there (`return new Error(reason)` for a caller to throw: wagmi
    // 18e94210c) is recorded too, as `new Error`: the other side's thrown one is no news then.
    if (ts.isNewExpression(child) && ts.isIdentifier(child.expression)) {
      if (isTouched(line(child.expression.getEnd()))) calls.push(`${isThrown.has(child) ? 'throw' : 'new'} ${child.expression.text}`);
      return;
    }
    if (ts.isThrowStatement(child) && ts.isNewExpression(child.expression)) isThrown.add(child.expression);
    if (!ts.isCallExpression(child)) return;
    const callee = isTouched(line(child.expression.getEnd())) ? calleeOf(child) : undefined;
    if (callee !== undefined) calls.push(callee);
  });
  return calls;
}
