// A slow step says what it is doing on stderr after a second ("selfreview: computing the blast
// radius…"); on a busy machine any step may be slow. What is left must be empty.

export function withoutProgress(stderr: string): string {
  return stderr.replace(/^selfreview: [^\n]*…\n/gm, '');
}
