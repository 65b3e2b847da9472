import { describe, expect, test } from '@jest/globals';
import { readScriptImports } from '../../../src/core/questionnaire/script-imports.js';

describe('readScriptImports: what a new file with no exports imports and runs', () => {
  test("vercel/ai 7dd9ec320c's new example: the project's names, not Node's or types", () => {
    const edit = [
      "+import { createOpenAICompatible } from '@ai-sdk/openai-compatible';",
      "+import { generateText } from 'ai';",
      "+import fs from 'node:fs';",
      "+import { run } from '../../lib/run';",
      "+import type { Model } from '../../lib/types';",
      '+const alibaba = createOpenAICompatible({',
    ].join('\n');
    expect(readScriptImports(edit)).toEqual(['createOpenAICompatible', 'generateText', 'run']);
  });

  test('an import over several lines, aliases, inline types, a default beside braces, a namespace', () => {
    const edit = [
      '+import {',
      '+  setup,',
      '+  type Options,',
      '+  teardown as stop,',
      "+} from './harness';",
      "+import React, { useState } from 'react';",
      "+import * as api from '../api';",
      "-import { old } from './old';",
    ].join('\n');
    expect(readScriptImports(edit)).toEqual(['setup', 'stop', 'React', 'useState', 'api']);
  });
});
