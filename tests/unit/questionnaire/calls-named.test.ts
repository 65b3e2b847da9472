import { describe, expect, test } from '@jest/globals';
import { listMembers, type LineRanges } from '../../../src/adapters/typescript/list-members.js';
import { describeMemberChanges, diffMembers } from '../../../src/core/questionnaire/changed-members.js';

// What an export now calls, and no longer calls, names a change that touches no named piece:
// wevm/wagmi 18e94210c wraps `waitForTransactionReceipt`'s lookup of a revert reason in viem's
// `withTimeout`, and its questions said only "changed its implementation". The source below is
// the commit's, cut to the function.

const ALL = [[1, Number.MAX_SAFE_INTEGER]] as const;
/** What a question says of `owner`'s change, the hunks touching `ranges` on both sides (every line by default). */
const describeChange = (path: string, oldText: string, newText: string, owner: string, ranges: LineRanges = ALL) =>
  describeMemberChanges(diffMembers(...sidesOf(path, oldText, newText, ranges)).get(owner));
const sidesOf = (path: string, oldText: string, newText: string, ranges: LineRanges) => {
  const sides = listMembers(path, { oldText, newText, oldRanges: ranges, newRanges: ranges });
  return [sides.old, sides.new] as const;
};

const BEFORE = `export async function waitForTransactionReceipt(config, parameters) {
  const { timeout = 0, ...rest } = parameters
  const client = config.getClient()
  const action = getAction(client, viem_waitForTransactionReceipt, 'waitForTransactionReceipt')
  const receipt = await action({ ...rest, timeout })
  if (receipt.status === 'reverted') {
    const action_getTransaction = getAction(client, getTransaction, 'getTransaction')
    const { from: account, ...txn } = await action_getTransaction({ hash: receipt.transactionHash })
    const action_call = getAction(client, call, 'call')
    const code = await action_call({ ...txn, account, data: txn.input })
    const reason = code?.data ? hexToString(\`0x\${code.data.substring(138)}\`) : 'unknown reason'
    throw new Error(reason)
  }
  return receipt
}
`;
const AFTER = `export async function waitForTransactionReceipt(config, parameters) {
  const { timeout = 0, ...rest } = parameters
  const client = config.getClient()
  const action = getAction(client, viem_waitForTransactionReceipt, 'waitForTransactionReceipt')
  const receipt = await action({ ...rest, timeout })
  if (receipt.status === 'reverted') {
    throw await withTimeout(
      async () => {
        const action_getTransaction = getAction(client, getTransaction, 'getTransaction')
        const { from: account, ...txn } = await action_getTransaction({ hash: receipt.transactionHash })
        const action_call = getAction(client, call, 'call')
        const code = await action_call({ ...txn, account, data: txn.input })
        const reason = code?.data ? hexToString(\`0x\${code.data.substring(138)}\`) : 'unknown reason'
        return new Error(reason)
      },
      { timeout: timeout > 0 ? Math.min(timeout, 10_000) : 10_000, errorInstance: new Error('unknown reason') },
    )
  }
  return receipt
}
`;

describe('the calls a change adds or drops', () => {
  test('a call gained is named; the calls on both sides are not', () => {
    expect(describeChange('src/actions/waitForTransactionReceipt.ts', BEFORE, AFTER, 'waitForTransactionReceipt')).toBe(
      'now calls `withTimeout` and `Math.min`',
    );
    expect(describeChange('src/actions/waitForTransactionReceipt.ts', AFTER, BEFORE, 'waitForTransactionReceipt')).toBe(
      'no longer calls `withTimeout` and `Math.min`',
    );
  });

  test('a method on another receiver is the same call; one on an unnamed receiver is never quoted', () => {
    // next-auth f39867a06: `broadcastChannel.postMessage(…)` became `getNewBroadcastChannel().postMessage(…)`.
    const before = `export function broadcast(message) {\n  const broadcastChannel = getNewBroadcastChannel()\n  broadcastChannel.postMessage(message)\n}\n`;
    const after = `export function broadcast(message) {\n  getNewBroadcastChannel().postMessage(message)\n}\n`;
    expect(describeChange('src/react.tsx', before, after, 'broadcast')).toBe('');
    // `Object.keys(x).forEach` became `Object.getOwnPropertyNames(x).forEach` (mobx-state-tree aeb4e8a6).
    const keys = (call: string) => `export function names(x, out) {\n  ${call}(x).forEach((k) => out.push(k))\n}\n`;
    expect(describeChange('src/model.ts', keys('Object.keys'), keys('Object.getOwnPropertyNames'), 'names')).toBe(
      'now calls `Object.getOwnPropertyNames`, no longer calls `Object.keys`',
    );
  });

  test('more than two calls gained is a rewrite: none is named', () => {
    const before = `export function run() {\n  return 1\n}\n`;
    const after = `export function run() {\n  a()\n  b()\n  c()\n  return 1\n}\n`;
    expect(describeChange('src/run.ts', before, after, 'run')).toBe('');
    expect(describeChange('src/run.ts', before, after.replace('  c()\n', ''), 'run')).toBe('now calls `a` and `b`');
  });

  test('a callee called in more places than before is no new call (jose 31e4bafc)', () => {
    const before = "const normalizeTyp = (value: string) => value.toLowerCase().replace(/^application\\//, '')\n";
    const after = `const normalizeTyp = (value: string) => {
  if (value.includes('/')) {
    return value.toLowerCase()
  }

  return \`application/\${value.toLowerCase()}\`
}
`;
    expect(describeChange('src/lib/jwt_claims_set.ts', before, after, 'normalizeTyp')).toBe("a new branch `if (value.includes('/'))`");
  });

  test('an error a change starts throwing is named (jose 3a918336 wraps a decoding in a try)', () => {
    const before = `export function decode(input: Uint8Array | string): Uint8Array {
  // @ts-ignore
  if (Uint8Array.fromBase64) {
    // @ts-ignore
    return Uint8Array.fromBase64(typeof input === 'string' ? input : decoder.decode(input), {
      alphabet: 'base64url',
    })
  }
  return decodeBase64(input)
}
`;
    const after = `export function decode(input: Uint8Array | string): Uint8Array {
  // @ts-ignore
  if (Uint8Array.fromBase64) {
    try {
      // @ts-ignore
      return Uint8Array.fromBase64(typeof input === 'string' ? input : decoder.decode(input), {
        alphabet: 'base64url',
      })
    } catch (cause) {
      throw new TypeError('The input to be decoded is not correctly encoded.', { cause })
    }
  }
  return decodeBase64(input)
}
`;
    expect(describeChange('src/util/base64url.ts', before, after, 'decode')).toBe('now throws `TypeError`');
    expect(describeChange('src/util/base64url.ts', after, before, 'decode')).toBe('no longer throws `TypeError`');
  });
});

