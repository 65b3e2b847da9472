// A pull-request template left unanswered explains nothing: its headings and questions ("> Which
// issue, if any, is this issue related to?"), checkboxes and HTML comments, with nothing under them
// but an issue reference or a non-answer ("Closes #3358", "No, it's self-explanatory", "N/A").
// Pasted as the intent, it is no answer: refused with its own message, not as a wrong one.

const COMMENT = /<!--[\s\S]*?-->/g;
/** A template's own line: a heading, a quoted question, a bold label, a checkbox. */
const TEMPLATE_LINE = /^(?:#{1,6}\s.*|>\s.*\?|\*\*[^*\n]+\*\*:?|[-*]\s*\[[ xX]\].*)$/;
/** What fills a template's blank without saying anything of the change. */
const REFERENCE =
  /^(?:(?:closes|closed|fixes|fixed|resolves|resolved|refs?|related to|see)\s*:?\s*(?:#\d+|[\w.-]+\/[\w.-]+#\d+|https?:\/\/\S+)[.,]?\s*)+$/i;
const NON_ANSWER = /^(?:n\/?a|none|no|nope|nothing|-+|(?:no,?\s*)?(?:it'?s\s+)?self[- ]explanatory)\.?$/i;

export function isUnansweredTemplate(text: string): boolean {
  const hasComment = /<!--[\s\S]*?-->/.test(text);
  let templateLines = 0;
  for (const raw of text.replace(COMMENT, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '' || REFERENCE.test(line) || NON_ANSWER.test(line)) continue;
    if (!TEMPLATE_LINE.test(line)) return false;
    templateLines++;
  }
  return templateLines > 0 || hasComment;
}
