import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The colour level, as chalk's users expect it: `--no-color` is the person's explicit choice and
 * wins; then FORCE_COLOR (`0`/`false` off; `1`/`true`/empty basic, `2` 256 colours, `3` truecolor),
 * which wins over NO_COLOR as in Node itself; then NO_COLOR (any non-empty value, no-color.org);
 * else colour only on a terminal.
 */
export function decideColorLevel(isTerminal: boolean, env: NodeJS.ProcessEnv, isWanted = true): 0 | 1 | 2 | 3 {
  if (!isWanted) return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) {
    if (forced === '0' || forced.toLowerCase() === 'false') return 0;
    const level = Number(forced);
    return level === 2 || level === 3 ? level : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return isTerminal ? 1 : 0;
}

export function createColors(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, isWanted = true): ChalkInstance {
  return new Chalk({ level: decideColorLevel(stream.isTTY === true, env, isWanted) });
}

export type { ChalkInstance };
