import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// ReactiveX/rxjs c93aa60e through the real CLI (`--answers`): QueueAction's `requestAsyncId`
// returns a `TimerHandle`, 0 where it returned nothing. The squashed step calls it
// `requestActionId`, a name found nowhere: one word off a name on the change's lines, it is this
// change's name misremembered; another project's name stays refused by name.

const BEFORE = `import { AsyncAction } from './AsyncAction.js';

export class QueueAction<T> extends AsyncAction<T> {
  protected requestAsyncId(scheduler: unknown, id?: unknown, delay = 0): any {
    if (delay > 0) return super.requestAsyncId(scheduler, id, delay);
    (scheduler as { flush(action: unknown): void }).flush(this);
  }
}
`;
const AFTER = `import { AsyncAction } from './AsyncAction.js';
import type { TimerHandle } from './timerHandle.js';

export class QueueAction<T> extends AsyncAction<T> {
  protected requestAsyncId(scheduler: unknown, id?: TimerHandle, delay = 0): TimerHandle {
    if (delay > 0) return super.requestAsyncId(scheduler, id, delay);
    (scheduler as { flush(action: unknown): void }).flush(this);
    return 0;
  }
}
`;
const ASYNC = `export class AsyncAction<T> {
  protected requestAsyncId(_scheduler: unknown, _id?: unknown, _delay = 0): any {
    return setInterval(() => undefined, 10);
  }
}
`;

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{"name":"streams","type":"module"}',
    'src/scheduler/AsyncAction.ts': ASYNC,
    'src/scheduler/timerHandle.ts': 'export type TimerHandle = number | ReturnType<typeof setTimeout>;\n',
    'src/scheduler/QueueAction.ts': BEFORE,
  });
  repo.stage({ 'src/scheduler/QueueAction.ts': AFTER });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

function review(intent: string) {
  return reviewWithAnswers(repo, questions, (id) =>
    id === 'intent'
      ? intent
      : id === 'verification'
        ? 'Scheduled a queue action with no delay and checked that requestAsyncId returned 0 and flushed it.'
        : `\`requestAsyncId\` returns a \`TimerHandle\` now, 0 after the flush, for ${id}.`,
  );
}

describe('a name of the change misremembered by one word (rxjs c93aa60e)', () => {
  // Refusals first: a recorded review ends the questions for this staged content.
  test('another project`s name is refused by name', () => {
    const { code, output } = review('`useSuspenseInfiniteQuery` now returns 0 after the queue action flushes, as a compromise.');
    expect(code).toBe(1);
    expect(output).toMatch(/useSuspenseInfiniteQuery` is not in this repository/);
  });
  test('its own step is recorded', () => {
    const { code, output } = review(
      'refactor(QueueAction): Have requestActionId return 0\n\nChanges this to return `0` as a compromise given it was returning `void` in the past.',
    );
    expect(output).not.toMatch(/not in this repository/);
    expect(code).toBe(0);
  });
});
