import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// eclipsesource/jsonforms fea2b3a6c1 ("Adds 'config' to the layout mapper"): the object
// `mapStateToLayoutProps` returns now passes on its local `config`. The local and the shorthand key
// share a name, and the question read "(`getConfig(state)` → `getConfig(state) config`)".

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const renderer = (returned: string) => `import { getConfig, getDirection } from './state';

export const mapStateToLayoutProps = (state: object, ownProps: { path: string; direction?: string }) => {
  const config = getConfig(state);
  const enabled = config.readonly !== true;
  return {
    enabled,
    path: ownProps.path,
    direction: ownProps.direction ?? getDirection(state)${returned}
  };
};
`;
const state = `export const getConfig = (state: object) => ({ readonly: Object.keys(state).length === 0 });
export const getDirection = (state: object) => (Object.keys(state).length > 0 ? 'row' : 'column');
`;
const layout = `import { mapStateToLayoutProps } from './renderer';

export const layoutProps = (state: object) => mapStateToLayoutProps(state, { path: 'root' });
`;

test('a local the returned object now hands on is told as added', () => {
  repo = createTempRepo({ 'src/renderer.ts': renderer(''), 'src/state.ts': state, 'src/layout.ts': layout });
  repo.stage({ 'src/renderer.ts': renderer(',\n    config') });
  expect(messageOf(listQuestions(repo), 'impact:src/renderer.ts#mapStateToLayoutProps')).toMatch(
    /^`mapStateToLayoutProps` in src\/renderer\.ts changed its implementation \(`config` added\); 1 file uses it/,
  );
});
