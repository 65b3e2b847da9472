// xstate e913eebb65's change to `resolveHistoryDefaultTransition` (packages/core/src/stateUtils.ts,
// cut to the function): a new branch for a history state whose parent is parallel. The questions
// name the branch; the quiz must not offer the line they quote.

export const HISTORY_PATH = 'packages/core/src/stateUtils.ts';

export const HISTORY_BEFORE = `function resolveHistoryDefaultTransition<
  TContext extends MachineContext,
  TEvent extends EventObject
>(stateNode: AnyStateNode & { type: 'history' }) {
  const normalizedTarget = normalizeTarget<TContext, TEvent>(
    stateNode.config.target
  );
  if (!normalizedTarget) {
    return stateNode.parent!.initial;
  }
  return {
    target: normalizedTarget.map((t) =>
      typeof t === 'string' ? getStateNodeByPath(stateNode.parent!, t) : t
    )
  };
}
`;

/** Lines 9–11 of the new side. */
export const HISTORY_AFTER = HISTORY_BEFORE.replace(
  '  if (!normalizedTarget) {\n',
  "  if (!normalizedTarget) {\n    if (stateNode.parent!.type === 'parallel') {\n      return { target: [stateNode.parent!] };\n    }\n",
);

export const HISTORY_PATCH = `diff --git a/${HISTORY_PATH} b/${HISTORY_PATH}
--- a/${HISTORY_PATH}
+++ b/${HISTORY_PATH}
@@ -8,0 +9,3 @@ function resolveHistoryDefaultTransition<
+    if (stateNode.parent!.type === 'parallel') {
+      return { target: [stateNode.parent!] };
+    }
`;
