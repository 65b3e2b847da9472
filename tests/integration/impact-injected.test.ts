import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// A decorated class's constructor parameters are injected (issue 23, amplication's
// `constructor(private readonly privatePluginService: PrivatePluginService)`, then
// `this.privatePluginService.availablePrivatePluginsForResource(…)`): the framework instantiates
// the type (`design:paramtypes` under emitDecoratorMetadata, Angular's compiler without it), and
// the class's calls run the changed body. Those files use it as a value, and what uses them is
// reached at runtime; an undecorated class's parameter, an array or a union of the type stay types.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('injected constructor parameters', () => {
  test.each([
    ['with emitDecoratorMetadata', true],
    ['without it (Angular injects by the compiler)', false],
  ])('a decorated class injected with the changed class uses it as a value, %s', (_name, hasMetadata) => {
    repo = createScenarioRepo('impact', 'injected-constructor');
    if (!hasMetadata) repo.stage({ 'tsconfig.json': '{ "compilerOptions": { "experimentalDecorators": true } }\n' });
    const impact = coldAndWarm(repo);
    const service = symbol(impact, 'PluginService');
    expect(service.change).toBe('body-changed');
    // build.service.ts by a class decorator, token.consumer.ts by a parameter's (`plugins.PluginService`),
    // signal.store.ts by `inject(PluginService)`, a call.
    expect(uses(service.valueUsers)).toEqual(['src/build.service.ts:6', 'src/signal.store.ts:6', 'src/token.consumer.ts:5']);
    expect(uses(service.typeUsers)).toEqual(['src/many.ts:7', 'src/plain.ts:5']);
    // The controller injected with BuildService runs the change through it.
    const controller = service.dependents.find((d) => d.path === 'src/build.controller.ts');
    expect(controller).toMatchObject({ depth: 2, isTypeOnly: false });
    // A decorated method's parameter (`@Post() create(dto: ResourceDto)`, `check(@Body() input:
    // dto.ResourceDto)`) is emitted as `design:paramtypes`: a value; an undecorated method's, or
    // an array of it, a type.
    const dto = symbol(impact, 'ResourceDto');
    expect(uses(dto.valueUsers)).toEqual(['src/resource.controller.ts:9', 'src/resource.pipe.ts:5']);
    expect(uses(dto.typeUsers)).toEqual(['src/resource.helper.ts:7']);
  });
});
