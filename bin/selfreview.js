#!/usr/bin/env node
import nodeModule from 'node:module';

// Node 22.1+: V8's compile cache for every module of the CLI, which the hook starts on each
// commit (Node 20 has no such switch: there it is a no-op).
nodeModule.enableCompileCache?.();
// The CLI runs from its bundle (scripts/bundle.mjs); with --debug a stack names our source files.
if (process.argv.includes('--debug') || process.env.SELFREVIEW_DEBUG === '1' || process.env.SELFREVIEW_DEBUG === 'true') {
  process.setSourceMapsEnabled(true);
}
const { main } = await import('../dist/bundle/main.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
