// What makes a light record read a file whole (parse-module.ts), and so what the record of a
// file read without TypeScript (user-record.ts) must leave to it: both ask these of the text.

// Forms a light record cannot read from the names alone: import() and require() inside code
// (they bind names as they go), `mocked(ns)` (an alias of a namespace), `\u` escapes (an
// identifier spelled otherwise). A file with one is read whole.
export const UNNAMED_FORMS = /\bimport\s*\(|\brequire\s*\(|mocked|\\u/;

/** Whether `typeof ns` of a namespace binding may declare a typed alias (read by the full walk only). */
export function typesByNamespace(text: string, namespaces: Iterable<string>): boolean {
  if (!text.includes('typeof')) return false;
  for (const local of namespaces) if (new RegExp(`typeof\\s+${local.replace(/\$/g, '\\$')}(?![\\w$]|\\s*\\.)`).test(text)) return true;
  return false;
}
