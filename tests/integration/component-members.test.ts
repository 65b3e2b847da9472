import { afterEach, describe, expect, test } from '@jest/globals';
import { listMembers } from '../../src/adapters/typescript/list-members.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';
import { describeChangeSite, diffMembers } from '../../src/core/questionnaire/changed-members.js';
import { listNamesOfOneSide } from '../../src/core/questionnaire/printed-names.js';

// React components as drei writes them (pmndrs/drei 7d901b5c, 4e48be0f, 4ae523a5, cut to what
// changed): a component wrapped in `forwardRef`, the locals it destructures, the attributes of
// the JSX it renders and a props type given to a generic are pieces a question can name, where
// it said only "changed its implementation" / "changed its signature".

const ALL: readonly (readonly [number, number])[] = [[1, Number.MAX_SAFE_INTEGER]];
const through = (path: string, owner: string, oldText: string, newText: string) => {
  const sides = listMembers(path, { oldText, newText, oldRanges: ALL, newRanges: ALL });
  return describeChangeSite(new Map([[path, diffMembers(sides.old, sides.new)]]), path, 'User', owner).through;
};

const REFLECTOR = (deps: string, locals: string, size: string) => `import * as React from 'react'
export const MeshReflectorMaterial = /* @__PURE__ */ React.forwardRef<Impl, Props>(
  ({ blur = [0, 0], resolution = 256, ...props }, ref) => {
    blur = Array.isArray(blur) ? blur : [blur, blur]
    const hasBlur = blur[0] + blur[1] > 0${locals}
    const materialRef = React.useRef<Impl>(null!)
    const [fbo1, fbo2, blurpass] = React.useMemo(() => {
      const fbo1 = new WebGLRenderTarget(resolution, resolution)
      const fbo2 = new WebGLRenderTarget(resolution, resolution)
      const blurpass = new BlurPass({ resolution, ${size} })
      return [fbo1, fbo2, blurpass]
    }, [${deps}, resolution])
    return <meshReflectorMaterial ref={materialRef} hasBlur={hasBlur} {...props} />
  }
)
`;

const ARROW = (order: string) => `import * as React from 'react'
import { context } from './context'
export const AxisArrow: React.FC<{ axis: 0 | 1 | 2 }> = ({ axis }) => {
  const { opacity, renderOrder, onDrag } = React.useContext(context)
  return (
    <group onPointerMove={onDrag}>
      <mesh raycast={() => null} position={[0, axis, 0]}${order}>
        <meshBasicMaterial transparent opacity={opacity} />
      </mesh>
    </group>
  )
}
`;

describe('the pieces of a changed component', () => {
  test('a component wrapped in forwardRef: the destructured values its memo makes changed with the memo', () => {
    const before = REFLECTOR('blur', '', 'width: blur[0], height: blur[1]');
    const after = REFLECTOR('blurX, blurY', '\n    const blurX = blur[0]\n    const blurY = blur[1]', 'width: blurX, height: blurY');
    // The locals it gains (`blurX`) are how it is written: not named. What the memo gives is.
    expect(through('src/core/MeshReflectorMaterial.tsx', 'MeshReflectorMaterial', before, after)).toBe(
      '`MeshReflectorMaterial` (`fbo1`, `fbo2` and `blurpass` changed)',
    );
    // One element gained by a destructuring is no change of the others beside it: a local, named
    // only because nothing else changed (motion 32c2d7157).
    const more = before.replace('const [fbo1, fbo2, blurpass]', 'const [fbo1, fbo2, blurpass, extra]');
    expect(more).not.toBe(before);
    expect(through('src/core/MeshReflectorMaterial.tsx', 'MeshReflectorMaterial', before, more)).toBe(
      '`MeshReflectorMaterial` (a new local `extra`)',
    );
  });

  test('the attributes of the JSX a component renders, named by their element', () => {
    const path = 'src/web/pivotControls/AxisArrow.tsx';
    expect(through(path, 'AxisArrow', ARROW(' renderOrder={500}'), ARROW(' renderOrder={renderOrder}'))).toBe(
      '`AxisArrow` (`<mesh renderOrder>` changed)',
    );
    const added = through(path, 'AxisArrow', ARROW(''), ARROW(' renderOrder={renderOrder}'));
    expect(added).toBe('`AxisArrow` (`<mesh renderOrder>` added)');
    // Printed as added, its line is on one side: the quiz leaves lines holding `renderOrder` alone.
    expect(listNamesOfOneSide(`${added}, \`_next\` removed`)).toEqual(['renderOrder', '_next']);
    // Another attribute of the same element is not touched by it.
    expect(through(path, 'AxisArrow', ARROW(' renderOrder={500}'), ARROW(' renderOrder={500} scale={2}'))).toBe(
      '`AxisArrow` (`<mesh scale>` added)',
    );
  });

  test('a props type whose literal is given to a generic names the member it gains', () => {
    const props = (member: string) => `import type { CameraControls as Impl } from 'camera-controls'
export type CameraControlsProps = Omit<
  Overwrite<
    ThreeElement<typeof Impl>,
    {${member}
      camera?: PerspectiveCamera
      makeDefault?: boolean
    }
  >,
  'ref'
>
`;
    expect(through('src/core/CameraControls.tsx', 'CameraControlsProps', props(''), props('\n      impl?: typeof Impl'))).toBe(
      '`CameraControlsProps` (`impl` added)',
    );
  });
});

