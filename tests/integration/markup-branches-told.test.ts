import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// Markup a component renders only when a condition holds, and an element put in or taken out
// with no attribute to name it by, were nothing a question could name: hatchet 5067e988a9's
// `BillingRequired` drops `{canWrite && isOrganizationOwner && (<>…</>)}` and `{canWrite && (<Link>…)}`
// (anyone may now set up billing) and was asked "changed its implementation;" with nothing named;
// 86315c1565's `DemoTemplate` takes its page out of `<RequireManagedComputeWriteAccess>` and was
// asked the same.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const USER =
  "import { BillingRequired } from './billing-required';\nexport const Page = () => <BillingRequired manageClicked={async () => {}} portalLoading={false} />;\n";

test('a condition markup is rendered under, taken out, is a branch removed (hatchet 5067e988a9, its real file)', () => {
  repo = createTempRepo({ 'src/billing-required.tsx': fixture('hatchet-billing-required.before.tsx.txt'), 'src/index.tsx': USER });
  repo.stage({ 'src/billing-required.tsx': fixture('hatchet-billing-required.after.tsx.txt') });
  const message = messageOf(listQuestions(repo), 'impact:src/billing-required.tsx#BillingRequired');
  expect(message).toContain('(the branches `canWrite && isOrganizationOwner && …` and `canWrite && …` removed)');
});

test('the same condition put back is a new branch', () => {
  repo = createTempRepo({ 'src/billing-required.tsx': fixture('hatchet-billing-required.after.tsx.txt'), 'src/index.tsx': USER });
  repo.stage({ 'src/billing-required.tsx': fixture('hatchet-billing-required.before.tsx.txt') });
  const message = messageOf(listQuestions(repo), 'impact:src/billing-required.tsx#BillingRequired');
  expect(message).toContain('new branches `canWrite && isOrganizationOwner && …` and `canWrite && …`');
});

// hatchet 86315c1565's demo-template/index.tsx, its default export as written (the 930 lines of
// `DemoTemplateImpl` above it left out).
const demo = (body: string) => `import { ManagedWorkersGate } from '../components/managed-workers-gate';
import { RequireManagedComputeWriteAccess } from '../components/require-write-access';

function DemoTemplateImpl() {
  return <div className="flex-grow" />;
}

export default function DemoTemplate() {
  return (
    <ManagedWorkersGate>
${body}    </ManagedWorkersGate>
  );
}
`;
const WRAPPED = `      <RequireManagedComputeWriteAccess>
        <DemoTemplateImpl />
      </RequireManagedComputeWriteAccess>
`;

test('an element taken out around others, with no attribute, is told by its tag; one only re-indented is not', () => {
  const files = {
    'src/components/managed-workers-gate.tsx': 'export const ManagedWorkersGate = (p: { children?: unknown }) => null;\n',
    'src/components/require-write-access.tsx': 'export const RequireManagedComputeWriteAccess = (p: { children?: unknown }) => null;\n',
    'src/demo-template/index.tsx': demo(WRAPPED),
    'src/router.tsx': "import DemoTemplate from './demo-template';\nexport const routes = [DemoTemplate];\n",
  };
  repo = createTempRepo(files);
  repo.stage({ 'src/demo-template/index.tsx': demo('      <DemoTemplateImpl />\n') });
  const message = messageOf(listQuestions(repo), 'impact:src/demo-template/index.tsx#DemoTemplate');
  expect(message).toContain('(`<RequireManagedComputeWriteAccess>` taken out)');
  expect(message).not.toContain('<DemoTemplateImpl>');
  repo.stage({ 'src/demo-template/index.tsx': demo(WRAPPED) });
  repo.stage({ 'src/demo-template/index.tsx': demo(WRAPPED.replace(/RequireManagedComputeWriteAccess/g, 'ManagedWorkersGate')) });
  expect(messageOf(listQuestions(repo), 'impact:src/demo-template/index.tsx#DemoTemplate')).toContain(
    '(`<ManagedWorkersGate>` put in, `<RequireManagedComputeWriteAccess>` taken out)',
  );
});

// hatchet 86315c1565 turns `{canWrite ? (<>{isOrganizationOwner ? <Button> : <p>}…</>) : <p>}` into
// `{canWrite && isOrganizationOwner && (<>…</>)}` and `{canWrite && (<Link>…)}`: told as "new branches
// `canWrite && …`" alone, the `? :` it rewrote lost (a `? :` beside an `if` most often chooses a value,
// and is left out). One rewritten as the other is told on both sides.
test('a `? :` rewritten as `&&` markup is told beside it (hatchet 86315c1565, its real file)', () => {
  repo = createTempRepo({
    'src/billing-required.tsx': fixture('hatchet-billing-required.86315c1565-parent.tsx.txt'),
    'src/index.tsx': USER,
  });
  repo.stage({ 'src/billing-required.tsx': fixture('hatchet-billing-required.86315c1565.tsx.txt') });
  const message = messageOf(listQuestions(repo), 'impact:src/billing-required.tsx#BillingRequired');
  expect(message).toContain(
    'new branches `canWrite && isOrganizationOwner && …` and `canWrite && …`, the branches `canWrite ? …` and `isOrganizationOwner ? …` removed',
  );
});
