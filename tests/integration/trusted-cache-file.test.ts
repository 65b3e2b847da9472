import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  readSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { openCacheFile, readCacheFile, writeCacheFile } from '../../src/adapters/cache/trusted-cache-file.js';

// The safe cache-file primitive on real files: owners, modes, links, FIFOs and damaged bytes.
// The suite runs as root here, so "another user" is a real chown to nobody (65534).

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const rootOnly = isRoot ? test : test.skip;
let base: string;
let dir: string;
let file: string;
const options = { key: 'typescript 6.0.3', maxBytes: 1024 * 1024 };

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'selfreview-trusted-cache-'));
  dir = join(base, 'cache');
  file = join(dir, 'entry.bin');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const write = (content = 'the content') => expect(writeCacheFile(file, options.key, content)).toBe(true);
const reasonOf = (read: ReturnType<typeof readCacheFile>) => (read.kind === 'refused' ? read.reason : read.kind);

describe('writeCacheFile then readCacheFile', () => {
  test('gives back the content; the folder is 0700, the file 0600, no temporary file is left', () => {
    write();
    const read = readCacheFile(file, options);
    expect(read.kind === 'hit' && read.bytes.toString()).toBe('the content');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).trim()).toBe('entry.bin');
  });

  test('absent is absent; another key is stale', () => {
    expect(readCacheFile(file, options).kind).toBe('absent');
    write();
    expect(readCacheFile(file, { ...options, key: 'typescript 6.0.4' }).kind).toBe('stale');
  });

  test('damaged bytes, a cut, a missing header or a larger file than allowed are refused', () => {
    write('x'.repeat(1000));
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[good.length - 10] = flipped[good.length - 10]! ^ 0x20;
    writeFileSync(file, flipped);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/does not match its digest/);
    writeFileSync(file, good.subarray(0, 500));
    expect(reasonOf(readCacheFile(file, options))).toMatch(/does not match its digest/);
    writeFileSync(file, good.subarray(0, 40));
    expect(reasonOf(readCacheFile(file, options))).toMatch(/not a selfreview cache file/);
    writeFileSync(file, 'not a cache');
    expect(reasonOf(readCacheFile(file, options))).toMatch(/not a selfreview cache file/);
    writeFileSync(file, good);
    expect(reasonOf(readCacheFile(file, { ...options, maxBytes: 999 }))).toMatch(/larger than/);
    expect(readCacheFile(file, options).kind).toBe('hit');
  });

  test('a symbolic link (to /dev/zero or to a good cache file) and a FIFO are refused without blocking', () => {
    write();
    const real = join(dir, 'real.bin');
    writeCacheFile(real, options.key, 'the content');
    rmSync(file);
    symlinkSync(real, file);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/symbolic link/);
    rmSync(file);
    symlinkSync('/dev/zero', file);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/symbolic link/);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/not a regular file/);
  });

  rootOnly('a file owned by another user, or writable by group or others, is refused', () => {
    write();
    chownSync(file, NOBODY, NOBODY);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/owned by another user \(uid 65534\)/);
    chownSync(file, 0, 0);
    chmodSync(file, 0o666);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/writable by group or others \(mode 666\)/);
    chmodSync(file, 0o620);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/writable by group or others/);
    chmodSync(file, 0o600);
    expect(readCacheFile(file, options).kind).toBe('hit');
  });

  rootOnly('a folder writable by others is not read; one owned by another user is neither read nor written', () => {
    write();
    chmodSync(dir, 0o777);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/its folder is writable by group or others \(mode 777\)/);
    chmodSync(dir, 0o755);
    chownSync(dir, NOBODY, NOBODY);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/its folder is owned by another user/);
    expect(writeCacheFile(file, options.key, 'new')).toBe(false);
    chownSync(dir, 0, 0);
    expect(readCacheFile(file, options).kind).toBe('hit');
  });

  test('our own folder left group-writable (umask 002, an older version) is refused, then closed to 0700 by the next write', () => {
    write();
    chmodSync(dir, 0o775);
    expect(reasonOf(readCacheFile(file, options))).toMatch(/its folder is writable by group or others \(mode 775\)/);
    write('rewritten');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const read = readCacheFile(file, options);
    expect(read.kind === 'hit' && read.bytes.toString()).toBe('rewritten');
  });

  test('a per-user cache inside a git work tree is refused, and never written there', () => {
    mkdirSync(join(base, '.git'));
    write(); // a git directory's own cache: allowed
    const perUser = { ...options, isOutsideWorkTree: true };
    expect(reasonOf(readCacheFile(file, perUser))).toMatch(/inside a git work tree/);
    expect(writeCacheFile(file, options.key, 'new', perUser)).toBe(false);
  });

  test('openCacheFile hands the checked descriptor to a reader that reads parts', () => {
    write('0123456789');
    const opened = openCacheFile(file, { maxBytes: 1000 });
    expect(opened.kind).toBe('opened');
    if (opened.kind !== 'opened') return;
    const part = Buffer.alloc(4);
    readSync(opened.fd, part, 0, 4, opened.size - 4);
    closeSync(opened.fd);
    expect(part.toString()).toBe('6789');
  });
});
