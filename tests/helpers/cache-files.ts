import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

// Cache files (src/adapters/cache/trusted-cache-file.ts) start with a header line that names the
// digest of their key and of their content. To test what lies behind the digest check (a table
// whose numbers are out of range, a record that is not JSON), a test rewrites the content and
// recomputes the content digest, as a bug of ours, or the user's own process, could.

const headerEnd = (bytes: Buffer) => bytes.indexOf(0x0a) + 1;

/** The content of a cache file, without its header. */
export function readCacheContent(path: string): Buffer {
  const bytes = readFileSync(path);
  return bytes.subarray(headerEnd(bytes));
}

/** Replaces the content of a cache file, keeping its key and giving it a matching digest. */
export function rewriteCacheContent(path: string, content: Buffer | string): void {
  const bytes = readFileSync(path);
  const [magic, version, key] = bytes.toString('latin1', 0, headerEnd(bytes) - 1).split(' ');
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const digest = createHash('sha256').update(body).digest('hex');
  writeFileSync(path, Buffer.concat([Buffer.from(`${magic} ${version} ${key} ${digest}\n`, 'latin1'), body]));
}
