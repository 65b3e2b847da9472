import { buildAgentPolicy, type AgentPolicy } from '../core/policy/agent-policy.js';
import type { CommitDecision } from '../core/policy/decide-commit.js';
import { decideCommit } from '../core/policy/decide-commit.js';
import { detectAgentEnv } from '../core/provenance/agent-env-signals.js';
import { detectCommitSignals } from '../core/provenance/commit-signals.js';
import { computeRecordDigest } from '../core/record/record-digest.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { readTextFile } from '../adapters/fs/text-files.js';
import { openRepository } from '../adapters/git/git-client.js';
import { readReviewer } from '../adapters/git/read-patches.js';
import { readRepoState } from '../adapters/git/read-repo-state.js';
import type { Logger } from '../adapters/log/logger.js';
import { signDigest } from '../adapters/signing/sign-digest.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { readChange } from './read-change.js';

// The commit-msg hook's second gate. pre-commit decides before the message exists; CI decides
// from the commit, whose message may carry an agent's trailer (Co-authored-by: Claude …) and
// whose author may be an agent (`Name (aider)`). Here, before the commit exists, the message,
// the author and an agent's environment are all known: the commit is decided as CI will decide
// it (core/policy/decide-commit.ts), refused when CI would fail it for its provenance or size,
// and otherwise the pending record learns the AI evidence, so an agent's commit is never
// recorded as human and CI finds no conflict. hooks/hook.sh starts node for this only when the
// message, the author or the environment could name an agent and the record is not AI already.

export type MessageGate =
  | { readonly kind: 'no-record' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'recorded-as-ai'; readonly source: string }
  | {
      readonly kind: 'refused';
      readonly decision: CommitDecision;
      /** The way out (the AI budget, the commands). */
      readonly policy: AgentPolicy;
    };

/** The message as git will record it: without comment lines and what follows the scissors line. */
export function messageAsCommitted(text: string, commentChar: string): string {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(`${commentChar} ------------------------ >8 ------------------------`)) break;
    if (!line.startsWith(commentChar)) kept.push(line);
  }
  return kept.join('\n');
}

export async function gateCommitMessage(
  cwd: string,
  tree: string,
  messageFile: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<MessageGate> {
  const git = await openRepository(cwd, logger);
  const store = openReviewStore(git.info.commonDir);
  const record = store.readReview(tree);
  if (record === null) return { kind: 'no-record' };
  const [config, reviewer, commentChar] = await Promise.all([
    loadConfig(git.info.root, undefined, logger),
    readReviewer(git),
    git.readConfig('core.commentChar'),
  ]);
  const message = messageAsCommitted(readTextFile(messageFile) ?? '', commentChar?.trim().slice(0, 1) || '#');
  // What CI will read from the commit, plus the agent's environment, which only the hook sees.
  const evidence = [...detectAgentEnv(env), ...detectCommitSignals(message, `${reviewer.name} <${reviewer.email}>`)];
  // What CI measures: the commit against its parent, HEAD now (a merge: the automatic merge the
  // review measured against; a first commit: the empty tree). Not the record's base: a record
  // made for this tree on another HEAD (a split's last part) measured another change.
  const isMerge = readRepoState(git.info.gitDir, env).mergeHeads.length > 0;
  const base = isMerge || git.info.head === null ? record.base : git.info.head;
  const files = await readChange(git, { kind: 'staged', base }, config.exclude);
  const decision = decideCommit({
    record: record.provenance,
    commitSignals: evidence,
    hasAiNote: false,
    // The split the review measured (its shape checked when the record was read).
    lines: record.provenance.lines ?? null,
    assume: config.provenance.assume,
    files,
    isMerge,
    review: { status: 'reviewed', how: 'same tree', records: [], override: record.override, findings: [] },
    policy: config.ci,
    config,
  });
  if (decision.check.verdict === 'fail') {
    return { kind: 'refused', decision, policy: buildAgentPolicy(detectPackageRunner(git.info.root), config.budgets.ai) };
  }
  if (decision.provenance.kind !== 'ai' || record.provenance.kind === 'ai') return { kind: 'unchanged' };
  const source = decision.provenance.source;
  const updated: ReviewRecord = { ...record, provenance: { ...record.provenance, kind: 'ai', decidedBy: source } };
  store.writeReview(await resign(git, record, updated));
  return { kind: 'recorded-as-ai', source };
}

/** A signed record is signed again over its new digest, with the same key (complete-record.ts). */
async function resign(git: Awaited<ReturnType<typeof openRepository>>, before: ReviewRecord, after: ReviewRecord): Promise<ReviewRecord> {
  const { signature: _old, ...unsigned } = after;
  if (before.signature === undefined) return unsigned;
  const read = async (key: string) => ((await git.readConfig(key)) ?? '').trim() || null;
  const key = (await read('user.signingkey')) ?? '';
  const program = await read(before.signature.format === 'ssh' ? 'gpg.ssh.program' : 'gpg.program');
  const signature = await signDigest(computeRecordDigest(unsigned), {
    format: before.signature.format,
    key,
    ...(program !== null && { program }),
  });
  return { ...unsigned, signature };
}
