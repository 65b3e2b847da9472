import { expect, test } from '@jest/globals';
import { listMembers } from '../../../src/adapters/typescript/list-members.js';
import { describeMemberChanges, diffMembers } from '../../../src/core/questionnaire/changed-members.js';

// radix-ui/primitives a06624085 moves `if (!disabled)` out of SelectItem's `handleSelect` into its
// `onClick` and `onPointerUp` handlers. The file exports it as `export { SelectItem as Item }`, and
// the question on `Item` said only "changed its implementation". The source is the commit's, cut
// down to the component.

const component = (handleSelect: string, guard: string) => `const SelectItem = React.forwardRef((props, forwardedRef) => {
  const { value, disabled = false, ...itemProps } = props;
  const context = useSelectContext(ITEM_NAME, props.__scopeSelect);
  const pointerTypeRef = React.useRef('touch');

  const handleSelect = () => {
${handleSelect}
  };

  return (
    <Primitive.div
      {...itemProps}
      onClick={composeEventHandlers(itemProps.onClick, () => {${guard}
        if (pointerTypeRef.current !== 'mouse') handleSelect();
      })}
      onPointerUp={composeEventHandlers(itemProps.onPointerUp, () => {${guard}
        if (pointerTypeRef.current === 'mouse') handleSelect();
      })}
    />
  );
});

const Root = Select;
const Option = SelectItem;
export { Select, SelectItem, Root, SelectItem as Item };
`;
const BEFORE = component('    if (!disabled) {\n      context.onValueChange(value);\n      context.onOpenChange(false);\n    }', '');
const AFTER = component(
  '    context.onValueChange(value);\n    context.onOpenChange(false);',
  '\n        if (disabled) {\n          return;\n        }\n',
);

test("an export named apart from its declaration is said by that declaration's pieces", () => {
  const every = [[1, Number.MAX_SAFE_INTEGER]] as const;
  const sides = listMembers('packages/react/select/src/select.tsx', {
    oldText: BEFORE,
    newText: AFTER,
    oldRanges: every,
    newRanges: every,
  });
  const changes = diffMembers(sides.old, sides.new);
  const said = describeMemberChanges(changes.get('SelectItem'));
  expect(said).toBe(
    '`handleSelect`, `<Primitive.div onClick>` and `<Primitive.div onPointerUp>` changed, 2 new branches `if (disabled)`, the branch `if (!disabled)` removed',
  );
  expect(describeMemberChanges(changes.get('Item'))).toBe(said);
  expect(describeMemberChanges(changes.get('Option'))).toBe(said);
  // `const Root = Select` names a declaration the change leaves alone: nothing to say.
  expect(changes.get('Root')).toBeUndefined();
});
