// Parses the `git log` records that every reader of commits asks for (ci, log, show), in one
// format: fields separated by \x1f, records by \x1e, so subjects and bodies hold any text.

export const LOG_FIELD = '\x1f';
export const LOG_RECORD = '\x1e';

export interface CommitEntry {
  readonly commit: string;
  readonly tree: string;
  readonly parents: readonly string[];
  /** "Name <email>" of the author. */
  readonly author: string;
  readonly subject: string;
  /** The whole message (subject, body, trailers). */
  readonly message: string;
  /** The values of our review trailers, \x01-separated (see core/record/trailers). */
  readonly reviewTrailers: string;
  readonly overrideTrailers: string;
}

/** The --format placeholders, in the order parseCommitLog reads them. */
export function commitLogFormat(trailerFields: readonly [string, string]): string {
  return `${['%H', '%T', '%P', '%an <%ae>', '%s', '%B', ...trailerFields].join(LOG_FIELD)}${LOG_RECORD}`;
}

export function parseCommitLog(output: string): CommitEntry[] {
  return output
    .split(LOG_RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [commit = '', tree = '', parents = '', author = '', subject = '', message = '', reviewTrailers = '', overrideTrailers = ''] =
        record.split(LOG_FIELD);
      return {
        commit,
        tree,
        parents: parents.split(' ').filter((p) => p !== ''),
        author,
        subject,
        message,
        reviewTrailers,
        overrideTrailers,
      };
    });
}
