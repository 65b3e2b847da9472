import type * as Crypto from 'node:crypto';

// node:crypto loads ~15 internal modules (webcrypto, keys, x509...) when imported: ~6 ms of CPU on
// every start, though the gate alone hashes nothing (docs/speed.md). The modules on the hook's
// path take it from here on first use instead: `process.getBuiltinModule` (Node >= 20.16) is the
// same module, loaded synchronously when first asked for.

let crypto: typeof Crypto | undefined;

/** node:crypto, loaded on first call. */
export const nodeCrypto = (): typeof Crypto => (crypto ??= process.getBuiltinModule('node:crypto'));
