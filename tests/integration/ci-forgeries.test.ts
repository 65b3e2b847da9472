import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { computeRecordDigest } from '../../src/core/record/record-digest.js';
import type { ReviewRecord } from '../../src/core/record/review-record.js';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, TempRepo } from '../helpers/temp-repo.js';

// What a line of text cannot do: each forgery is a commit that CI must fail, with a message
// naming what does not verify. And signed records: verified against an allowed signers file
// with a real ssh key made here.

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface CiCommit {
  subject: string;
  verdict: string;
  review: { status: string };
  findings: Array<{ code: string; level: string; message: string }>;
}

function ci(r: TempRepo, base = 'base'): Record<string, CiCommit> {
  const result = runUnchanged(r, ['ci', '--base', base, '--format', 'json', '--no-impact']);
  return Object.fromEntries((JSON.parse(result.stdout) as { commits: CiCommit[] }).commits.map((c) => [c.subject, c]));
}

const findingsOf = (c: CiCommit | undefined) => (c?.findings ?? []).map((f) => `${f.level} ${f.code}: ${f.message}`);
const errors = (c: CiCommit | undefined) => (c?.findings ?? []).filter((f) => f.level === 'error').map((f) => `${f.code}: ${f.message}`);
const trailerOf = (r: TempRepo, rev: string) => r.git(['log', '-1', '--format=%(trailers:key=Self-Review)', rev]).trim();

describe('forgeries fail CI, naming what does not verify', () => {
  test('hand-written trailers, a lowercase key, two trailers, a forged override, a copied note, an edited note', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3), '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow' } }) });
    repos.push(repo);
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(5) });
    const genuine = commitReviewed(repo, 'Genuine');
    const genuineLine = trailerOf(repo, genuine);

    repo.stage({ 'src/b.ts': lines(4) });
    const tree = repo.git(['write-tree']).trim();
    repo.git([
      'commit',
      '-q',
      '--no-verify',
      '-m',
      `Hand-written\n\nSelf-Review: tree=${tree} risk=low lines=+4/-0 files=1 provenance=human`,
    ]);

    repo.stage({ 'src/c.ts': lines(4) });
    commitReviewed(repo, 'Lowercase key');
    const lowered = repo.git(['log', '-1', '--format=%B']).replace(/^Self-Review:/m, 'self-review:');
    repo.git(['commit', '-q', '--amend', '--no-verify', '-F', '-'], { input: lowered });

    repo.stage({ 'src/d.ts': lines(4) });
    commitReviewed(repo, 'Two trailers');
    const right = trailerOf(repo, 'HEAD');
    repo.git(['commit', '-q', '--amend', '--no-verify', '-F', '-'], {
      input: `Two trailers\n\nSelf-Review: tree=${'0'.repeat(40)} risk=low lines=+1/-0 files=1 provenance=human\n${right}\n`,
    });

    repo.stage({ 'src/big.ts': lines(900, 'big') });
    repo.git(['commit', '-q', '--no-verify', '-m', `Forged override\n\n${genuineLine}\nSelf-Review-Override: prod is down, no time`]);

    repo.stage({ 'src/e.ts': lines(6) });
    repo.git(['commit', '-q', '--no-verify', '-m', `Copied note\n\n${genuineLine}`]);
    repo.git(['notes', '--ref=selfreview', 'copy', genuine, 'HEAD']);

    repo.stage({ 'src/f.ts': lines(4) });
    commitReviewed(repo, 'Edited note');
    const note = JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])) as { provenance: { kind: string; declared?: string } };
    note.provenance = { ...note.provenance, kind: 'human', declared: 'written' };
    writeFileSync(join(repo.dir, '.git', 'edited-note.json'), JSON.stringify({ ...note, risk: 'low' }, null, 2));
    repo.git(['notes', '--ref=selfreview', 'add', '-f', '-F', join(repo.dir, '.git', 'edited-note.json'), 'HEAD']);

    const report = ci(repo);
    expect(report['Genuine']).toMatchObject({ verdict: 'pass', review: { status: 'reviewed' } });
    expect(report['Hand-written']).toMatchObject({ verdict: 'fail', review: { status: 'invalid' } });
    expect(errors(report['Hand-written'])).toEqual([
      expect.stringMatching(/^review-line-invalid: Self-Review line 3 does not verify: it names no record digest/),
    ]);
    expect(errors(report['Lowercase key'])).toEqual([
      expect.stringMatching(/^review-line-invalid: .*the key is "self-review", not "Self-Review"/),
    ]);
    expect(errors(report['Two trailers'])).toEqual([
      expect.stringMatching(/^review-line-invalid: Self-Review line 3 does not verify: it names no record digest/),
    ]);
    expect(errors(report['Forged override'])).toEqual([
      expect.stringMatching(/^lines-over-budget: /),
      expect.stringMatching(/^override-unverified: Self-Review-Override line 4 is not in the verified review record/),
      expect.stringMatching(
        /^changed-after-review: changed after its review: src\/big\.ts: not in the review \(\+900 -0\); src\/a\.ts: reviewed \(\+2 -0\) but not changed/,
      ),
    ]);
    expect(report['Copied note']).toMatchObject({ verdict: 'fail', review: { status: 'changed-after-review' } });
    expect(errors(report['Copied note'])[0]).toMatch(/src\/e\.ts: not in the review/);
    expect(report['Edited note']).toMatchObject({ verdict: 'fail', review: { status: 'unverified' } });
    expect(errors(report['Edited note'])).toEqual([
      expect.stringMatching(/^review-unverified: unverified: no fetched note holds the record sha256:[0-9a-f]{10}…/),
    ]);
  }, 240_000);

  test('an agent that unsets its variable and answers from a file: CI says the answers came from a file', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3) });
    repos.push(repo);
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(5) });
    // CLAUDECODE is unset (testEnv clears agent variables): the hook sees a person.
    commitReviewed(repo, 'Agent, unset its variable');
    const [commit] = Object.values(ci(repo));
    expect(commit).toMatchObject({ verdict: 'fail', review: { status: 'reviewed' } });
    expect(errors(commit)).toEqual([
      expect.stringMatching(
        /^answers-from-file: the review sha256:[0-9a-f]{10}… was answered from a file \(--answers\), not at a terminal: CI cannot tell a person from a program/,
      ),
    ]);
  }, 120_000);
});

