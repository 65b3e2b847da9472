// Recall of Vue/Svelte components as direct users: for each commit, `selfreview impact --json
// --base C^ --head C`, and for each changed export, the .vue/.svelte files at C whose script
// imports it, found by `git grep` of the import (a relative specifier resolved to the changed
// file or SvelteKit's `$lib/…` to the app's src/lib, the name in the import clause, or a namespace
// import). Other aliases (`@/…`, `~/…`) are counted apart: git grep cannot resolve them.
// Added exports are skipped (no users are listed for a new export, in .ts as in components).
//
//   node scripts/sfc-recall.mjs <repo> <before.js,after.js> <commits.json> [tune|held-out]
// commits.json: { "tune": [sha…], "held-out": [sha…] } (scripts/sfc-recall-commits.json)

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const [repo, bin, listFile, part = 'tune'] = process.argv.slice(2);
const commits = JSON.parse(readFileSync(listFile, 'utf8'))[repo.split('/').pop()]?.[part] ?? [];
const git = (args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
const SFC = /\.(?:vue|svelte)$/;
const EXTS = ['', '.ts', '.js', '.tsx', '.jsx', '.mts', '.mjs', '.vue', '.svelte', '/index.ts', '/index.js'];
const IMPORT = /import\s+(type\s+)?([\w$*{},\s]+?)\s+from\s*['"]([^'"]+)['"]/g;

function truthOf(commit, path, name, isDefault) {
  const base = posix.basename(path).replace(/\.[^.]+$/, '');
  let hits;
  try {
    hits = git(['grep', '-l', '-z', '-F', base, commit, '--', '*.vue', '*.svelte']);
  } catch {
    return { users: [], aliased: 0 };
  }
  const users = [];
  let aliased = 0;
  for (const line of hits.split('\0').filter(Boolean)) {
    const file = line.slice(commit.length + 1);
    const text = git(['show', `${commit}:${file}`]);
    for (const [, , clause, spec] of text.matchAll(IMPORT)) {
      const named =
        clause.includes('*') ||
        (isDefault ? /^\s*[\w$]+\s*(,|$)/.test(clause) : new RegExp(`[{,]\\s*(type\\s+)?${name.replace(/\$/g, '\\$')}\\b`).test(clause));
      if (!named) continue;
      // SvelteKit's `$lib` is `src/lib` of the app the importer is in (its path up to `src/`).
      const app = /^(.*?)(?:^|\/)src\//.exec(file);
      const isLib = /^\$lib(?:\/|$)/.test(spec) && app !== null;
      if (!spec.startsWith('.') && !isLib) {
        if ((/^[$@~#]/.test(spec) && spec.endsWith(base)) || spec.endsWith(`${base}.svelte`) || spec.endsWith(`${base}.vue`)) aliased++;
        continue;
      }
      const target = isLib
        ? posix.normalize(posix.join(app[1], 'src/lib', spec.slice(4)))
        : posix.normalize(posix.join(posix.dirname(file), spec));
      if (EXTS.some((e) => `${target}${e}` === path || `${target.replace(/\.js$/, '')}${e}` === path)) users.push(file);
    }
  }
  return { users: [...new Set(users)], aliased };
}

const impactOf = (bin, commit) => {
  try {
    const args = [bin, 'impact', '--json', '--base', `${commit}^`, '--head', commit];
    return JSON.parse(execFileSync('node', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }));
  } catch (error) {
    console.log(`${commit.slice(0, 10)} impact failed (${bin}): ${String(error.message).split('\n')[0]}`);
    return { changedSymbols: [] };
  }
};
// The changed symbols of both builds: the truth of each is what git grep finds, whichever reported it.
const bins = bin.split(',');
const totals = bins.map(() => ({ found: 0, reported: 0 }));
let [truthCount, aliasCount] = [0, 0];
for (const commit of commits) {
  const reports = bins.map((b) => impactOf(b, commit));
  const symbols = new Map();
  for (const r of reports) for (const s of r.changedSymbols) symbols.set(`${s.path}\0${s.isDefault === true ? 'default' : s.name}`, s);
  for (const [key, s] of symbols) {
    // An added export has no users listed (its importers are new with it), for .ts as for components.
    if (s.change === 'added') continue;
    const { users, aliased } = truthOf(commit, s.path, key.split('\0')[1], s.isDefault === true);
    truthCount += users.length;
    aliasCount += aliased;
    const line = reports.map((r, i) => {
      const same = r.changedSymbols.find((t) => `${t.path}\0${t.isDefault === true ? 'default' : t.name}` === key);
      const reported = new Set(
        same ? [...same.valueUsers, ...same.typeUsers, ...same.wholeModuleUsers].map((u) => u.path).filter((p) => SFC.test(p)) : [],
      );
      const found = users.filter((u) => reported.has(u));
      totals[i].found += found.length;
      totals[i].reported += reported.size;
      // A reported component grep did not find (a package or alias specifier): does its text name the symbol?
      for (const p of reported) {
        if (users.includes(p)) continue;
        if (git(['show', `${commit}:${p}`]).includes(s.name)) totals[i].named = (totals[i].named ?? 0) + 1;
        else totals[i].unnamed = [...(totals[i].unnamed ?? []), `${commit.slice(0, 10)} ${p} ${s.name}`];
      }
      return `found ${found.length}/${users.length} reported ${reported.size}${
        found.length < users.length
          ? ` missed ${users
              .filter((u) => !reported.has(u))
              .slice(0, 2)
              .join(' ')}`
          : ''
      }`;
    });
    if (users.length + aliased > 0 || line.some((l) => !l.includes('reported 0')))
      console.log(`${commit.slice(0, 10)} ${s.path} ${s.name}${aliased ? ` (aliased ${aliased})` : ''}: ${line.join(' | ')}`);
  }
}
for (const [i, b] of bins.entries())
  console.log(
    `${part} ${b}: ${commits.length} commits; component users by git grep (relative and $lib imports) ${truthCount}, found ${totals[i].found} (recall ${truthCount ? ((100 * totals[i].found) / truthCount).toFixed(1) : '-'}%); components reported as users ${totals[i].reported} (beyond grep's, naming the symbol ${totals[i].named ?? 0}, not naming it ${(totals[i].unnamed ?? []).length}${(totals[i].unnamed ?? []).length > 0 ? `: ${totals[i].unnamed.slice(0, 3).join('; ')}` : ''}); imports through aliases ${aliasCount}`,
  );
