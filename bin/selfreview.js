#!/usr/bin/env node
import nodeModule from 'node:module';
import v8 from 'node:v8';

import { isLargeColdRepository } from './cold-run.js';

// A cold run on a large repository lasts seconds: V8's optimizing compiler, by default, compiles
// a function once ~66 KB of its bytecode has run, and such a run spent ~3 s of CPU (about as much
// as its main thread) compiling on background threads that share 2 cores with the parse worker.
// Four times that budget leaves for it the functions that really run hot (docs/speed.md, round
// 39). A short run (the hook with a saved graph, a small repository) is slower with it: it keeps
// V8's default (round 40). A budget on node's command line is the user's and stays.
if (!process.execArgv.some((arg) => arg.startsWith('--interrupt-budget')) && isLargeColdRepository()) {
  v8.setFlagsFromString(`--interrupt-budget=${4 * 67584}`);
}
// Node 22.1+: V8's compile cache for every module of the CLI, which the hook starts on each
// commit (Node 20 has no such switch: there it is a no-op). After the flags: Node keys its cache
// folder by them, and V8 rejects a cache made under other flags.
nodeModule.enableCompileCache?.();
// The CLI runs from its bundle (scripts/bundle.mjs); with --debug a stack names our source files.
if (process.argv.includes('--debug') || process.env.SELFREVIEW_DEBUG === '1' || process.env.SELFREVIEW_DEBUG === 'true') {
  process.setSourceMapsEnabled(true);
}
const { main } = await import('../dist/bundle/main.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