describe('signed reviews', () => {
  test('a record signed with an allowed ssh key passes; unsigned or signed by another key fails', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3) });
    repos.push(repo);
    const key = join(repo.dir, '.git', 'id_ed25519');
    const stranger = join(repo.dir, '.git', 'stranger_ed25519');
    // Real keys, made here; no passphrase, so no agent is needed.
    for (const path of [key, stranger]) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', path]);
    const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
    const policy = (signed: boolean) =>
      JSON.stringify({ ci: { answersFromFile: 'allow', requireSignedReviews: signed, allowedSignersFile: '.github/allowed_signers' } });
    repo.stage({ '.github/allowed_signers': `author@example.com ${publicKey}\n`, '.selfreviewrc.json': policy(true) });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Allowed signers']);
    repo.git(['tag', 'base']);
    repo.git(['config', 'gpg.format', 'ssh']);
    repo.git(['config', 'user.signingkey', key]);

    repo.stage({ 'src/a.ts': lines(5) });
    commitReviewed(repo, 'Signed');
    repo.write({ '.selfreviewrc.json': policy(false) }); // this review is not signed
    repo.git(['config', 'selfreview.signReviews', 'false']); // nor signed by default
    repo.stage({ 'src/b.ts': lines(4) });
    commitReviewed(repo, 'Unsigned');
    repo.git(['config', '--unset', 'selfreview.signReviews']);
    repo.write({ '.selfreviewrc.json': policy(true) });
    repo.git(['config', 'user.signingkey', stranger]);
    repo.stage({ 'src/c.ts': lines(4) });
    commitReviewed(repo, 'Signed by a stranger');

    const note = JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD~2'])) as { signature?: { format: string; value: string } };
    expect(note.signature).toMatchObject({ format: 'ssh', value: expect.stringMatching(/BEGIN SSH SIGNATURE/) });
    const report = ci(repo);
    expect(report['Signed']).toMatchObject({ verdict: 'pass', review: { status: 'reviewed' } });
    expect(errors(report['Unsigned'])).toEqual([
      expect.stringMatching(
        /^signature-invalid: the review record sha256:[0-9a-f]{10}… is not signed by an allowed signer: the record is not signed/,
      ),
    ]);
    expect(errors(report['Signed by a stranger'])).toEqual([
      expect.stringMatching(/^signature-invalid: .*not signed by an allowed signer: ssh-keygen: .*author@example\.com/),
    ]);
  }, 240_000);
});

