import type { CommitSummary } from '../../core/policy/check-commit.js';
import { escapeMarkdown } from '../../core/text/escape-markdown.js';
import { escapeWorkflowData, escapeWorkflowProperty } from '../../core/text/escape-workflow-command.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { stringifyJson } from '../../core/text/stringify-json.js';
import type { CiReport } from '../../core/contracts/ci-report.js';

// `selfreview ci` output: text for a log, Markdown for a job summary, GitHub workflow commands
// for annotations on the offending files, JSON for anything else.

const STATUS = {
  reviewed: 'reviewed',
  missing: 'no review',
  'changed-after-review': 'changed after review',
  unverified: 'unverified',
  invalid: 'review does not verify',
} as const;

/** "reviewed (rebased from 1a2b3c4d5e)": the status with how it was matched. */
const reviewOf = (c: CommitSummary) =>
  c.review.how !== null && c.review.how !== 'same tree' ? `${STATUS[c.review.status]} (${c.review.how})` : STATUS[c.review.status];

function describe(c: CommitSummary): string {
  const size = c.totals === null ? 'merge not measured' : `+${c.totals.added} -${c.totals.removed} in ${c.totals.files} files`;
  const budget = c.budget ? `, ${c.budget.kind} budget ${c.budget.lines}/${c.budget.files}` : '';
  const risk = c.risk ? `, risk ${c.risk.level}` : '';
  return `${size}${budget}, ${clean(reviewOf(c))}${risk}`;
}

export function formatCiText(report: CiReport): string {
  const lines = [`selfreview ci: ${report.totals.commits} commits in ${report.range.base.slice(0, 10)}..${report.range.head.slice(0, 10)}`];
  for (const c of report.commits) {
    lines.push(`${c.verdict === 'pass' ? '✔' : '✖'} ${c.commit.slice(0, 10)} ${clean(c.subject)}  (${describe(c)})`);
    for (const f of c.findings) lines.push(`    ${f.level}: ${clean(f.message)}`);
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
  const lines = [
    `### selfreview: ${report.verdict === 'pass' ? '✅ pass' : '❌ fail'}`,
    '',
    `${t.commits} commits: ${t.reviewed} reviewed, ${t.missing} without review, ${t.changedAfterReview} changed after review, ${t.unverified} unverified, ${t.invalid} not verifying, ${t.overrides} overrides.`,
    '',
    '| | commit | size | provenance | review | risk | findings |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of report.commits) {
    const size = c.totals === null ? 'merge' : `+${c.totals.added} −${c.totals.removed} (${c.totals.files} files)`;
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
      const where = file ? `file=${prop(file.path)},` : '';
      lines.push(`::${f.level} ${where}title=${prop(`selfreview: ${c.commit.slice(0, 10)} ${c.subject}`)}::${data(f.message)}`);
    }
  }
  lines.push(formatCiText(report).trimEnd());
  return `${lines.join('\n')}\n`;
}

/**
 * SARIF 2.1.0, for code-scanning uploads (github/codeql-action/upload-sarif). Every result needs
 * a location: a finding about a whole commit points at that commit's heaviest counted file.
 */
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
          message: { text: `${c.commit.slice(0, 10)} ${c.subject}: ${f.message}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: c.files[0]!.path } } }],
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
