import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// growthbook/growthbook 1a8e0d54e9 restores the API's `/api/v1/` index route: the Express router's
// handler becomes a const registered twice, `router.get("/", indexHandler)` and `router.get("/v1/",
// indexHandler)`. The router is built by calls after its declaration, and was asked "changed its
// implementation" with nothing named: those calls are its pieces, named by their first argument.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const api = (index: string) => `import { Router, type RequestHandler } from "express";
import { featureRoutes } from "./features";

const router = Router();

router.use((req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
});

${index}

export const allRoutes = [...featureRoutes];

export default router;
`;
const before = `// Index health check route
router.get("/", (req, res) => {
  res.json({ name: "GrowthBook API", apiVersion: 1 });
});`;
const after = `// Index health check route, at both \`/\` and \`/v1/\`.
const indexHandler: RequestHandler = (req, res) => {
  res.json({ name: "GrowthBook API", apiVersion: 1 });
};
router.get("/", indexHandler);
router.get("/v1/", indexHandler);`;

test('calls that build a router after its declaration are its pieces', () => {
  repo = createTempRepo({
    'src/api/api.router.ts': api(before),
    'src/api/features.ts': 'export const featureRoutes: string[] = [];\n',
    'src/app.ts': 'import apiRouter from "./api/api.router";\n\nexport const mount = (app: any) => app.use("/api", apiRouter);\n',
  });
  repo.stage({ 'src/api/api.router.ts': api(after) });
  const asked = listQuestions(repo).find((q) => q.id === 'impact:src/api/api.router.ts#router')?.message;
  expect(asked).toMatch(
    /^`router` \(default export\) in src\/api\/api\.router\.ts changed its implementation \(`router\.get\("\/"\)` changed, `router\.get\("\/v1\/"\)` added\)/,
  );
});

test('two calls of the same name name neither', () => {
  const twice = (extra: string) =>
    api(`router.get("/", (req, res) => res.json({}));\nrouter.use(${extra});\nrouter.use((req, res, next) => next());`);
  repo = createTempRepo({
    'src/api/api.router.ts': twice('(req, res, next) => next()'),
    'src/api/features.ts': 'export const featureRoutes: string[] = [];\n',
    'src/app.ts': 'import apiRouter from "./api/api.router";\n\nexport const mount = (app: any) => app.use("/api", apiRouter);\n',
  });
  repo.stage({ 'src/api/api.router.ts': twice('(req, res, next) => { res.setHeader("X-A", "1"); next(); }') });
  const asked = listQuestions(repo).find((q) => q.id === 'impact:src/api/api.router.ts#router')?.message;
  expect(asked).toBeDefined();
  expect(asked).not.toMatch(/`router\.use\(…\)` changed/);
});
