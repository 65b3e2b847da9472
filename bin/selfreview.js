#!/usr/bin/env node
import nodeModule from 'node:module';

// Node 22.1+: V8's compile cache for every module of the CLI, which the hook starts on each
// commit (Node 20 has no such switch: there it is a no-op).
nodeModule.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
