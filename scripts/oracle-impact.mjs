// node scripts/oracle-impact.mjs [list.json] — not part of npm test (it needs fetched repositories).
//
// For each real commit: stages it on its parent in a scratch worktree (HEAD = parent, index =
// the commit, no checkout), runs `selfreview impact --json`, and compares with the TypeScript
// language service run on the commit's tree read from git:
// - changed exports: an export whose declaration prints differently (comments removed), or that
//   was removed, must be among selfreview's changed symbols (recall);
// - direct users: for each shape- or body-changed export, findReferences on its declaration;
//   a file with a reference outside import/export clauses is a user, a type user when every such
//   reference sits in a type. Compared with selfreview's valueUsers + typeUsers (recall, precision);
//   its wholeModuleUsers (files holding the whole module through an escaping namespace) are not
//   users and are only counted. Of the users both list, the kinds are compared (value: a reference
//   outside types, a class's `extends`, an injected constructor parameter's type of a decorated
//   class, scripts/oracle-injected.mjs; type: every other, and every use of an interface or type alias). Precision is given three times: against findReferences alone;
//   with the files findReferences did not list where go-to-definition at an identifier of the
//   file lands on the changed declaration (scripts/oracle-definition.mjs: .ts requires bound as
//   imports for that look; a .vue or .svelte file by its <script> blocks, scripts/oracle-component.mjs);
//   and with what neither sees but was read by hand
//   (scripts/oracle-audited.json: file, line and the text on it, checked again on every run);
// - transitive users (scripts/oracle-transitive.mjs): from each changed export, references
//   followed outward through the exports whose top-level declarations hold a use (directly or
//   through other declarations of their file), on a language service over every code file of the
//   commit; the files reached beyond depth 1 must be among selfreview's dependents of the symbol
//   (any depth). At most ORACLE_MAX_QUERIES (300) findReferences per changed export, nearest
//   first: past it the closure is a sample, marked so.
// Workspace packages resolve for the language service by a convention independent of
// selfreview's resolver: `name` -> <package>/src/index (else its entry's path with the first
// folder read as src), `name/x` -> its `exports` subpath's target with the first folder dropped or
// read as src (langfuse's `./dist/src/features/monitors/server.js`), else <package>/src/x.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { bindRequires, findUseByDefinition } from './oracle-definition.mjs';
import { COMPONENT, componentCode } from './oracle-component.mjs';
import { isDefaultOfName, isReexport, isSharedDeclaration, reachesThroughBarrel, reachesThroughName } from './oracle-through-barrel.mjs';
import { isImplementationOnly, sameFileRoutes } from './oracle-same-file.mjs';
import { transitiveFiles } from './oracle-transitive.mjs';
import {
  CODE,
  classify,
  createService,
  declarationStarts,
  git,
  nodeAt,
  ownReferences,
  printDeclarations,
  readTree,
  userRoots,
} from './oracle-service.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ORACLE_CLI: a copy of the built CLI, so that a rebuild during a run does not change it.
const cli = process.env.ORACLE_CLI ?? join(root, 'bin', 'selfreview.js');
const list = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'scripts', 'oracle-commits.json'), 'utf8'));
// Clones of the repositories, by name (`git clone --no-checkout <url> $ORACLE_REPOS/<name>`).
const reposDir = process.env.ORACLE_REPOS ?? '/work/blast-real';
function oracleUsers(service, path, decls, exportName, isShared) {
  const decl = decls[0];
  const refs = declarationStarts(decls).flatMap((pos) => ownReferences(service, `/repo/${path}`, pos));
  const program = service.getProgram();
  const checker = program.getTypeChecker();
  // A changed re-export: only the references that reach the declaration through this barrel.
  const barrel = isReexport(decl) ? `/repo/${path}` : undefined;
  const users = new Map();
  // An interface or a type alias has no value to inject: every use of it is in types.
  const isType = decls.every((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
  for (const ref of refs) {
    const file = ref.fileName.replace(/^\/repo\//, '');
    if (file === path || ref.isDefinition) continue;
    const sf = program.getSourceFile(ref.fileName);
    const kind = isType && classify(sf, ref.textSpan.start) === 'value' ? 'type' : classify(sf, ref.textSpan.start);
    if (kind === 'clause') continue;
    if (barrel && !reachesThroughBarrel(checker, nodeAt(sf, ref.textSpan.start), barrel)) continue;
    // One declaration exported by two names (`export default X` beside X's own export): through this one.
    if ((isShared || isDefaultOfName(decl)) && !reachesThroughName(checker, nodeAt(sf, ref.textSpan.start), `/repo/${path}`, exportName))
      continue;
    users.set(file, users.get(file) === 'value' || kind === 'value' ? 'value' : 'type');
  }
  return users;
}

const rows = [];
const totals = {
  changed: 0,
  changedFound: 0,
  routed: 0,
  routedFound: 0,
  oracleUsers: 0,
  reported: 0,
  common: 0,
  definition: 0,
  audited: 0,
  wholeModule: 0,
  transitive: 0,
  transitiveFound: 0,
  transitiveExtra: 0,
  sampled: 0,
  kinds: 0,
  kindsAgree: 0,
};
// The default cap of the walk past the users (impact.maxFurther), to say which commits it would cut.
const { DEFAULT_CONFIG } = await import(join(dirname(cli), '..', 'dist', 'core', 'config', 'defaults.js'));
const CAP = DEFAULT_CONFIG.impact.maxFurther ?? 0;
/** The depth after which the default cap stops the walk (its files listed, deeper ones not), or null. */
function capDepth(dependents) {
  const at = [];
  for (const d of dependents) at[d.depth] = (at[d.depth] ?? 0) + 1;
  let further = 0;
  for (let depth = 2; depth < at.length - 1 && CAP > 0; depth++) if ((further += at[depth] ?? 0) >= CAP) return depth;
  return null;
}
let cut = 0;
// findReferences of carried exports per changed export before the oracle's closure is a sample.
const MAX_QUERIES = Number(process.env.ORACLE_MAX_QUERIES ?? 300);
// Uses findReferences misses, each checked by reading the file at the commit (see docs/impact.md).
const audited = JSON.parse(readFileSync(join(root, 'scripts', 'oracle-audited.json'), 'utf8'));
for (const { repo: name, commit, note } of list) {
  const repo = join(reposDir, name);
  const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
  const parent = git(repo, ['rev-parse', `${commit}^`]).trim();
  try {
    git(repo, ['worktree', 'add', '-q', '--no-checkout', '--detach', dir, parent]);
    git(dir, ['read-tree', commit]);
    const started = Date.now();
    const report = JSON.parse(
      // --all: the whole walk, so that transitive recall measures every depth, not the capped list.
      execFileSync('node', [cli, 'impact', '--json', '--all'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const [before, after] = [readTree(repo, parent), readTree(repo, commit)];
    const changedFiles = git(repo, ['diff', '--name-only', parent, commit])
      .split('\n')
      .filter((p) => CODE.test(p) && !p.endsWith('.d.ts') && after.has(p) && before.has(p));
    const reported = new Map(report.changedSymbols.map((s) => [`${s.path}#${s.isDefault ? 'default' : s.name}`, s]));
    let bound;
    let whole; // a language service over every code file of the commit, for the transitive walk
    const row = {
      transitive: 0,
      transitiveFound: 0,
      transitiveExtra: 0,
      sampled: 0,
      kinds: 0,
      kindsAgree: 0,
      definition: 0,
      audited: 0,
      wholeModule: 0,
      repo: repo.split('/').pop(),
      commit: commit.slice(0, 10),
      note,
      seconds,
      changed: 0,
      changedFound: 0,
      routed: 0,
      routedFound: 0,
      oracleUsers: 0,
      reported: 0,
      common: 0,
      misses: [],
      extras: [],
      confirmed: [],
    };
    for (const path of changedFiles) {
      const [old, now] = [createService(before, [path]), createService(after, [path])];
      const [oldDecls, nowDecls] = [printDeclarations(old.getProgram(), path), printDeclarations(now.getProgram(), path)];
      // Exports whose own text is the same but which refer (in their file) to a declaration that changed.
      const routes = sameFileRoutes(old.getProgram(), now, path);
      for (const [name, { text, decl }] of nowDecls) {
        const previous = oldDecls.get(name);
        const symbol = reported.get(`${path}#${name}`);
        const local = ts.getNameOfDeclaration(decl)?.getText();
        const route = previous && previous.text === text && local !== undefined ? routes.get(local) : undefined;
        if (previous && previous.text !== text) {
          row.changed++;
          if (symbol) row.changedFound++;
          else row.misses.push(`changed export not reported: ${path}#${name}`);
        } else if (route !== undefined) {
          row.routed++;
          if (symbol) row.routedFound++;
          else row.misses.push(`changed export (through \`${route}\` in its file) not reported: ${path}#${name}`);
        }
        const isOracleChanged = previous !== undefined && (previous.text !== text || route !== undefined);
        const isOurs = symbol !== undefined && ['shape-changed', 'body-changed'].includes(symbol.change);
        // A changed export selfreview did not report: its users are all missed.
        if (!isOurs && !(isOracleChanged && symbol === undefined)) continue;
        // Roots: files that name the symbol, by any name it is exported under (or the module, for a default export).
        const roots = userRoots(after, path, name);
        const service = createService(after, roots);
        const freshDecls = printDeclarations(service.getProgram(), path);
        const fresh = freshDecls.get(name);
        const isShared = fresh !== undefined && isSharedDeclaration(service.getProgram().getTypeChecker(), freshDecls, name);
        const users = fresh ? oracleUsers(service, path, fresh.decls, name, isShared) : new Map();
        const ours = new Set(symbol ? [...symbol.valueUsers, ...symbol.typeUsers].map((u) => u.path) : []);
        row.oracleUsers += users.size;
        row.reported += ours.size;
        row.wholeModule += (symbol?.wholeModuleUsers ?? []).length;
        for (const file of users.keys()) if (ours.has(file)) row.common++;
        // Value or type: a file that runs the export's code against one that only names its type.
        const oursAsValue = new Set((symbol?.valueUsers ?? []).map((u) => u.path));
        for (const [file, kind] of users) {
          if (!ours.has(file)) continue;
          row.kinds++;
          if ((kind === 'value') === oursAsValue.has(file)) row.kindsAgree++;
          else
            row.misses.push(
              `kind differs: ${name} in ${file}: ${kind} for the language service, ${kind === 'value' ? 'type' : 'value'} for selfreview`,
            );
        }
        for (const file of users.keys()) if (!ours.has(file)) row.misses.push(`user missed: ${name} in ${file}`);
        // Transitive: files the language service reaches beyond the direct users, against every
        // dependent selfreview lists for the symbol (any depth).
        whole ??= createService(
          after,
          [...after.keys()].filter((p) => CODE.test(p)),
        );
        const wholeProgram = whole.getProgram();
        const wholeDecls = printDeclarations(wholeProgram, path);
        const start = wholeDecls.get(name);
        if (start) {
          const byName = isDefaultOfName(start.decl) || isSharedDeclaration(wholeProgram.getTypeChecker(), wholeDecls, name);
          const startName = ts.getNameOfDeclaration(start.decl) ?? start.decl;
          const barrel = isReexport(start.decl) ? `/repo/${path}` : undefined;
          const { reached, sampled, chainOf } = transitiveFiles(
            whole,
            {
              file: `/repo/${path}`,
              pos: startName.getStart(),
              positions: declarationStarts(start.decls),
            },
            {
              isUse: (file, pos) => classify(wholeProgram.getSourceFile(file), pos) !== 'clause',
              isType: (file, pos) => classify(wholeProgram.getSourceFile(file), pos) === 'type',
              isImplementation: previous !== undefined && previous.text !== text && isImplementationOnly(previous, start),
              firstHop: (file, pos) =>
                (!barrel || reachesThroughBarrel(wholeProgram.getTypeChecker(), nodeAt(wholeProgram.getSourceFile(file), pos), barrel)) &&
                (!byName ||
                  reachesThroughName(wholeProgram.getTypeChecker(), nodeAt(wholeProgram.getSourceFile(file), pos), `/repo/${path}`, name)),
              maxQueries: MAX_QUERIES,
            },
          );
          const dependents = new Set((symbol?.dependents ?? []).map((d) => d.path));
          const further = [...reached].filter(([, depth]) => depth > 1).map(([file]) => file.replace(/^\/repo\//, ''));
          row.transitive += further.length;
          if (sampled) row.sampled++;
          for (const file of further) {
            if (dependents.has(file)) row.transitiveFound++;
            else
              row.misses.push(
                `transitive user missed: ${name} -> ${file} (depth ${reached.get(`/repo/${file}`)}: ${chainOf(`/repo/${file}`)
                  .map((f) => f.replace(/^\/repo\//, ''))
                  .join(' -> ')})`,
              );
          }
          if (!sampled) {
            const extra = (symbol?.dependents ?? []).filter((d) => d.depth > 1 && !reached.has(`/repo/${d.path}`));
            row.transitiveExtra += extra.length;
            for (const d of extra.slice(0, 5)) row.extras.push(`transitive, not reached by the language service: ${name} -> ${d.path}`);
          }
        }
        const unseen = [...ours].filter((file) => !users.has(file));
        // What findReferences did not list, asked again by go-to-definition at the file's identifiers,
        // over texts whose .ts requires are bound as imports (the declaring file left as it is).
        const confirmed = new Set();
        if (unseen.length > 0 && fresh) {
          bound ??= new Map();
          if (!bound.has(path)) bound.set(path, bindRequires(after, path));
          // A component's <script> blocks, read as a code file of their own (oracle-component.mjs).
          const components = new Map();
          for (const file of unseen.filter((f) => COMPONENT.test(f))) {
            const code = componentCode(file, after.get(file) ?? git(repo, ['show', `${commit}:${file}`]));
            if (code) components.set(file, code);
          }
          const texts = components.size === 0 ? bound.get(path) : new Map(bound.get(path));
          for (const code of components.values()) texts.set(code.path, code.text);
          const again = createService(texts, [...new Set([...roots, ...unseen.map((f) => components.get(f)?.path ?? f)])]);
          for (const file of unseen) {
            const line = findUseByDefinition(again, components.get(file)?.path ?? file, name, fresh.spans);
            if (line === undefined) continue;
            confirmed.add(file);
            row.confirmed.push(`confirmed by go-to-definition: ${name} in ${file}:${line}`);
          }
          row.definition += confirmed.size;
        }
        for (const file of unseen) {
          if (confirmed.has(file)) continue;
          // A use neither findReferences nor go-to-definition sees, read by hand: counted only while its line still says so.
          const entry = audited.find((a) => a.repo === row.repo && commit.startsWith(a.commit) && a.file === file && a.symbol === name);
          // A component (.svelte, .vue) is no file of the language service's tree: read from git.
          const text = entry ? (after.get(file) ?? git(repo, ['show', `${commit}:${file}`])).split('\n')[entry.line - 1] : undefined;
          if (entry && text?.includes(entry.text)) row.audited++;
          else if (entry) row.misses.push(`audited entry does not match ${file}:${entry.line}: ${entry.text}`);
          else row.extras.push(`not a user per findReferences: ${name} in ${file}`);
        }
      }
      for (const name of oldDecls.keys()) {
        if (nowDecls.has(name)) continue;
        row.changed++;
        if (reported.has(`${path}#${name}`) || report.changedSymbols.some((s) => s.previousName === name && s.path === path))
          row.changedFound++;
        else row.misses.push(`removed export not reported: ${path}#${name}`);
      }
    }
    for (const key of Object.keys(totals)) totals[key] += row[key];
    rows.push(row);
    const capAt = capDepth(report.dependents);
    if (capAt !== null) cut++;
    const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
    console.log(
      `${row.repo} ${row.commit} ${note}: changed exports ${row.changedFound}/${row.changed}, through their file ${row.routedFound}/${row.routed}, users recall ${pct(row.common, row.oracleUsers)} (${row.common}/${row.oracleUsers}), precision ${pct(row.common, row.reported)} (${row.common}/${row.reported}), with go-to-definition ${pct(row.common + row.definition, row.reported)} (${row.common + row.definition}/${row.reported}), with audited uses ${pct(row.common + row.definition + row.audited, row.reported)} (${row.common + row.definition + row.audited}/${row.reported}), kinds ${pct(row.kindsAgree, row.kinds)} (${row.kindsAgree}/${row.kinds}), transitive recall ${pct(row.transitiveFound, row.transitive)} (${row.transitiveFound}/${row.transitive}${row.sampled ? `, ${row.sampled} closures sampled` : ''}, ${row.transitiveExtra} further than the language service), ${row.wholeModule} whole-module holders apart, impact ${seconds.toFixed(1)} s, ${capAt === null ? 'under the cap' : `the cap (${CAP}) stops it after depth ${capAt}`}`,
    );
    for (const line of [...row.misses, ...row.extras, ...row.confirmed]) console.log(`    ${line}`);
  } finally {
    try {
      git(repo, ['worktree', 'remove', '--force', dir]);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
console.log(
  `\nvalue/type kinds agree on ${pct(totals.kindsAgree, totals.kinds)} of the users both list (${totals.kindsAgree}/${totals.kinds}).`,
);
console.log(`\n${cut} of ${rows.length} commits meet the default cap of the walk (impact.maxFurther ${CAP}); measured here with --all.`);
console.log(
  '\n| repository | commit | what changed | changed exports found | + through their file | direct users recall | precision (findReferences) | precision (findReferences + go-to-definition) | precision (+ audited by hand) | transitive recall | whole-module holders (apart) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.repo} | ${r.commit} | ${r.note} | ${r.changedFound}/${r.changed} | ${r.changedFound + r.routedFound}/${r.changed + r.routed} | ${pct(r.common, r.oracleUsers)} (${r.common}/${r.oracleUsers}) | ${pct(r.common, r.reported)} (${r.common}/${r.reported}) | ${pct(r.common + r.definition, r.reported)} (${r.common + r.definition}/${r.reported}) | ${pct(r.common + r.definition + r.audited, r.reported)} (${r.common + r.definition + r.audited}/${r.reported}) | ${pct(r.transitiveFound, r.transitive)} (${r.transitiveFound}/${r.transitive}${r.sampled ? ', sampled' : ''}) | ${r.wholeModule} |`,
  );
console.log(
  `| **all** | ${rows.length} commits | | ${totals.changedFound}/${totals.changed} (${pct(totals.changedFound, totals.changed)}) | ${totals.changedFound + totals.routedFound}/${totals.changed + totals.routed} (${pct(totals.changedFound + totals.routedFound, totals.changed + totals.routed)}) | ${pct(totals.common, totals.oracleUsers)} (${totals.common}/${totals.oracleUsers}) | ${pct(totals.common, totals.reported)} (${totals.common}/${totals.reported}) | ${pct(totals.common + totals.definition, totals.reported)} (${totals.common + totals.definition}/${totals.reported}) | ${pct(totals.common + totals.definition + totals.audited, totals.reported)} (${totals.common + totals.definition + totals.audited}/${totals.reported}) | ${pct(totals.transitiveFound, totals.transitive)} (${totals.transitiveFound}/${totals.transitive}) | ${totals.wholeModule} |`,
);
