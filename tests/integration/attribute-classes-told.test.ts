import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A JSX attribute named alone says where, not what: rallly a03dbc24c8's `Footer` was asked
// "(`<FooterDemo className>` changed)", a class list that gains `hidden` and `lg:flex` (the demo
// now shows on large screens only). A class list is told by the class names it gains and loses.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const footer = (classes: string) => `import { FadeIn } from './FadeIn';

export function Footer({ title }: { title: string }) {
  return (
    <footer>
      <FadeIn delay={2} className=${classes}>
        <span>{title}</span>
      </FadeIn>
      <p className="text-sm">Made here</p>
    </footer>
  );
}
`;

const tree = (classes: string) => ({
  'src/FadeIn.tsx': 'export const FadeIn = (p: { className?: string; delay?: number; children?: unknown }) => null;\n',
  'src/Footer.tsx': footer(classes),
  'src/Page.tsx': 'import { Footer } from \'./Footer\';\nexport const Page = () => <Footer title="x" />;\n',
});

test('a class list named alone is told by the class names it gains and loses', () => {
  repo = createTempRepo(tree('"flex items-center gap-2 px-4"'));
  repo.stage({ 'src/Footer.tsx': footer("{'hidden items-center gap-3 px-4 lg:flex'}") });
  const message = messageOf(listQuestions(repo), 'impact:src/Footer.tsx#Footer');
  expect(message).toContain('(`<FadeIn className>`: `hidden`, `gap-3` and `lg:flex` added, `flex` and `gap-2` removed)');
});

test('another attribute named alone is told by its edit', () => {
  repo = createTempRepo(tree('"flex"'));
  repo.stage({ 'src/Footer.tsx': footer('"flex"').replace('delay={2}', 'delay={5}') });
  const message = messageOf(listQuestions(repo), 'impact:src/Footer.tsx#Footer');
  expect(message).toContain('(`<FadeIn delay>`: `2` → `5`)');
});

// karakeep 7ca5ee236b adds a `<Stack.Screen name="lists/select-parent">` beside the layout's
// other screens; its `name` piece was told "`name =` → `name = "lists/select-parent" name =`".
test('an element added beside others of its tag is told by the value that tells it apart; an attribute taken off, by its value', () => {
  const screens = (extra: string) => `import { Stack } from './Stack';

export default function Dashboard() {
  return (
    <Stack>
      <Stack.Screen name="index" />
${extra}      <Stack.Screen name="archive" />
    </Stack>
  );
}
`;
  repo = createTempRepo({
    'src/Stack.tsx':
      'export const Stack = Object.assign((p: { children?: unknown }) => null, { Screen: (p: { name: string }) => null });\n',
    'src/Dashboard.tsx': screens(''),
    'src/App.tsx': "import Dashboard from './Dashboard';\nexport const App = () => <Dashboard />;\n",
  });
  repo.stage({ 'src/Dashboard.tsx': screens('      <Stack.Screen name="lists/select-parent" />\n') });
  const message = messageOf(listQuestions(repo), 'impact:src/Dashboard.tsx#Dashboard');
  expect(message).toContain('(`name="lists/select-parent"` added to `<Stack.Screen>`)');
  repo.stage({ 'src/Dashboard.tsx': screens('').replace('      <Stack.Screen name="archive" />\n', '') });
  expect(messageOf(listQuestions(repo), 'impact:src/Dashboard.tsx#Dashboard')).toContain(
    '(`name="archive"` taken out of `<Stack.Screen>`)',
  );
});

// karakeep a416d043e6 opens login and signup in the same window: `target="_blank"` taken off four
// links (the GitHub link keeps its own), which were asked "(`<a target>` and `<a rel>` changed)".
test('an attribute taken off several elements is told by its value and how many times', () => {
  const links = (extra: string) => `export default function NavBar() {
  return (
    <nav>
      <a href="https://github.com/karakeep-app" target="_blank">GitHub</a>
${['login', 'signup', 'm-login', 'm-signup'].map((id) => `      <a id="${id}" href="/${id}"${extra}>${id}</a>\n`).join('')}    </nav>
  );
}
`;
  repo = createTempRepo({
    'src/Navbar.tsx': links(' target="_blank"'),
    'src/App.tsx': "import NavBar from './Navbar';\nexport const App = () => <NavBar />;\n",
  });
  repo.stage({ 'src/Navbar.tsx': links('') });
  expect(messageOf(listQuestions(repo), 'impact:src/Navbar.tsx#NavBar')).toContain('(`target="_blank"` taken out of `<a>` (4 times))');
});
