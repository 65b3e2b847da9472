import { existsSync, mkdtempSync, openSync, closeSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { withPublishLock } from '../../src/adapters/cache/publish-lock.js';

// Parallel runs publish their module data one at a time: the lock is held while `publish` runs
// and removed after; one held by another run is waited for, then published without; a killed
// run's (older than ten seconds) is taken.

const LOCK = 'modules-publish.lock';
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withPublishLock', () => {
  test('holds the lock while publishing, and removes it after, also when publishing throws', () => {
    dir = mkdtempSync(join(tmpdir(), 'publish-lock-'));
    let heldInside = false;
    withPublishLock(dir, () => {
      heldInside = existsSync(join(dir, LOCK));
    });
    expect(heldInside).toBe(true);
    expect(existsSync(join(dir, LOCK))).toBe(false);
    expect(() =>
      withPublishLock(dir, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });

  test("another run's lock is waited for, then published without, and left to its owner", () => {
    dir = mkdtempSync(join(tmpdir(), 'publish-lock-'));
    closeSync(openSync(join(dir, LOCK), 'wx'));
    const start = Date.now();
    let published = false;
    withPublishLock(dir, () => {
      published = true;
    });
    expect(published).toBe(true);
    expect(Date.now() - start).toBeGreaterThanOrEqual(100);
    expect(existsSync(join(dir, LOCK))).toBe(true);
  });

  test("a killed run's lock, older than ten seconds, is taken", () => {
    dir = mkdtempSync(join(tmpdir(), 'publish-lock-'));
    closeSync(openSync(join(dir, LOCK), 'wx'));
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(join(dir, LOCK), old, old);
    let heldInside = false;
    withPublishLock(dir, () => {
      heldInside = existsSync(join(dir, LOCK));
    });
    expect(heldInside).toBe(true);
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });
});
