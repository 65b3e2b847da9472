import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A piece named by where says nothing of what: ant-design 482ccda227's `Row` "changed its
// implementation through `renderCells.<Cell key>`" (`${key || index}` → `${mergedKey}` in its
// templates), and f405ae7a75's `List` "through `InternalList`", whose deprecation warning now
// recommends another component: told by the names the templates gain and lose, and the words the
// message gains.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const row = (local: string, key: string) => `declare function Cell(props: { key: string; label: string }): unknown;

function renderCells(items: { key?: string; label: string }[]) {
  return items.map(({ key, label }, index) => {
${local}    return [<Cell key={\`label-\${${key}}\`} label={label} />, <Cell key={\`content-\${${key}}\`} label={label} />];
  });
}

export default function Row({ items }: { items: { key?: string; label: string }[] }) {
  return <div>{renderCells(items)}</div>;
}
`;

test("a JSX attribute's template named by where is told by the names it gains and loses", () => {
  repo = createTempRepo({
    'src/Row.tsx': row('', 'key || index'),
    'src/index.tsx': "import Row from './Row';\nexport const page = () => <Row items={[]} />;\n",
  });
  repo.stage({ 'src/Row.tsx': row('    const mergedKey = key ?? index;\n', 'mergedKey') });
  expect(messageOf(listQuestions(repo), 'impact:src/Row.tsx#Row')).toContain(
    'through `renderCells.<Cell key>` (now uses `mergedKey`, no longer `index`)',
  );
});

const list = (message: string) => `declare function warn(isValid: boolean, message: string): void;

function InternalList(props: { items: string[] }) {
  warn(false, ${message});
  return props.items.join(', ');
}

export default InternalList;
`;

test('a long message changed in a helper is told by the words it gains', () => {
  repo = createTempRepo({
    'src/list.ts': list("'The List component is deprecated. And will be removed in next major version.'"),
    'src/page.ts': "import List from './list.js';\nexport const page = () => List({ items: [] });\n",
  });
  repo.stage({
    'src/list.ts': list(
      '"The List component is deprecated and will be removed in the next major version. If you are on 6.6 or later, please use Listy instead."',
    ),
  });
  expect(messageOf(listQuestions(repo), 'impact:src/list.ts#InternalList')).toContain(
    '(its text now says "If you are on 6.6 or later, please use Listy instead.")',
  );
});
