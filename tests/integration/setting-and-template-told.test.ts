import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// webstudio-is/webstudio 09c89376fb lowers a plan's `minSeats` inside the JSON of `.env`'s `PLANS`
// and drops the e-mail from two error messages of `workspaceRouter.addMember`. The `.env` was asked
// "what does the change to `PLANS='[` do differently now?" (its hunk's heading, nothing of the
// edit), and the router "(`addMember` now uses …, no longer `" input.email}"`, `No` and 10 more)":
// a template literal's text read as code.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const env = (seats: number) => `DATABASE_URL=postgresql://localhost:5432/webstudio
PLANS='[
  {
    "name": "Pro",
    "features": {
      "maxWorkspaces": 20,
      "maxDomainsAllowedPerUser": 100,
      "allowShareAdminLinks": true,
      "allowDynamicData": true,
      "minSeats": ${seats},
      "maxSeatsPerWorkspace": 20
    }
  }
]'
`;

const router = (missing: string, member: string) => `import { findUserByEmail, addWorkspaceMember, isMember } from "./db";

export const workspaceRouter = {
  async addMember(input: { workspaceId: string; email: string }) {
    const user = await findUserByEmail(input.email);
    if (user === undefined) {
      throw new Error(${missing});
    }
    if (await isMember(input.workspaceId, user.id)) {
      throw new Error(${member});
    }
    return addWorkspaceMember(input.workspaceId, user.id);
  },
};
`;

const before = router(
  '`No Webstudio account found for "${input.email}". The user needs to sign up first.`',
  '`${input.email} is already a member of this workspace.`',
);
const after = router('"No Webstudio account found. The user needs to sign up first."', '"Already a member of this workspace."');
const db = `export const findUserByEmail = async (email: string) => (email === "" ? undefined : { id: email });
export const isMember = async (workspaceId: string, userId: string) => workspaceId === userId;
export const addWorkspaceMember = async (workspaceId: string, userId: string) => ({ workspaceId, userId });
`;
const trpc = `import { workspaceRouter } from "./workspace-router";

export const appRouter = { workspace: workspaceRouter };
`;

test("a setting's one line edited inside a value running over lines is told by its name and the edit", () => {
  repo = createTempRepo({ 'apps/builder/.env': env(5), 'src/workspace-router.ts': before, 'src/db.ts': db, 'src/trpc.ts': trpc });
  repo.stage({ 'apps/builder/.env': env(4), 'src/workspace-router.ts': after });
  const questions = listQuestions(repo);
  expect(messageOf(questions, 'unit:apps/builder/.env')).toBe(
    'In apps/builder/.env, what does the change to `PLANS` (`"minSeats": 5` → `"minSeats": 4`) do differently now?',
  );
  const asked = messageOf(questions, 'unit:src/workspace-router.ts');
  expect(asked).toContain('now uses `"Already a member of this workspace."`');
  expect(asked).not.toMatch(/input\.email}"|`No`|`Webstudio`/);
});
