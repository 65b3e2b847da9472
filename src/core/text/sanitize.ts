// File names and diff text come from the repository: a name may hold an escape sequence that
// would recolour, move the cursor or retitle the user's terminal. Everything shown passes here.

// C0 controls except nothing, DEL, and C1 controls (0x80-0x9f, which some terminals honour as CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Replaces control characters with visible escapes, so a name prints as one inert line. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
