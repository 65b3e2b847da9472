import { sanitizeForTerminal } from './sanitize.js';

// GitHub Actions workflow commands (`::error file=…,title=…::message`): the runner reads each
// output line that starts with `::` as a command. Repository text must not start or end one:
// %, CR and LF are percent-encoded in the message, and also `:` and `,` in a property (they
// separate properties and end the property list), as the runner's toolkit does
// (actions/toolkit, command.ts escapeData / escapeProperty). Other control characters become
// visible escapes first: an annotation is shown in a browser and in the raw log alike.

// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const visible = (text: string) => text.replace(OTHER_CONTROLS, (ch) => sanitizeForTerminal(ch));

/** The message part, after the second `::`. */
export function escapeWorkflowData(text: string): string {
  return visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=`, `title=`). */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
