import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Real explanations of the jest and prettier corpora's tune splits
// (tests/fixtures/answers/grounded-jest.tune.jsonl, grounded-prettier.tune.jsonl), each against its
// own commit's patch, refused before this round's rules: example code is not a claim about the
// repository (its names are not looked up, and a fenced block beside prose is no pasted code), and
// not knowing why something fails is no admission of not knowing what the change does.

describe('a placeholder in a code span is no name (jest 24c173eedc)', () => {
  const patch = `diff --git a/docs/Troubleshooting.md b/docs/Troubleshooting.md
--- a/docs/Troubleshooting.md
+++ b/docs/Troubleshooting.md
@@ -72 +72,2 @@ To automatically launch and attach to a process running your tests, use the foll
-      "internalConsoleOptions": "neverOpen"
+      "internalConsoleOptions": "neverOpen",
+      "port": 9229
@@ -94 +95,2 @@ or the following for Windows:
-      "internalConsoleOptions": "neverOpen"
+      "internalConsoleOptions": "neverOpen",
+      "port": 9229
`;
  const rules = intentRulesFor(patch, ['docs/Troubleshooting.md'], new Set(['node_modules', 'runinband']));
  const body =
    "With the existing launch configuration, VS Code automatically appends `--inspect-brk=<random_port>` resulting in a command like `node --inspect-brk ${workspaceRoot}/node_modules/.bin/jest --runInBand --inspect-brk=35370`. This does not work because the debugger starts listening on port 9229, but Code attempts to attach to it on port 35370 (or whatever random port number it has selected).\n\nAdding the port parameter prevents Code from automatically appending the `--inspect-brk` flag and instructs Code attach to the debugger on port 9229.\n\nI don't think I'll need to update CHANGELOG.md for this, will I?";
  test('its own body passes', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('a name in the same span outside the placeholder is still looked up', () => {
    expect(validateAnswer(body.replace('--inspect-brk=<random_port>', '--inspect-brk=<random_port> --debugPortFinder'), rules)).toMatch(
      /debugPortFinder` is not in this repository/,
    );
  });
});

describe('a string literal in a code span is a value (jest ea7a8e8080)', () => {
  const patch = `diff --git a/docs/TutorialReactNative.md b/docs/TutorialReactNative.md
--- a/docs/TutorialReactNative.md
+++ b/docs/TutorialReactNative.md
@@ -195,2 +195,2 @@ jest.mock('path/to/MyNativeComponent', () => {
-  const jestReactNative = require('jest-react-native');
-  return jestReactNative.mockComponent('path/to/MyNativeComponent');
+  const mockComponent = require('react-native/jest/mockComponent');
+  return mockComponent('path/to/MyNativeComponent');
`;
  const rules = intentRulesFor(patch, ['docs/TutorialReactNative.md'], new Set(['typeerror']));
  const body =
    "* Removed `.mockComponent`\n\nIt looks like the default function exported from 'jest-react-native' is the `mockComponent` function. When I was running `jestReactNative.mockComponent`, I would get `TypeError: jestReactNative.mockComponent is not a function`. In my code, removing that and just running `jestReactNative('TouchableHighlight')` worked so I just removed it from the documentation to reflect that.\n\n* added 'react-native/jest/mockComponent' path\n\n* Update TutorialReactNative.md";
  test('its own body passes', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('the called name of the span is still looked up', () => {
    expect(validateAnswer(body.replace("`jestReactNative('TouchableHighlight')`", "`createSlice('TouchableHighlight')`"), rules)).toMatch(
      /createSlice` is not in this repository/,
    );
  });
});

describe('a comment in a code span is example code (prettier dda7c265d0)', () => {
  const patch = `diff --git a/docs/configuration.md b/docs/configuration.md
--- a/docs/configuration.md
+++ b/docs/configuration.md
@@ -8 +8 @@ Prettier uses [cosmiconfig](https://github.com/davidtheclark/cosmiconfig) for co
-- A \`.prettierrc\` file, written in YAML or JSON, with optional extensions: \`.yaml/.yml/.json/.js\`.
+- A \`.prettierrc\` file, written in YAML or JSON, with optional extensions: \`.yaml/.yml/.json\`.
@@ -10 +10 @@ Prettier uses [cosmiconfig](https://github.com/davidtheclark/cosmiconfig) for co
-- A \`prettier.config.js\` file that exports an object.
+- A \`prettier.config.js\` or \`.prettierrc.js\` file that exports an object.
@@ -31 +31 @@ JS:
-// .prettierrc.js
+// prettier.config.js or .prettierrc.js
`;
  const rules = intentRulesFor(patch, ['docs/configuration.md']);
  const body =
    'So in the list, it says to use `prettier.config.js` as your file name for configuring prettier in js. But in the example it has `//.prettierrc.js`. This confused me so I tried both file names. Both these file names work to configure prettier so I updated the docs to reflect that.';
  test('its own body passes', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('a path in a span that is no comment is still looked up', () => {
    expect(validateAnswer(body.replace('`//.prettierrc.js`', '`config/.prettierrc.js`'), rules)).toMatch(
      /config\/\.prettierrc\.js` is not in this repository/,
    );
  });
});

describe('a fenced block beside an explanation is its example, not pasted code (jest bb0a5e15a9)', () => {
  const patch = `diff --git a/src/environments/installCommonGlobals.js b/src/environments/installCommonGlobals.js
--- a/src/environments/installCommonGlobals.js
+++ b/src/environments/installCommonGlobals.js
@@ -17,4 +17,17 @@ module.exports = (global, globals) => {
-  global.process = Object.assign({}, process);
-  global.process.on = process.on.bind(process);
-  global.setImmediate = setImmediate;
-  global.clearImmediate = clearImmediate;
+  global.process                    = Object.assign({}, process);
+
+  // Correctly bind all EventEmitter functions
+  global.process.setMaxListeners    = process.setMaxListeners.bind(process);
+  global.process.getMaxListeners    = process.getMaxListeners.bind(process);
+  global.process.emit               = process.emit.bind(process);
+  global.process.addListener        = process.addListener.bind(process);
+  global.process.on                 = process.on.bind(process);
+  global.process.once               = process.once.bind(process);
+  global.process.removeListener     = process.removeListener.bind(process);
+  global.process.removeAllListeners = process.removeAllListeners.bind(process);
+  global.process.listeners          = process.listeners.bind(process);
+  global.process.listenerCount      = process.listenerCount.bind(process);
+
+  global.setImmediate               = setImmediate;
+  global.clearImmediate             = clearImmediate;
+
`;
  const rules = intentRulesFor(patch, ['src/environments/installCommonGlobals.js']);
  const fence =
    "```js\nfor (var func in process)\n{\n  if (typeof process[func] == 'function')\n  {\n    global.process[func] = process[func].bind(process);\n  }\n}\n```";
  const body = `Not all process event functions are correctly bind to the original process object. Currently only process.on is bind correctly. This pull requests binds all EventEmitter functions to the correct object.\n\nI am not 100% sure, but maybe this fix could be applied to all process functions instead of only the EventEmitter ones? This could easily be done as following:\n\n${fence}`;
  test('its own body passes', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('the block alone, or code lines without a fence, are still pasted code', () => {
    expect(validateAnswer(fence, rules)).toMatch(/pasted code/);
    expect(validateAnswer(fence.replace(/```(js)?/g, ''), rules)).toMatch(/pasted code/);
  });
  test('a name written in the fenced block is not looked up; the same name in the prose is', () => {
    const withName = body.replace('global.process[func] =', 'global.process[func] = wrapListenerSafe(process[func]) ||');
    expect(validateAnswer(withName, rules)).toBeNull();
    expect(validateAnswer(withName.replace('This could easily', 'With `wrapListenerSafe` this could easily'), rules)).toMatch(
      /wrapListenerSafe` is not in this repository/,
    );
  });
});

/** jest a570638d63: netlify's NODE_VERSION pinned to 16. */
const NETLIFY_NODE_16 = `diff --git a/netlify.toml b/netlify.toml
--- a/netlify.toml
+++ b/netlify.toml
@@ -10 +10 @@
-  NODE_VERSION = "lts/*"
+  NODE_VERSION = "16"
`;

describe('not knowing why something fails is no admission (jest a570638d63)', () => {
  const rules = intentRulesFor(NETLIFY_NODE_16, ['netlify.toml']);
  const body =
    'See https://app.netlify.com/sites/jestjs/deploys/635813952677880009aff473 vs https://app.netlify.com/sites/jestjs/deploys/635889b4fe8a9300087cbd5a.\n\nI have no idea why it fails with v18, the error message is useless.';
  test('its own body passes', () => {
    expect(isAdmission(body)).toBe(false);
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('not knowing what the change does, or why it works, stays an admission', () => {
    for (const text of [
      'No idea why this works but it fixed the build for me.',
      'Not sure why this fixes it, I just tried things until CI went green.',
      'I have no idea why it fails with v18 and no idea what this change does either.',
      "I don't know why it fails, I don't know what the change does.",
      // Not knowing what the change does to its users is the admission the review exists for (a
      // rule of round 36 let these through as "a doubt about the reader"; reverted).
      'I am not sure how users will be affected by this, I just copied it from the AI.',
      "I don't know why users hit this but the AI says this fixes it.",
      'Honestly I do not know what they expect here, I accepted the suggestion.',
    ]) {
      expect(isAdmission(text)).toBe(true);
    }
  });
});

describe('a quoted name in backticks is that name (jest 19e3dfe833)', () => {
  const patch = `diff --git a/docs/TutorialCoffeeScript.md b/docs/TutorialCoffeeScript.md
--- a/docs/TutorialCoffeeScript.md
+++ b/docs/TutorialCoffeeScript.md
@@ -20 +20,2 @@ Jest doesn't come with builtin support for CoffeeScript but can easily be config
-    "testFileExtensions": ["coffee", "litcoffee", "coffee.md", "js"]
+    "testFileExtensions": ["coffee", "litcoffee", "coffee.md", "js"],
+    "moduleFileExtensions": ["coffee", "litcoffee", "coffee.md", "js"]
`;
  const rules = intentRulesFor(patch, ['docs/TutorialCoffeeScript.md']);
  test('its own body passes', () => {
    const body =
      'Jest didn\'t work for my coffeescript project as written. Through some debugging I found `"moduleFileExtensions"`, which fixed my problem and allowed my coffee files to be tested.';
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('a quoted name the change lacks still says little', () => {
    expect(
      validateAnswer(
        'Jest didn\'t work for my project as written. Through some debugging I found `"haste"`, which fixed my problem and allowed my files to be found.',
        rules,
      ),
    ).toMatch(/says little|connects to nothing/);
  });
});

describe('an answer fenced whole is judged as written', () => {
  const rules = intentRulesFor(NETLIFY_NODE_16, ['netlify.toml']);
  const foreign = '`useQuery` ignored `staleTime` after `invalidateQueries`, so the netlify build now pins NODE_VERSION to 16.';
  test('another project`s names inside a fence, alone or behind a word, are still refused by name', () => {
    expect(validateAnswer(foreign, rules)).toMatch(/useQuery` is not in this repository/);
    expect(validateAnswer('```\n' + foreign + '\n```', rules)).toMatch(/useQuery` is not in this repository/);
    expect(validateAnswer('Fix:\n\n```\n' + foreign + '\n```', rules)).toMatch(/useQuery` is not in this repository/);
  });
});
