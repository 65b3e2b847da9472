import { describe, expect, test } from '@jest/globals';
import { createProgress } from '../../../src/adapters/output/progress.js';

// The progress reporter on a recorded stream: silent for quick steps, one updating line on a
// terminal (cleared at the end), one plain line elsewhere, nothing when disabled (--quiet).

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createProgress', () => {
  test('a step that ends before the delay prints nothing', async () => {
    const { stream, writes } = recorder(true);
    createProgress(stream, { enabled: true, delayMs: 50 }).step('computing the blast radius').done();
    await pause(80);
    expect(writes).toEqual([]);
  });

  test('on a terminal: a line that updates in place, cleared when the step ends', async () => {
    const { stream, writes } = recorder(true);
    const step = createProgress(stream, { enabled: true, delayMs: 5 }).step('computing the blast radius');
    await pause(40);
    step.update('parsed 120 of 900 files');
    step.done();
    const clear = '\r\u001b[2K'; // carriage return, erase the line
    expect(writes[0]!.startsWith(clear)).toBe(true);
    expect(writes[0]!.slice(clear.length)).toMatch(/^selfreview: computing the blast radius… \d+ s$/);
    expect(writes.some((w) => w.includes('(parsed 120 of 900 files)'))).toBe(true);
    expect(writes.every((w) => !w.includes('\n'))).toBe(true);
    expect(writes[writes.length - 1]).toBe(clear);
  });

  test('past the delay, each phase shows as it starts, though work that never yields starves the timer', () => {
    const { stream, writes } = recorder(true);
    const step = createProgress(stream, { enabled: true, delayMs: 0, columns: 200 }).step('computing the blast radius');
    const busyUntil = Date.now() + 5;
    while (Date.now() < busyUntil); // no turn of the event loop: the timer cannot fire
    step.note('building the import graph of 1,101 files');
    step.note('indexing 1,102 files');
    step.done();
    expect(writes.some((w) => w.includes('(building the import graph of 1,101 files)'))).toBe(true);
    expect(writes.some((w) => w.includes('(indexing 1,102 files)'))).toBe(true);
  });

  test('elsewhere (a log, CI): one plain line per step; disabled: nothing', async () => {
    const plain = recorder(false);
    const step = createProgress(plain.stream, { enabled: true, delayMs: 5 }).step('computing the blast radius');
    await pause(40);
    step.update('more detail');
    step.done();
    expect(plain.writes).toEqual(['selfreview: computing the blast radius…\n']);
    const quiet = recorder(true);
    const silent = createProgress(quiet.stream, { enabled: false, delayMs: 0 }).step('x');
    await pause(20);
    silent.done();
    expect(quiet.writes).toEqual([]);
  });
});
