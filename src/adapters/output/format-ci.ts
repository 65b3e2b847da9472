import type { CommitSummary } from '../../core/policy/check-commit.js';
import type { Finding, FindingFix } from '../../core/policy/finding.js';
import { escapeMarkdown } from '../../core/text/escape-markdown.js';
import { escapeWorkflowData, escapeWorkflowProperty } from '../../core/text/escape-workflow-command.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { stringifyJson } from '../../core/text/stringify-json.js';
import type { CiReport } from '../../core/contracts/ci-report.js';

// `selfreview ci` output: text for a log, Markdown for a job summary, GitHub workflow commands
// for annotations on the offending files, JSON for anything else. Every finding that needs
// something done carries its fix (fix-for-finding.ts), printed in each format.

const STATUS = {
  reviewed: 'reviewed',
  missing: 'no review',
  'changed-after-review': 'changed after review',
  unverified: 'unverified',
  invalid: 'review does not verify',
} as const;

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** "reviewed (rebased from 1a2b3c4d5e)": the status with how it was matched. */
const reviewOf = (c: CommitSummary) =>
  c.review.how !== null && c.review.how !== 'same tree' ? `${STATUS[c.review.status]} (${c.review.how})` : STATUS[c.review.status];

function describe(c: CommitSummary): string {
  const size = c.totals === null ? 'merge not measured' : `+${c.totals.added} -${c.totals.removed} in ${files(c.totals.files)}`;
  const split = c.budget?.lineByLine;
  const byLine = split ? ` for ${split.ai} lines by AI (${split.source}), human for ${split.rest}` : '';
  const budget = c.budget ? `, ${c.budget.kind} budget ${c.budget.lines}/${c.budget.files}${byLine}` : '';
  const risk = c.risk ? `, risk ${c.risk.level}` : '';
  return `${size}${budget}, ${clean(reviewOf(c))}${risk}`;
}

/** The fixes of a commit's findings, each once (several findings often share one). */
function fixesOf(c: CommitSummary): FindingFix[] {
  const seen = new Map<string, FindingFix>();
  for (const f of c.findings) if (f.fix && !seen.has(f.fix.commands.join('\n'))) seen.set(f.fix.commands.join('\n'), f.fix);
  return [...seen.values()];
}

/** "fix: <what>" and the commands, for a log or an annotation. */
const fixLines = (fix: FindingFix, indent: string) => [
  `${indent}fix: ${clean(fix.text)}`,
  ...fix.commands.map((cmd) => `${indent}  $ ${clean(cmd)}`),
];

const isActionable = (f: Finding) => f.level !== 'note';

/** Where the policy came from, what the range changes in it, and the commits before ci.since. */
function policyLines(report: CiReport): string[] {
  const lines: string[] = [];
  if (report.policy) lines.push(`policy: ${report.policy.source}`);
  if (report.policy?.change) lines.push(`policy change: ${report.policy.change}`);
  if (report.totals.beforeStart) lines.push(`${report.totals.beforeStart} commits before ci.since: reported, not judged`);
  return lines;
}

export function formatCiText(report: CiReport): string {
  const lines = [
    `selfreview ci: ${report.totals.commits} commit${report.totals.commits === 1 ? '' : 's'} in ${report.range.base.slice(0, 10)}..${report.range.head.slice(0, 10)}`,
  ];
  lines.push(...policyLines(report).map((l) => clean(l)));
  for (const c of report.commits) {
    lines.push(`${c.verdict === 'pass' ? '✔' : '✖'} ${c.commit.slice(0, 10)} ${clean(c.subject)}  (${describe(c)})`);
    for (const f of c.findings) lines.push(`    ${f.level}: ${clean(f.message)}`);
    for (const fix of fixesOf(c)) lines.push(...fixLines(fix, '    '));
    lines.push(`    provenance: ${c.provenance} (${clean(c.provenanceSource)})`);
    if (c.review.quiz !== undefined) lines.push(`    ${clean(c.review.quiz)}`);
  }
  const t = report.totals;
  lines.push(
    `${report.verdict === 'pass' ? 'Pass' : 'Fail'}: ${t.failed} of ${t.commits} commits failed; ${t.reviewed} reviewed, ${t.missing} without review, ${t.changedAfterReview} changed after review, ${t.unverified} unverified, ${t.invalid} not verifying, ${t.overrides} overrides.`,
  );
  return `${lines.join('\n')}\n`;
}

