import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@jest/globals';
import { packTarball } from '../helpers/installed-package.js';

// The package a user installs runs nothing at install time. npm 11 warns on every install of a
// package whose manifest has an install script ("1 package has install scripts not yet covered by
// allowScripts: selfreview@0.1.0 (prepare: husky || true)"), and a careful user stops there: the
// project's own husky setup is `npm run hooks`, not a lifecycle script.
test('the packed package.json has no preinstall, install, postinstall or prepare script', () => {
  const tarball = packTarball();
  try {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as {
      name: string;
      scripts?: Record<string, string>;
      bin?: Record<string, string>;
    };
    expect(manifest.name).toBe('selfreview');
    expect(manifest.bin).toEqual({ selfreview: expect.any(String) });
    const lifecycle = Object.keys(manifest.scripts ?? {}).filter((name) =>
      ['preinstall', 'install', 'postinstall', 'prepare'].includes(name),
    );
    expect(lifecycle).toEqual([]);
  } finally {
    rmSync(dirname(tarball), { recursive: true, force: true });
  }
}, 120_000);
