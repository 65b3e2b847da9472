// The build to compare with (BENCH_BASELINE): a built checkout given by path, or a git rev built
// once into .bench/baseline-<sha> (git archive, this checkout's node_modules linked, `npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { git } from './generate-repo.mjs';

/** The directory of a built selfreview checkout for `spec` (a path, or a rev of the checkout at `root`). */
export function baselinePackage(root, spec) {
  if (isAbsolute(spec) || spec.startsWith('.') || existsSync(spec)) {
    const dir = resolve(spec);
    if (!existsSync(join(dir, 'bin', 'selfreview.js')) || !existsSync(join(dir, 'dist')))
      throw new Error(`bench: ${dir} is not a built selfreview checkout (bin/selfreview.js and dist/)`);
    return dir;
  }
  const sha = git(root, ['rev-parse', '--verify', `${spec}^{commit}`]).trim();
  const dir = join(root, '.bench', `baseline-${sha.slice(0, 12)}`);
  if (existsSync(join(dir, '.bench-built'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`building ${spec} (${sha.slice(0, 12)}) into ${dir} with this checkout's node_modules`);
  const archive = execFileSync('git', ['archive', sha], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(join(dir, '.bench-built'), '');
  return dir;
}
