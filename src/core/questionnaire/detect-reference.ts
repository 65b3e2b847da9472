// "See PR #1234", "as discussed", "TODO: write later": a pointer to an explanation kept
// elsewhere, or promised, instead of the explanation. Only a problem when nothing else is said,
// so "as discussed in #12, the parser now drops the BOM because…" passes.

const REFERENCES = [
  /\b(see|refer to|check|look at|per|as per|details (are )?in|described in|explained in)\b.{0,40}\b(pr|pull request|issue|ticket|jira|commit|diff|slack|thread|discussion|description|docs?|above|below|link|confluence|email|meeting|spec|code|comments?)\b/i,
  /(^|\s)#\d+\b/,
  /\b[A-Z][A-Z0-9]+-\d+\b/,
  /\bas (discussed|agreed|mentioned|requested|described)\b/i,
  /\b(todo|tbd|tba|fixme)\b/i,
  /\b(will|to) (be )?(explain|write|add|fill|describe|document)(ed)?\b.{0,30}\blater\b/i,
  /\bsee (above|below|the (diff|code|pr|ticket|issue))\b/i,
];

export function hasReference(text: string): boolean {
  return REFERENCES.some((pattern) => pattern.test(text));
}
