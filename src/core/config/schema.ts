import { z } from 'zod';

// The config file's schema: the single source for validation and for the JSON schema shipped to
// editors (scripts/write-schema.mjs). Strict objects, so a misspelt key is an error, not a no-op.

const count = z.number().int().positive();

const partialBudget = z
  .strictObject({
    lines: count.optional().describe('Most changed lines (added + removed) a commit may have.'),
    files: count.optional().describe('Most changed files a commit may have.'),
    hunks: count.optional().describe('Most hunks a commit may have (not gated when absent).'),
  })
  .describe('A budget; missing fields keep the default.');

const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    budgets: z
      .strictObject({
        human: partialBudget.optional().describe('For changes written by a person (default 400 lines, 25 files).'),
        ai: partialBudget.optional().describe('For AI-assisted and AI-generated changes (default 200 lines, 10 files).'),
        paths: z
          .array(
            z.strictObject({
              match: globs.describe('Files matching these globs are measured as their own group.'),
              human: partialBudget.optional(),
              ai: partialBudget.optional(),
            }),
          )
          .optional()
          .describe('Per-path budgets: the first entry whose globs match a file takes it.'),
      })
      .optional(),
    exclude: globs.optional().describe('Globs of files that are listed but do not count toward the budget.'),
    provenance: z
      .strictObject({
        assume: z
          .enum(['detect', 'human', 'ai'])
          .optional()
          .describe("'ai' applies the AI budget to every change; 'detect' (default) uses the signals."),
        agentsMaySkip: z
          .boolean()
          .optional()
          .describe(
            "SELFREVIEW=0 in an AI agent's environment skips the review (default false: it does not apply); the commit is marked and CI reports it.",
          ),
      })
      .optional(),
    impact: z
      .strictObject({
        sensitivePaths: globs
          .optional()
          .describe('Globs where any change is high risk (default: auth, crypto, security, payments, billing, secrets folders).'),
        mediumDependents: count.optional().describe('Dependents of changed exports from which the risk is medium (default 5).'),
        highDependents: count.optional().describe('Dependents of changed exports from which the risk is high (default 25).'),
        maxFurther: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe(
            'Past the direct users, the walk stops after the first depth that brings this many more dependents, and says how many more there may be (default 500; 0: never; `impact --all` walks everything).',
          ),
      })
      .optional(),
    questionnaire: z
      .strictObject({
        minWords: count.optional().describe('Meaningful words an answer needs at least (default 4).'),
        quiz: z
          .enum(['ai', 'ai-generated', 'always', 'never'])
          .optional()
          .describe(
            'When to ask the comprehension check: `ai` for changes an AI wrote or helped write (the default), `ai-generated` for those it wrote, `always`, `never`.',
          ),
      })
      .optional(),
    ci: z
      .strictObject({
        requireReview: z.boolean().optional().describe('A commit without a matching review record fails (default true).'),
        allowOverride: z
          .boolean()
          .optional()
          .describe('An override with its reason lets an oversized commit pass, reported (default true).'),
        aiWithoutReview: z
          .enum(['fail', 'warn'])
          .optional()
          .describe('A commit with AI signals and no review (default fail, even when reviews are not required).'),
        unverifiedReviews: z
          .enum(['fail', 'warn'])
          .optional()
          .describe('A review whose record is not in the fetched notes (refs/notes/selfreview): fail (default) or warn.'),
        answersFromFile: z
          .enum(['fail', 'warn', 'allow'])
          .optional()
          .describe(
            'A review answered from a file (--answers) rather than at a terminal (default fail: CI cannot tell a person from a program).',
          ),
        requireSignedReviews: z
          .boolean()
          .optional()
          .describe("Records must be signed with the reviewer's git signing key and verify against the allowed signers (default false)."),
        allowedSignersFile: z
          .string()
          .min(1)
          .optional()
          .describe("ssh allowed signers file, relative to the repository root (default: git's gpg.ssh.allowedSignersFile)."),
        since: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('Where the policy starts, a commit or a date (2026-01-31): earlier commits of a range are reported, not judged.'),
      })
      .optional(),
  })
  .describe('selfreview configuration');

export type ConfigFile = z.infer<typeof configSchema>;

/** Validates parsed config data; returns every problem as "dotted.path: message". */
export function validateConfig(data: unknown): { config: ConfigFile } | { problems: string[] } {
  const result = configSchema.safeParse(data);
  if (result.success) return { config: result.data };
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  return { problems };
}