describe('signed by default', () => {
  test('with gpg.format ssh and user.signingkey, records are signed without being required; a re-made signed record does not verify', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3) });
    repos.push(repo);
    const key = join(repo.dir, '.git', 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
    const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
    repo.stage({
      '.github/allowed_signers': `author@example.com ${publicKey}\n`,
      '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow', allowedSignersFile: '.github/allowed_signers' } }),
    });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Allowed signers']);
    repo.git(['tag', 'base']);
    repo.git(['config', 'gpg.format', 'ssh']);
    repo.git(['config', 'user.signingkey', key]);

    repo.stage({ 'src/a.ts': lines(5) });
    commitReviewed(repo, 'Signed by default');
    expect(noteOf(repo, 'HEAD').signature).toMatchObject({ format: 'ssh', value: expect.stringMatching(/BEGIN SSH SIGNATURE/) });
    repo.stage({ 'src/b.ts': lines(4) });
    commitReviewed(repo, 'Signed, then re-made');
    reforgeHead(repo, (r) => ({ ...r, answeredFrom: 'terminal', reviewer: { name: 'Someone Else', email: 'someone@example.com' } }));
    repo.git(['config', 'selfreview.signReviews', 'false']);
    repo.stage({ 'src/c.ts': lines(4) });
    commitReviewed(repo, 'Signing turned off');
    expect(noteOf(repo, 'HEAD').signature).toBeUndefined();

    const report = ci(repo);
    expect(findingsOf(report['Signed by default'])).toEqual([]);
    expect(findingsOf(report['Signed, then re-made'])).toEqual([
      expect.stringMatching(
        /^warning signature-unverified: the record sha256:[0-9a-f]{10}… is signed, but its signature does not verify here \(ssh-keygen: .*\): it says answered at a terminal by Someone Else/,
      ),
    ]);
    expect(findingsOf(report['Signing turned off'])).toEqual([expect.stringMatching(/^note record-unsigned: unsigned: the author's word/)]);
  }, 300_000);
});

// An attacker who can write the notes re-makes a record: what it claims is edited, its digest
// recomputed (record-digest.ts is public), the trailer rewritten to name it. The digest cannot
// stop that; CI must then say that what the record claims is the author's word, or not count it.
function noteOf(r: TempRepo, rev: string, ref = 'selfreview'): ReviewRecord {
  return JSON.parse(r.git(['notes', `--ref=${ref}`, 'show', rev])) as ReviewRecord;
}

/** Re-makes HEAD's record with `edit`, recomputes its digest, names it in HEAD's message; returns the record. */
function reforgeHead(r: TempRepo, edit: (record: ReviewRecord) => ReviewRecord): ReviewRecord {
  const old = noteOf(r, 'HEAD');
  const forged = edit(old);
  // The review line names the digest's first 20 hex digits (trailers.ts SHORT_DIGEST_HEX).
  const short = (record: ReviewRecord) =>
    computeRecordDigest(record)
      .replace(/^sha256:/, '')
      .slice(0, 20);
  const message = r.git(['log', '-1', '--format=%B']).replace(`digest=${short(old)}`, `digest=${short(forged)}`);
  r.git(['notes', '--ref=selfreview', 'remove', 'HEAD']);
  r.git(['commit', '-q', '--amend', '--no-verify', '-F', '-'], { input: message });
  r.git(['notes', '--ref=selfreview', 'add', '-f', '-F', '-', 'HEAD'], { input: JSON.stringify(forged, null, 2) });
  return forged;
}

