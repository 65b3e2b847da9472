import { expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';

// radix-ui/primitives 0894fb717 (and 67cbe801b across 32 files) turned `const Root = Form;
// export { Root }` into `export { Form as Root }`: the same export, which the review called
// "`Root` changed its signature (`Root` → `Form`)", with 103 dependents at risk.
const form = (body: string) => `const Form = React.forwardRef<FormElement, FormProps>((props, forwardedRef) => {
  const { __scopeForm, onClearServerErrors = () => {}, ...rootProps } = props;
  ${body}
});
const FormField = React.forwardRef<FormFieldElement, FormFieldProps>((props, ref) => <Primitive.div {...props} ref={ref} />);
`;
const aliased = (body: string) => `${form(body)}
const Root = Form;
const Field = FormField;
export { Form, FormField, Root, Field };
`;
const renamed = (body: string) => `${form(body)}
export { Form, FormField, Form as Root, FormField as Field };
`;
const changes = (before: string, after: string) =>
  diffExports('packages/react/form/src/form.tsx', parseModule('form.tsx', before), parseModule('form.tsx', after)).map(
    (c) => `${c.name} ${c.change}`,
  );

test('an export that names another declaration (`const Root = Form`) is that declaration', () => {
  const body = 'return <Primitive.form {...rootProps} ref={forwardedRef} />;';
  expect(changes(aliased(body), renamed(body))).toEqual([]);
  // Through the alias, a change of the declaration is the export's change too.
  const changed = 'return <Primitive.form {...rootProps} ref={forwardedRef} noValidate />;';
  expect(changes(aliased(body), aliased(changed)).sort()).toEqual(['Form body-changed', 'Root body-changed']);
  expect(changes(aliased(body), renamed(changed)).sort()).toEqual(['Form body-changed', 'Root body-changed']);
});
