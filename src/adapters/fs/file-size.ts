import { statSync } from 'node:fs';

/** The size of a file in bytes, or 0 when it cannot be stat'ed (absent, unreadable). */
export function readFileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
