import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { classifyFile } from '../../../src/core/questionnaire/change-units.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { fileChange } from '../../helpers/file-change.js';

const file = (path: string, added = 5): FileChange => fileChange(path, added, { removed: 1, newBlob: `b-${path}` });

// Lines of lucide 02eaf471a9 and 0f7ac1f988 (lucide-icons/lucide), trimmed as same-edit.ts gives them.
const SCRIPT_EDIT = [
  "-import iconNode from '../iconNodes/${iconName}.node.json'",
  "+import iconNode from '../iconNodes/${iconName}.node.json' with { type: 'json' };",
].join('\n');
const PACKAGE_EDIT = ['-"dev": "npx nitropack dev",', '+"dev": "nitropack dev",'].join('\n');

describe('a docs folder that is a site, and a JSON key that only lost its comma', () => {
  test('code and config under docs/ are code and config; its pages and images stay docs', () => {
    expect(classifyFile('docs/scripts/writeIconDetails.mts')).toBe('source');
    expect(classifyFile('docs/.vitepress/theme/components/icons/IconPreview.vue')).toBe('source');
    expect(classifyFile('docs/package.json')).toBe('config');
    expect(classifyFile('docs/guide/installation.md')).toBe('docs');
    expect(classifyFile('docs/images/logo.svg')).toBe('docs');
    expect(classifyFile('.changeset/quick-foxes.md')).toBe('docs');

    const questions = generateQuestions({
      files: [file('docs/scripts/writeIconDetails.mts', 7), file('docs/package.json', 4), file('src/other.ts')],
      provenance: 'human',
      edits: new Map([
        ['docs/scripts/writeIconDetails.mts', SCRIPT_EDIT],
        ['docs/package.json', PACKAGE_EDIT],
      ]),
    });
    // Before: "What should readers of docs/package.json, docs/scripts/writeIconDetails.mts now know that they did not?"
    expect(questions.map((q) => q.id).filter((id) => id.startsWith('docs:'))).toEqual([]);
    expect(questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(['unit:docs/scripts/writeIconDetails.mts', 'config:docs/package.json']),
    );
  });

  test('a key whose line only lost its comma is not "given a new value"', () => {
    const edit = ['-"deprecationReason": "alias.name",', '-"toBeRemovedInVersion": "v1.0"', '+"deprecationReason": "alias.name"'].join(
      '\n',
    );
    const question = generateQuestions({
      files: [file('icons/mic-signal.json', 1), file('src/other.ts')],
      provenance: 'human',
      edits: new Map([['icons/mic-signal.json', edit]]),
    }).find((q) => q.id === 'unit:icons/mic-signal.json')!.message;
    // Before: `removes "toBeRemovedInVersion" and gives "deprecationReason" a new value ("alias.name" → "alias.name")`.
    expect(question).toBe(
      'The change to icons/mic-signal.json removes "toBeRemovedInVersion": what reads it, and what does a user see differently?',
    );
  });

  test('a new JSON file is asked about as new, by its keys but its `$schema` (lucide 59978cecf: an icon and its metadata)', () => {
    const added = (path: string, n: number): FileChange => ({ ...file(path, n), status: 'added', removed: 0 });
    const edit = [
      '+{',
      '+"$schema": "../icon.schema.json",',
      '+"contributors": [',
      '+"simoncoudeville"',
      '+],',
      '+"tags": [',
      '+"port"',
      '+],',
      '+"categories": [',
      '+"multimedia"',
      '+]',
      '+}',
    ].join('\n');
    const question = generateQuestions({
      files: [added('icons/midi-port.json', 12), added('icons/midi-port.svg', 8)],
      provenance: 'human',
      edits: new Map([['icons/midi-port.json', edit]]),
    }).find((q) => q.id === 'unit:icons/midi-port.json')!.message;
    // Before: `The change to icons/midi-port.json (with icons/midi-port.svg) adds "$schema", "contributors" and 2 more: what reads them …`.
    expect(question).toBe(
      'icons/midi-port.json (with icons/midi-port.svg) is new, with "contributors", "tags" and "categories": what reads it, and where does a user see it?',
    );
  });
});
