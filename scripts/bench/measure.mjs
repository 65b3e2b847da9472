// Timing helpers shared by the bench sections: run a command N times after warm-up and keep the
// median wall time, so one slow run on a busy machine does not decide the figure.
import { spawnSync } from 'node:child_process';
import { benchEnv } from './generate-repo.mjs';

export function time(command, args, { cwd, env = {}, runs = 10, warmup = 2, expectCodes = [0, 1] } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env: benchEnv(env), encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!expectCodes.includes(result.status)) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    }
    if (i >= warmup) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export const fmt = (ms) => `${ms.toFixed(0)} ms`.padStart(9);
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

/**
 * Times several commands side by side: each round runs every command once, in turn, so a burst
 * of load on a shared machine hits all of them alike. Returns the median of each, in ms.
 * `commands` is [{ command, args, cwd?, env?, expectCodes? }]; warm-up rounds are discarded.
 */
export function timeSideBySide(commands, { runs = 10, warmup = 2 } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach((spec, index) => {
      const ms = time(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, runs: 1, warmup: 0, expectCodes: spec.expectCodes });
      if (round >= warmup) samples[index].push(ms);
    });
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
