import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { parseDataText } from '../../../src/adapters/config/parse-data-text.js';
import { describeManualSetup } from '../../../src/adapters/hooks/manual-setup.js';
import { PROJECT_ROOT } from '../../helpers/temp-repo.js';

// .pre-commit-hooks.yaml (for `repo:` users of the pre-commit framework) runs exactly what the
// `repo: local` lines `selfreview init` prints run, and init counts its ids as configured.

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  always_run: boolean;
}
const pick = ({ id, entry, language, pass_filenames, always_run }: Hook) => ({ id, entry, language, pass_filenames, always_run });

test('the manifest matches the printed lines, and a config naming its ids counts as set up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-manifest-'));
  try {
    const setup = { kind: 'pre-commit', config: '.pre-commit-config.yaml' } as const;
    const printed = describeManualSetup(dir, setup)!;
    const local = (await parseDataText(printed.lines, true)) as { repos: Array<{ hooks: Hook[] }> };
    const manifest = (await parseDataText(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8'), true)) as Hook[];
    expect(manifest.map(pick)).toEqual(local.repos[0]!.hooks.map(pick));

    const remote = `repos:\n  - repo: https://github.com/o/selfreview\n    rev: v0.1.0\n    hooks:\n${manifest.map((h) => `      - id: ${h.id}\n`).join('')}`;
    writeFileSync(join(dir, '.pre-commit-config.yaml'), remote);
    expect(describeManualSetup(dir, setup)).toMatchObject({ missing: [] });
    writeFileSync(join(dir, '.pre-commit-config.yaml'), 'repos: []\n');
    expect(describeManualSetup(dir, setup)!.missing).toHaveLength(4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