// Subjects and findings are repository text: escaped for Markdown (core/text/escape-markdown.ts).
const cell = escapeMarkdown;

export function formatCiMarkdown(report: CiReport): string {
  const t = report.totals;
  const failing = report.commits.filter((c) => c.findings.some(isActionable));
  const lines = [`### selfreview: ${report.verdict === 'pass' ? '✅ pass' : '❌ fail'} (${t.failed} of ${t.commits} commits failed)`, ''];
  // A reviewer reads the verdict, then what to do, then the details.
  if (failing.length > 0) {
    lines.push('**What to do**', '');
    for (const c of failing) {
      const worst = c.findings.filter(isActionable).map((f) => f.message);
      lines.push(`- \`${c.commit.slice(0, 10)}\` ${cell(c.subject)}: ${cell(worst.join('; '))}`);
      for (const fix of fixesOf(c)) {
        lines.push(`  ${cell(fix.text)}:`, '  ```sh', ...fix.commands.map((cmd) => `  ${cmd.replace(/`/g, "'")}`), '  ```');
      }
    }
    lines.push('');
  }
  lines.push(
    ...policyLines(report).map((l) => `${cell(l)}  `),
    `${t.commits} commits: ${t.reviewed} reviewed, ${t.missing} without review, ${t.changedAfterReview} changed after review, ${t.unverified} unverified, ${t.invalid} not verifying, ${t.overrides} overrides.`,
    '',
    '| | commit | size | provenance | review | risk | findings |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of report.commits) {
    const size = c.totals === null ? 'merge' : `+${c.totals.added} −${c.totals.removed} (${files(c.totals.files)})`;
    lines.push(
      `| ${c.verdict === 'pass' ? '✅' : '❌'} | \`${c.commit.slice(0, 10)}\` ${cell(c.subject)} | ${size} | ${c.provenance} (${cell(c.provenanceSource)}) | ${cell(reviewOf(c))} | ${c.risk?.level ?? '—'} | ${cell(c.findings.map((f) => f.message).join('; ')) || '—'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub workflow commands; values escaped as the runner expects (%, \r, \n; and , : in properties). */
export function formatCiGithub(report: CiReport): string {
  const data = escapeWorkflowData;
  const prop = escapeWorkflowProperty;
  const lines: string[] = [];
  for (const c of report.commits) {
    for (const f of c.findings) {
      if (f.level === 'note') continue;
      const file = c.files[0];
      const at = file?.startLine !== undefined ? `line=${file.startLine},endLine=${file.endLine ?? file.startLine},` : '';
      const where = file ? `file=${prop(file.path)},${at}` : '';
      const fix = f.fix ? `\n${fixLines(f.fix, '').join('\n')}` : '';
      lines.push(`::${f.level} ${where}title=${prop(`selfreview: ${c.commit.slice(0, 10)} ${c.subject}`)}::${data(`${f.message}${fix}`)}`);
    }
  }
  lines.push(formatCiText(report).trimEnd());
  return `${lines.join('\n')}\n`;
}

/**
 * SARIF 2.1.0, for code-scanning uploads (github/codeql-action/upload-sarif). Every result needs
 * a location: a finding about a whole commit points at that commit's heaviest counted file.
 */
const locationOf = (file: CommitSummary['files'][number]) => ({
  artifactLocation: { uri: file.path },
  ...(file.startLine !== undefined && { region: { startLine: file.startLine, endLine: file.endLine ?? file.startLine } }),
});

export function formatCiSarif(report: CiReport, version: string): string {
  const rules = new Map<string, string>();
  const results = report.commits.flatMap((c) =>
    c.findings
      .filter((f) => f.level !== 'note' && c.files[0] !== undefined)
      .map((f) => {
        rules.set(f.code, f.code.replace(/-/g, ' '));
        return {
          ruleId: f.code,
          level: f.level,
          message: {
            text: `${c.commit.slice(0, 10)} ${c.subject}: ${f.message}${f.fix ? `. Fix: ${f.fix.text}: ${f.fix.commands.join(' && ')}` : ''}`,
          },
          locations: [{ physicalLocation: locationOf(c.files[0]!) }],
          partialFingerprints: { commitFinding: `${c.commit}:${f.code}` },
        };
      }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'selfreview', version, rules: [...rules].map(([id, name]) => ({ id, name, shortDescription: { text: name } })) },
        },
        results,
      },
    ],
  };
  return `${stringifyJson(sarif)}\n`;
}
