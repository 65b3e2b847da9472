import { Chalk, type ChalkInstance } from 'chalk';

/** Colour only for a terminal that wants it: NO_COLOR (no-color.org) and --no-color turn it off. */
export function createColors(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, isWanted = true): ChalkInstance {
  const isOff = !isWanted || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !stream.isTTY;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return new Chalk({ level: isOff && !forced ? 0 : 1 });
}

export type { ChalkInstance };