describe('a callee a kept line still calls', () => {
  // react-hook-form resolvers 5e5b610: the changed line of `isNameInFieldArray` stopped calling
  // `escapeBrackets`, and the question said "no longer calls `escapeBrackets`" while the kept line
  // below still calls it. Only the hunk's line is touched here, as in the commit.
  const source = (escape: string) => `const isNameInFieldArray = (names: string[], name: string) => {
  const path = ${escape}(name);
  return names.some((n) => escapeBrackets(n).match(\`^\${path}\\\\.\\\\d+\`));
};
`;
  const HUNK = [[2, 2]] as const;
  const changes = (before: string, after: string) => describeChange('src/toNestErrors.ts', before, after, 'isNameInFieldArray', HUNK);

  test('is the callee as written: a kept `names.delete` is not `cache.delete`', () => {
    // vue language-tools 8359c447a: `deleteFile` now calls `scriptSnapshots.delete`; another set's
    // `.delete` on a kept line of the same function is another callee.
    const file = (body: string) => `export function deleteFile(names: Set<string>, cache: Map<string, string>, name: string) {
  ${body}
  names.delete(name);
}
`;
    const [before, after] = [file('void cache;'), file('cache.delete(name);')];
    expect(describeChange('src/checker.ts', before, after, 'deleteFile', HUNK)).toBe('now calls `cache.delete`');
  });

  test('is no call the change stops making, nor one it starts', () => {
    expect(changes(source('escapeBrackets'), source('escapeForRegex'))).toBe('`path` changed, now calls `escapeForRegex`');
    expect(changes(source('escapeForRegex'), source('escapeBrackets'))).toBe('`path` changed, no longer calls `escapeForRegex`');
  });
});

// mswjs/interceptors a89b4e40 detaches the request's `abort` listener once handled: the call is on
// a receiver of names (`options.request.signal?.`), and the question said only "a new local `onAbort`".
describe('a call on a receiver written as names', () => {
  const before = `export async function handleRequest(options: HandleRequestOptions): Promise<void> {
  const requestAbortPromise = new DeferredPromise<void, unknown>()
  if (options.request.signal) {
    options.request.signal.addEventListener(
      'abort',
      () => {
        requestAbortPromise.reject(options.request.signal.reason)
      },
      { once: true }
    )
  }
  const result = await until(async () => {
    await emitAsync(options.emitter, 'request', { requestId: options.requestId, request: options.request })
  })
  if (requestAbortPromise.state === 'rejected') {
    await options.controller.errorWith(requestAbortPromise.rejectionReason)
  }
}
`;
  const after = `export async function handleRequest(options: HandleRequestOptions): Promise<void> {
  const requestAbortPromise = new DeferredPromise<void, unknown>()
  const onAbort = () => {
    requestAbortPromise.reject(options.request.signal?.reason)
  }
  if (options.request.signal) {
    options.request.signal.addEventListener('abort', onAbort, { once: true })
  }
  const result = await until(async () => {
    await emitAsync(options.emitter, 'request', { requestId: options.requestId, request: options.request })
  })
  options.request.signal?.removeEventListener('abort', onAbort)
  if (requestAbortPromise.state === 'rejected') {
    await options.controller.errorWith(requestAbortPromise.rejectionReason)
  }
}
`;
  test('is quoted as written, `?.` aside', () => {
    expect(describeChange('src/utils/handleRequest.ts', before, after, 'handleRequest')).toBe(
      'a new local `onAbort`, now calls `options.request.signal.removeEventListener`',
    );
  });
});