describe("a Vue component's type parameters", () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('the `generic` of its `<script setup>` is a piece of its default export (vue language-tools 9d08c434d)', () => {
    // test-workspace/tsc/#2754: the change drops `generic="Row extends unknown"`, nothing else.
    const child = (tag: string) =>
      `<script lang="ts" setup ${tag}>\ndefineProps({\n    selectAll: {\n        type: Boolean,\n    },\n});\n</script>\n\n<template>\n  <div></div>\n</template>\n`;
    const main = `<script setup lang="ts">\nimport Child from './child.vue';\n</script>\n\n<template>\n  <Child select-all />\n</template>\n`;
    repo = createTempRepo({ 'src/child.vue': child('generic="Row extends unknown"'), 'src/main.vue': main });
    repo.stage({ 'src/child.vue': child('generic') });
    expect(messageOf(listQuestions(repo), 'impact:src/child.vue#Child')).toContain(
      '`Child` (default export) in src/child.vue changed its implementation (`<script setup generic>` changed); 1 file uses it (src/main.vue:6)',
    );
    // A tag without the attribute on either side has no such piece.
    const sides = listMembers('src/main.vue', {
      oldText: main,
      newText: main.replace('<Child', '<Child v-if="true"'),
      oldRanges: ALL,
      newRanges: ALL,
    });
    expect([...sides.old, ...sides.new].filter((r) => r.name.includes('generic'))).toEqual([]);
  });

  test('a `<script setup>` edit that names no piece is told by what it declares and calls anew (agenda 71cd27dbe0)', () => {
    // A dialog gains a keyboard handler: a new function, and calls of two lifecycle hooks.
    const dialog = (script: string) =>
      `<script setup lang="ts">\nconst emit = defineEmits<{ close: [] }>();\nfunction close() {\n  emit('close');\n}\n${script}</script>\n\n<template>\n  <div class="dialog"><button @click="close">Close</button></div>\n</template>\n`;
    const handler = `\nfunction handleKeydown(e: KeyboardEvent) {\n  if (e.key === 'Escape') close();\n}\n\nonMounted(() => {\n  document.addEventListener('keydown', handleKeydown);\n});\n`;
    const main = `<script setup lang="ts">\nimport JobDialog from './JobDialog.vue';\n</script>\n\n<template>\n  <JobDialog />\n</template>\n`;
    repo = createTempRepo({ 'src/JobDialog.vue': dialog(''), 'src/App.vue': main });
    repo.stage({ 'src/JobDialog.vue': dialog(handler) });
    expect(messageOf(listQuestions(repo), 'impact:src/JobDialog.vue#JobDialog')).toContain(
      '`JobDialog` (default export) in src/JobDialog.vue changed its implementation (`handleKeydown` added, now calls `close`, `onMounted` and `addEventListener`); 1 file uses it (src/App.vue:6)',
    );
  });
});
