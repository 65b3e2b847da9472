import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// webstudio-is/webstudio: 09c89376fb drops the e-mail from two error messages of `addMember` (two
// hunks, no piece, no branch, no call), and 463a6b4fcc narrows `bindExpressionInput`'s `state`
// to a `Pick` of two keys. Both were asked "changed its implementation" / "changed its signature"
// and nothing more.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const workspace = (missing: string, member: string) => `import { db } from "./client";

export const addMember = async (workspaceId: string, email: string) => {
  const user = await db.user.findFirst({ where: { email } });
  if (user === null) {
    throw new Error(
      ${missing}
    );
  }
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (workspace === null) {
    throw new Error("Workspace not found");
  }
  const members = await db.member.findMany({ where: { workspaceId } });
  const seats = members.length;
  if (seats >= workspace.maxSeats) {
    throw new Error("No seats left");
  }
  if (members.some((member) => member.userId === user.id)) {
    throw new Error(${member});
  }
  return db.member.create({ data: { workspaceId, userId: user.id } });
};
`;

const client = `export const db: any = {};
`;
const router = `import { addMember } from "./workspace";

export const invite = (workspaceId: string, email: string) => addMember(workspaceId, email);
`;

test('an edit nothing else tells is told by the names and literals it gains and loses', () => {
  repo = createTempRepo({
    'src/client.ts': client,
    'src/router.ts': router,
    'src/workspace.ts': workspace(
      '`No Webstudio account found for "${email}". The user needs to sign up first.`',
      '`${email} is already a member of this workspace.`',
    ),
  });
  repo.stage({
    'src/workspace.ts': workspace(
      '"No Webstudio account found. The user needs to sign up first."',
      '"Already a member of this workspace."',
    ),
  });
  expect(messageOf(listQuestions(repo), 'impact:src/workspace.ts#addMember')).toMatch(
    /^`addMember` in src\/workspace\.ts changed its implementation \(now uses `"Already a member of this workspace\."`, no longer `email`\); 1 file uses it/,
  );
});

const scope = (state: string) => `export interface BuilderState {
  instances: Map<string, string>;
  dataSources: Map<string, string>;
  pages: string[];
}

export const bindExpressionInput = (state: ${state}, expression: string) =>
  state.instances.has(expression) || state.dataSources.has(expression) ? expression : undefined;
`;
const pages = `import { bindExpressionInput, type BuilderState } from "./expression-scope";

export const bindTitle = (state: BuilderState, title: string) => bindExpressionInput(state, title);
`;

test("a parameter's type up to 60 characters is quoted", () => {
  repo = createTempRepo({ 'src/expression-scope.ts': scope('BuilderState'), 'src/pages.ts': pages });
  repo.stage({ 'src/expression-scope.ts': scope('Pick<BuilderState, "instances" | "dataSources">') });
  expect(messageOf(listQuestions(repo), 'impact:src/expression-scope.ts#bindExpressionInput')).toMatch(
    /^`bindExpressionInput` in src\/expression-scope\.ts changed its signature \(`state`: `BuilderState` → `Pick<BuilderState, "instances" \| "dataSources">`\); 1 file uses it/,
  );
});
