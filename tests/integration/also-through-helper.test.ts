import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// growthbook/growthbook 97e72b9f0d drops redundant indexes of the revisions collection: the model's
// `getLatestMergedByTarget` loses its `id: -1` sort key, and the `BaseClass = MakeModelClass({…})` it
// extends gains `indexesToRemove` and loses three `additionalIndexes`. The question named only the
// sort key: an export that changed itself and through a helper of its file is told by both.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const make = `export function MakeModelClass(config: { collectionName: string; additionalIndexes?: { fields: Record<string, number> }[]; indexesToRemove?: string[] }) {
  return class {
    config = config;
    find(query: unknown) {
      return [query, this.config];
    }
  };
}
`;
const model = (indexes: string, sort: string) => `import { MakeModelClass } from "./MakeModelClass";

const BaseClass = MakeModelClass({
  collectionName: "revisions",
${indexes}});

export class RevisionModel extends BaseClass {
  getLatestMergedByTarget() {
    return this.find({ sort: { ${sort} } });
  }
}
`;
const before = `  additionalIndexes: [
    {
      fields: { organization: 1, status: 1 },
    },
    {
      fields: { organization: 1, authorId: 1 },
    },
  ],
`;
const after = `  indexesToRemove: ["organization_1_status_1", "organization_1_authorId_1"],
  additionalIndexes: [],
`;
const sortBefore = '"resolution.dateCreated": -1, version: -1, id: -1';
const sortAfter = '"resolution.dateCreated": -1, version: -1';

const files = () => ({
  'src/models/MakeModelClass.ts': make,
  'src/models/RevisionModel.ts': model(before, sortBefore),
  'src/services/context.ts':
    'import { RevisionModel } from "../models/RevisionModel";\n\nexport const models = { revisions: new RevisionModel() };\n',
});
const question = (repo: TempRepo) => listQuestions(repo).find((q) => q.id === 'impact:src/models/RevisionModel.ts#RevisionModel')?.message;

test('a class that changed and whose base changed is told by both', () => {
  repo = createTempRepo(files());
  repo.stage({ 'src/models/RevisionModel.ts': model(after, sortAfter) });
  expect(question(repo)).toMatch(
    /^`RevisionModel` in src\/models\/RevisionModel\.ts changed its implementation \(`getLatestMergedByTarget`: `id: -1` removed\) and through `BaseClass` \(`additionalIndexes` changed, `indexesToRemove` added\); 1 file uses it/,
  );
});

test('a class whose own body alone changed names no helper', () => {
  repo = createTempRepo(files());
  repo.stage({ 'src/models/RevisionModel.ts': model(before, sortAfter) });
  const asked = question(repo);
  expect(asked).toMatch(/changed its implementation \(`getLatestMergedByTarget`: `id: -1` removed\); 1 file uses it/);
  expect(asked).not.toMatch(/through/);
});

test('an export whose own change names nothing is told by its helper alone', () => {
  // Flowise ad0679801a: `nodeClass`'s own edit names no piece; its helper gains `if (processRaw)`.
  const loader = (
    gate: string,
    extra: string,
  ) => `const getOverrideFileInputs = (nodeData: { inputs: Record<string, unknown> }, processRaw: boolean) => {
  const files = nodeData.inputs.files as string[]${gate}
  return files
}

class File_DocumentLoaders {
  label = 'File Loader'
  async init(nodeData: { inputs: Record<string, unknown> }) {
    return getOverrideFileInputs(nodeData, ${extra})
  }
}

module.exports = { nodeClass: File_DocumentLoaders }
`;
  repo = createTempRepo({
    'nodes/File/File.ts': loader('', 'false'),
    'src/utils.ts':
      "export const load = (path: string) => require(path).nodeClass\n\nexport const file = () => require('../nodes/File/File').nodeClass\n",
  });
  repo.stage({ 'nodes/File/File.ts': loader('\n  if (processRaw) {\n    return files.map((f) => f.trim())\n  }', 'true') });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('impact:nodes/File/File.ts'))?.message;
  expect(asked).toMatch(/changed its implementation through `getOverrideFileInputs` \(a new branch `if \(processRaw\)`[,)]/);
});
