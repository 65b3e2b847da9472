#!/usr/bin/env node
import nodeModule from 'node:module';
import v8 from 'node:v8';

// Node 22.1+: V8's compile cache for every module of the CLI, which the hook starts on each
// commit (Node 20 has no such switch: there it is a no-op).
nodeModule.enableCompileCache?.();
// A run lasts seconds: V8's optimizing compiler, by default, compiles a function once ~66 KB of
// its bytecode has run, and a cold run on a large repository spent ~3 s of CPU (about as much as
// its main thread) compiling on background threads that share 2 cores with the parse worker.
// Four times that budget leaves for it the functions that really run hot (docs/speed.md, round 39).
if (!process.execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) v8.setFlagsFromString(`--interrupt-budget=${4 * 67584}`);
// The CLI runs from its bundle (scripts/bundle.mjs); with --debug a stack names our source files.
if (process.argv.includes('--debug') || process.env.SELFREVIEW_DEBUG === '1' || process.env.SELFREVIEW_DEBUG === 'true') {
  process.setSourceMapsEnabled(true);
}
const { main } = await import('../dist/bundle/main.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
