import { describe, expect, test } from '@jest/globals';
import { escapeMarkdown } from '../../../src/core/text/escape-markdown.js';
import { escapeWorkflowData, escapeWorkflowProperty } from '../../../src/core/text/escape-workflow-command.js';
import { stringifyJson } from '../../../src/core/text/stringify-json.js';

// Each output format neutralises repository text in its own way.

describe('escapeMarkdown', () => {
  test('HTML, links, code spans, table pipes and math render as their characters', () => {
    expect(escapeMarkdown('<img src=//x> [a](javascript:b) `c` d|e $f$ *g* _h_ ~i~ #j &amp; !k \\l')).toBe(
      '\\<img src=//x\\> \\[a\\](javascript:b) \\`c\\` d\\|e \\$f\\$ \\*g\\* \\_h\\_ \\~i\\~ #j \\&amp; !k \\\\l',
    );
  });
  test('control characters become visible escapes, one line', () => {
    expect(escapeMarkdown('a\u001b[31mb\nc\u009b')).toBe('a\\\\e\\[31mb\\\\nc\\\\x9b');
  });
  test('plain and non-ASCII text is unchanged', () => {
    expect(escapeMarkdown('Fix the parser for ファイル names (v2.1), 100% done')).toBe(
      'Fix the parser for ファイル names (v2.1), 100% done',
    );
  });
});

describe('workflow command escaping', () => {
  test('data: %, CR, LF percent-encoded; other controls visible', () => {
    expect(escapeWorkflowData('50%\r\n::error::x\u001b[2J')).toBe('50%25%0D%0A::error::x\\e[2J');
  });
  test('a property also encodes : and , so it cannot end the property list', () => {
    expect(escapeWorkflowProperty('a,b::c\nd')).toBe('a%2Cb%3A%3Ac%0Ad');
  });
});

describe('stringifyJson', () => {
  test('DEL, C1 controls and line separators are \\u escapes; the value is unchanged', () => {
    const value = { name: 'a\u007fb\u009bc\u2028d\u001be' };
    const text = stringifyJson(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u001b]/);
    expect(text).toContain('a\\u007fb\\u009bc\\u2028d\\u001be');
    expect(JSON.parse(text)).toEqual(value);
  });
});
