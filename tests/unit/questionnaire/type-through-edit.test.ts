import { expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { describeSymbol } from '../../../src/core/questionnaire/impact-question.js';
import { editOfTexts } from '../../../src/core/questionnaire/same-edit.js';
import type { ChangedSymbol } from '../../../src/core/impact/impact-report.js';

// algolia/instantsearch 5895688 ("fix(chat): omit widget-owned message callbacks"): the props of
// react-instantsearch's `Chat` leave out `onClose` and `onReload`, two keys added to the `Omit` of
// a private type, and the question said "(type changed through `UserMessagesProps`)", nothing more.
const side = (keys: string) => `import { createElement } from 'react';
import type { ChatMessagesProps } from 'instantsearch-ui-components';

type UserMessagesProps = Omit<
  ChatMessagesProps,
  | 'scrollRef'
  | 'contentRef'${keys}
  | 'messageComponent'
>;

export type ChatProps = {
  messagesProps?: Partial<UserMessagesProps>;
};

export function Chat({ messagesProps }: ChatProps) {
  return createElement('div', messagesProps);
}
`;

test("a type reshaped through a private type is told by that type's edit", () => {
  const path = 'packages/react-instantsearch/src/widgets/Chat.tsx';
  const diff = diffExports(path, parseModule(path, side('')), parseModule(path, side("\n  | 'onClose'\n  | 'onReload'"))).find(
    (c) => c.name === 'Chat',
  );
  expect(diff).toMatchObject({ change: 'shape-changed', via: 'UserMessagesProps' });
  const symbol = { ...diff!, valueUsers: [], typeUsers: [], wholeModuleUsers: [], transitive: { count: 0, chains: [] }, dependents: [] };
  // The file's one hunk, as listEdits gives it: two lines added.
  const edit = editOfTexts('', "| 'onClose'\n| 'onReload'");
  expect(describeSymbol(symbol as unknown as ChangedSymbol, undefined, edit)).toBe(
    "`Chat` in packages/react-instantsearch/src/widgets/Chat.tsx changed its signature (type changed through `UserMessagesProps`: `| 'onClose' | 'onReload'` added)",
  );
  // Without the file's edit, the question says what it said.
  expect(describeSymbol(symbol as unknown as ChangedSymbol)).toMatch(/\(type changed through `UserMessagesProps`\)$/);
});
