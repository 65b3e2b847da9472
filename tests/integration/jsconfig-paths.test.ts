import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, symbol } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A JavaScript project gives its path aliases in jsconfig.json, which TypeScript reads as a
// tsconfig.json. FlowiseAI/Flowise's packages/ui (`"paths": { "@/*": ["./src/*"] }`, no baseUrl)
// imports every component as `@/ui-component/…`: without jsconfig.json, FileUpload.jsx (113086a2fb)
// and the agentflows page (db4de4552a) had no users, and the questions asked only the intent.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const FILE_UPLOAD = (color: string) => `import { Box } from './Box'

const FileUpload = ({ disabled }) => {
    return <Box sx={{ background: '${color}' }} disabled={disabled} />
}

export default FileUpload
`;

function uiPackage(extra: Record<string, string> = {}): TempRepo {
  return createTempRepo()
    .commit('ui', {
      'packages/ui/package.json': '{ "name": "flowise-ui", "private": true }\n',
      'packages/ui/jsconfig.json':
        '{\n    "compilerOptions": {\n        "target": "esnext",\n        "paths": { "@/*": ["./src/*"] }\n    },\n    "include": ["src/**/*"]\n}\n',
      'packages/ui/src/ui-component/extended/Box.jsx': 'export const Box = (props) => <div {...props} />\n',
      'packages/ui/src/ui-component/extended/FileUpload.jsx': FILE_UPLOAD('white'),
      'packages/ui/src/ui-component/dialog/ChatflowConfigurationDialog.jsx':
        "import FileUpload from '@/ui-component/extended/FileUpload'\n\nexport const ChatflowConfigurationDialog = () => <FileUpload disabled={false} />\n",
      'packages/ui/src/routes/MainRoutes.jsx':
        "import { lazy } from 'react'\n\nconst Upload = lazy(() => import('@/ui-component/extended/FileUpload'))\n\nexport const routes = [{ path: '/upload', element: Upload }]\n",
      ...extra,
    })
    .stage({ 'packages/ui/src/ui-component/extended/FileUpload.jsx': FILE_UPLOAD('transparent') });
}

describe('jsconfig.json paths', () => {
  test("a JavaScript package's `@/*` alias finds the component's users, static and lazy, cold and warm", () => {
    repo = uiPackage();
    const impact = coldAndWarm(repo);
    expect(impact.stats.unresolved).toBe(0);
    const upload = symbol(impact, 'FileUpload');
    expect(upload.dependents.map((d) => d.path)).toEqual(['packages/ui/src/ui-component/dialog/ChatflowConfigurationDialog.jsx']);
    // `lazy(() => import('@/…'))` loads the whole module.
    expect(upload.wholeModuleUsers).toEqual([{ path: 'packages/ui/src/routes/MainRoutes.jsx', line: 3 }]);
  });

  test('beside a tsconfig.json, TypeScript reads that one and not the jsconfig.json', () => {
    // The tsconfig maps `~/*` to src/ and not `@/*`: a file importing `~/…` is a user; the
    // jsconfig's `@/*` is not read, so the files importing `@/…` are not.
    repo = uiPackage({
      'packages/ui/tsconfig.json': '{ "compilerOptions": { "allowJs": true, "paths": { "~/*": ["./src/*"] } } }\n',
      'packages/ui/src/views/Chat.jsx':
        "import FileUpload from '~/ui-component/extended/FileUpload'\n\nexport const Chat = () => <FileUpload />\n",
    });
    const upload = symbol(coldAndWarm(repo), 'FileUpload');
    expect(upload.dependents.map((d) => d.path)).toEqual(['packages/ui/src/views/Chat.jsx']);
    expect(upload.wholeModuleUsers).toEqual([]);
  });
});

test('an alias given only to the bundler is unresolved, and the report says where aliases are read', () => {
  // No npm package is named `@/…`: without a jsconfig.json (vite.config.js's `'@': 'src'` alone), the
  // import was "external" and the component's users went missing with no word of it.
  repo = createTempRepo()
    .commit('ui', {
      'packages/ui/package.json': '{ "name": "flowise-ui", "private": true }\n',
      'packages/ui/vite.config.js': "export default { resolve: { alias: { '@': '/src' } } }\n",
      'packages/ui/src/ui-component/extended/Box.jsx': 'export const Box = (props) => <div {...props} />\n',
      'packages/ui/src/ui-component/extended/FileUpload.jsx': FILE_UPLOAD('white'),
      'packages/ui/src/ui-component/dialog/ChatflowConfigurationDialog.jsx':
        "import FileUpload from '@/ui-component/extended/FileUpload'\n\nexport const ChatflowConfigurationDialog = () => <FileUpload disabled={false} />\n",
    })
    .stage({ 'packages/ui/src/ui-component/extended/FileUpload.jsx': FILE_UPLOAD('transparent') });
  const impact = coldAndWarm(repo);
  expect(impact.stats.unresolved).toBe(1);
  expect(symbol(impact, 'FileUpload').dependents).toEqual([]);
  expect(impact.warnings).toEqual([
    '1 import through a path alias does not resolve (e.g. @/ui-component/extended/FileUpload from packages/ui/src/ui-component/dialog/ChatflowConfigurationDialog.jsx): their users are missing; TypeScript reads aliases from a tsconfig.json or jsconfig.json `paths` (--debug lists them)',
  ]);
});

test('an alias a config maps to a file that is not there (generated), or to text (`?raw`), is no warning', () => {
  // hoppscotch's `~/helpers/backend/graphql` is written by codegen: as a relative import of a
  // missing file, it is not told as an alias no config gives.
  repo = uiPackage({
    'packages/ui/src/views/Chat.jsx':
      "import { ChatDocument } from '@/helpers/backend/graphql'\nimport script from '@/types/pre-request.d.ts?raw'\n\nexport const Chat = () => [ChatDocument, script]\n",
  });
  const impact = coldAndWarm(repo);
  expect(impact.warnings).toEqual([]);
  expect(symbol(impact, 'FileUpload').dependents.map((d) => d.path)).toEqual([
    'packages/ui/src/ui-component/dialog/ChatflowConfigurationDialog.jsx',
  ]);
});
