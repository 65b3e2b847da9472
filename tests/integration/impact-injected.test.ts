import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

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

// docmost 9aaa6c731c (held out, round 47) added a decorated field to `EnvironmentVariables`; its
// file's `validate` hands the class to `plainToInstance`, which builds it by those fields, and
// `validateSync` reads their decorators: `validate` and its users were missed, the class read as
// only passed along (mobx's `createInstanceofPredicate("ObservableMap", ObservableMap)`, which an
// undecorated class stays).
describe('a decorated class handed to a function', () => {
  test('carries a change of the class to the function that hands it on; an undecorated class does not', () => {
    const ENV = (fields: string) =>
      `import { IsOptional, IsString, plainToInstance } from './validator';\n\nexport class EnvironmentVariables {\n  @IsString()\n  APP_URL: string;\n${fields}}\n\nexport class Plain {\n  url(): string {\n    return 'a';\n  }\n${fields.replace(/ {2}@\w+\(\)\n/g, '')}}\n\nexport function validate(config: Record<string, unknown>) {\n  return plainToInstance(EnvironmentVariables, config);\n}\n\nexport function check(config: Record<string, unknown>) {\n  return plainToInstance(Plain, config);\n}\n`;
    repo = createTempRepo({
      'src/validator.ts':
        'export const IsString = (): PropertyDecorator => () => undefined;\nexport const IsOptional = (): PropertyDecorator => () => undefined;\nexport const plainToInstance = <T>(cls: new () => T, plain: unknown): T => Object.assign(new cls(), plain);\n',
      'src/env.ts': ENV(''),
      'src/module.ts': "import { check, validate } from './env';\n\nexport const load = () => [validate({}), check({})];\n",
    });
    repo.stage({ 'src/env.ts': ENV('  @IsOptional()\n  @IsString()\n  AI_MRL: string;\n') });
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via]).sort()).toEqual([
      ['EnvironmentVariables', 'shape-changed', undefined],
      ['Plain', 'shape-changed', undefined],
      ['validate', 'body-changed', 'EnvironmentVariables'],
    ]);
    expect(uses(symbol(impact, 'validate').valueUsers)).toEqual(['src/module.ts:3']);
  });
});
