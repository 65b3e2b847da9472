import { afterEach, expect, test } from '@jest/globals';
import { coldAndWarm } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// growthbook/growthbook c72aa5e9b5 gives the SDK's private `ScopedChannel` type a `key`. `onHidden()`,
// exported, returns nothing and reads the module's `streams: Map<string, ScopedChannel>`: it was
// "changed its signature (type changed through `ScopedChannel` (`key` added))", public API changed,
// and asked why its users keep working. A type reached through other code of the file types that
// code, not the export; one the export's own signature or a type it is built of names still counts.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const repository = (channel: string, extra = '') => `type ScopedChannel = {
  src: EventSource | null;
${channel}  state: "active" | "idle" | "disabled";
};

const streams: Map<string, ScopedChannel> = new Map();

function disableChannel(channel: ScopedChannel) {
  channel.state = "disabled";
  channel.src?.close();
}

export function onHidden() {
  streams.forEach((channel) => {
    if (!channel) return;
    channel.state = "idle";
    disableChannel(channel);
  });
}

export function channelOf(key: string): ScopedChannel | undefined {
  return streams.get(key);
}
${extra}`;

test('a private type read through a variable of the file is no change of the export that reads the variable', () => {
  repo = createTempRepo({
    'src/feature-repository.ts': repository(''),
    'src/GrowthBook.ts':
      'import { onHidden, channelOf } from "./feature-repository";\n\nexport const hide = () => onHidden();\nexport const of = (k: string) => channelOf(k);\n',
  });
  repo.stage({ 'src/feature-repository.ts': repository('  key: string;\n') });
  const impact = coldAndWarm(repo);
  // `channelOf` names the type in its signature: its type changed; `onHidden` did not change.
  expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via])).toEqual([['channelOf', 'shape-changed', 'ScopedChannel']]);
});