describe('re-made records: caught, or reported as the author’s word', () => {
  test('answeredFrom flipped to "terminal", the answers edited, an override on 900 lines: each unsigned record is reported', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3) });
    repos.push(repo);
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(5) });
    commitReviewed(repo, 'Flipped answeredFrom');
    reforgeHead(repo, (r) => ({ ...r, answeredFrom: 'terminal' }));

    repo.stage({ 'src/b.ts': lines(4) });
    commitReviewed(repo, 'Edited answers');
    reforgeHead(repo, (r) => ({
      ...r,
      answeredFrom: 'terminal',
      answers: r.answers.map((a) =>
        a.questionId === 'intent' ? { ...a, answer: 'Adds b so that the export list covers the new lines too' } : a,
      ),
    }));

    repo.stage({ 'src/big.ts': lines(900, 'big') });
    commitReviewed(repo, 'Override on 900 lines', { override: 'prod is down, no time to split' });
    reforgeHead(repo, (r) => ({ ...r, answeredFrom: 'terminal' }));

    const report = ci(repo);
    // The flip hides answers-from-file; what remains must say that nothing proves the claim.
    for (const subject of ['Flipped answeredFrom', 'Edited answers']) {
      expect(findingsOf(report[subject])).toEqual([
        expect.stringMatching(
          /^note record-unsigned: unsigned: the author's word — the record sha256:[0-9a-f]{10}… says answered at a terminal by /,
        ),
      ]);
    }
    expect(findingsOf(report['Override on 900 lines'])).toEqual([
      expect.stringMatching(/^warning override: over budget, let through by an override: prod is down/),
      expect.stringMatching(
        /^warning record-unsigned: unsigned: the author's word — .*answered at a terminal .*override "prod is down, no time to split"/,
      ),
    ]);
  }, 300_000);

  test('a record fabricated for a --no-verify commit: on the base commit’s note, or only in refs/notes/remotes/evil, it does not count', () => {
    const repo = createTempRepo({ 'src/a.ts': lines(3) });
    repos.push(repo);
    repo.git(['tag', 'base']);
    // The record is made by a real review of the same content, then the reviewed commit is dropped.
    repo.stage({ 'src/a.ts': lines(5) });
    commitReviewed(repo, 'Reviewed, then dropped');
    const record = { ...noteOf(repo, 'HEAD'), answeredFrom: 'terminal' as const };
    const line = `Self-Review: tree=${record.tree} risk=unknown lines=+2/-0 files=1 provenance=human digest=${computeRecordDigest(record)}`;
    const json = JSON.stringify(record, null, 2);
    repo.git(['notes', '--ref=selfreview', 'remove', 'HEAD']);
    repo.git(['reset', '-q', '--soft', 'base']);
    repo.git(['commit', '-q', '--no-verify', '-m', `On the base note\n\n${line}`]);
    repo.git(['notes', '--ref=selfreview', 'add', '-f', '-F', '-', 'base'], { input: json });

    repo.stage({ 'src/b.ts': lines(4) });
    commitReviewed(repo, 'Reviewed b, then dropped');
    const evil = { ...noteOf(repo, 'HEAD'), answeredFrom: 'terminal' as const };
    const evilLine = `Self-Review: tree=${evil.tree} risk=unknown lines=+4/-0 files=1 provenance=human digest=${computeRecordDigest(evil)}`;
    repo.git(['notes', '--ref=selfreview', 'remove', 'HEAD']);
    repo.git(['reset', '-q', '--soft', 'HEAD~1']);
    repo.git(['commit', '-q', '--no-verify', '-m', `Only in a remote's notes\n\n${evilLine}`]);
    repo.git(['notes', '--ref=refs/notes/remotes/evil/selfreview', 'add', '-f', '-F', '-', 'HEAD'], {
      input: JSON.stringify(evil, null, 2),
    });

    const report = ci(repo);
    expect(report['On the base note']).toMatchObject({ verdict: 'fail', review: { status: 'unverified' } });
    expect(errors(report['On the base note'])).toEqual([
      expect.stringMatching(
        new RegExp(
          `^review-unverified: .*hangs on the note of ${repo.git(['rev-parse', 'base']).trim().slice(0, 10)}, a commit it does not describe`,
        ),
      ),
    ]);
    expect(report["Only in a remote's notes"]).toMatchObject({ verdict: 'fail', review: { status: 'unverified' } });
    expect(errors(report["Only in a remote's notes"])).toEqual([
      expect.stringMatching(/^review-unverified: unverified: no fetched note holds the record/),
    ]);
  }, 300_000);
});
