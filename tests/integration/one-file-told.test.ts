import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A one-file change is asked its intent, naming the file; where no question asks about its exports
// (a page its router loads by path has no importer), that was all it was asked. hatchet b7fbd79a05
// hides the GitHub tab of its `Integrations` page unless the tenant has managed workers: both
// `{isControlPlaneEnabled && (` become `{isControlPlaneEnabled && hasExistingManagedWorkers && (`.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// hatchet's frontend/app/src/pages/main/v1/tenant-settings/integrations/index.tsx at b7fbd79a05's
// parent, its default export as written (the imports and the helpers below it left out).
const page = (guard: string, locals: string) => `import { useControlPlane } from './control-plane';

export default function Integrations() {
  const { isControlPlaneEnabled } = useControlPlane();
  const integrations = useApiMetaIntegrations();
${locals}
  const hasEmailIntegration = integrations?.find((i) => i.name === 'email');
  const hasSlackIntegration = integrations?.find((i) => i.name === 'slack');

  return (
    <div className="h-full w-full flex-grow">
      <div className="mx-auto px-4 py-8 sm:px-6 lg:px-8">
        <Tabs defaultValue="alerting">
          <TabsList layout="underlined" className="mb-6">
            <TabsTrigger value="metrics" variant="underlined">
              Metrics
            </TabsTrigger>
            {${guard} && (
              <TabsTrigger value="github" variant="underlined">
                GitHub
              </TabsTrigger>
            )}
          </TabsList>

          <TabsContent value="alerting">
            <AlertingSettings />
            {hasEmailIntegration && <Separator className="my-6" />}
            {hasEmailIntegration && <EmailGroupsList />}
          </TabsContent>

          {${guard} && (
            <TabsContent value="github">
              <GithubInstallationsList />
            </TabsContent>
          )}
        </Tabs>
      </div>
    </div>
  );
}
`;
const LOCALS = `  const { tenant } = useParams({ from: appRoutes.tenantRoute.to });

  const listManagedWorkersQuery = useQuery({
    ...queries.cloud.listManagedWorkers(tenant),
    enabled: isControlPlaneEnabled,
  });

  const hasExistingManagedWorkers =
    (listManagedWorkersQuery.data?.rows?.length || 0) > 0;
`;

test('a one-file change whose export no question asks about is asked what it changed (hatchet b7fbd79a05)', () => {
  repo = createTempRepo({
    'src/control-plane.ts': 'export const useControlPlane = () => ({ isControlPlaneEnabled: true });\n',
    'src/pages/integrations/index.tsx': page('isControlPlaneEnabled', ''),
  });
  repo.stage({ 'src/pages/integrations/index.tsx': page('isControlPlaneEnabled && hasExistingManagedWorkers', LOCALS) });
  const questions = listQuestions(repo);
  expect(messageOf(questions, 'intent')).toBe('What problem does the change to src/pages/integrations/index.tsx solve, and why this way?');
  expect(messageOf(questions, 'unit:src/pages/integrations/index.tsx')).toBe(
    'In src/pages/integrations/index.tsx, `Integrations` (default export) changed its implementation (the branch `isControlPlaneEnabled && …` now `isControlPlaneEnabled && hasExistingManagedWorkers && …` (2 times)): what does it do differently now, and who sees the difference?',
  );
});

test('a one-file change whose export has users is asked about it once, by its impact question', () => {
  repo = createTempRepo({
    'src/control-plane.ts': 'export const useControlPlane = () => ({ isControlPlaneEnabled: true });\n',
    'src/pages/integrations/index.tsx': page('isControlPlaneEnabled', ''),
    'src/router.tsx': "import Integrations from './pages/integrations';\nexport const routes = [Integrations];\n",
  });
  repo.stage({ 'src/pages/integrations/index.tsx': page('isControlPlaneEnabled && hasExistingManagedWorkers', LOCALS) });
  const questions = listQuestions(repo);
  expect(questions.filter((q) => q.id.startsWith('unit:'))).toEqual([]);
  expect(messageOf(questions, 'impact:src/pages/integrations/index.tsx#Integrations')).toContain(
    '(the branch `isControlPlaneEnabled && …` now `isControlPlaneEnabled && hasExistingManagedWorkers && …` (2 times))',
  );
});

// plane d3c6e5ec94 keeps an Unsplash cover's URL: `handleCoverImageChange` returns
// `{ cover_image: newImage }` where it returned `null`, and its uploaded case `cover_image` where it
// returned `cover_image_url`. It was told by "a new local `cover_image`".
const helper = (uploaded: string, last: string) => `export const handleCoverImageChange = async (
  currentImage: string | null | undefined,
  newImage: string | null | undefined,
  uploadConfig: { isUserAsset?: boolean; needsUpload?: boolean }
): Promise<Record<string, string | null> | null> => {
  if (currentImage === newImage) {
    return null;
  }

  // Local static image - needs upload
  if (uploadConfig.needsUpload) {
    const uploadedUrl = await Promise.resolve(newImage ?? "");

    if (uploadConfig.isUserAsset) {
      return {
        ${uploaded}: uploadedUrl,
      };
    } else {
      return null;
    }
  }

${last}
};
`;

test('a key of an object a function now returns is told by what it returns, not as a new local (plane d3c6e5ec94)', () => {
  repo = createTempRepo({
    'src/cover-image.helper.ts': helper('cover_image_url', '  return null;'),
    'src/form.ts':
      "import { handleCoverImageChange } from './cover-image.helper';\nexport const save = () => handleCoverImageChange(null, 'x', {});\n",
  });
  repo.stage({
    'src/cover-image.helper.ts': helper(
      'cover_image',
      '  // External/uploaded asset (e.g., Unsplash URL, pre-uploaded asset)\n  // Return the URL to be saved in the backend\n  return {\n    cover_image: newImage,\n  };',
    ),
  });
  const message = messageOf(listQuestions(repo), 'impact:src/cover-image.helper.ts#handleCoverImageChange');
  expect(message).toContain(
    '(now returns `{ cover_image: uploadedUrl }` or `{ cover_image: newImage }` where it returned `{ cover_image_url: uploadedUrl }` or `null`)',
  );
  expect(message).not.toContain('new local');
});
