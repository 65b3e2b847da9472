import { describe, expect, test } from '@jest/globals';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { listChangedShapeMembers } from '../../../src/core/impact/shape-members.js';

// The members a reshaped type changed, from the real parser's shapes: only where they are all it
// changed can the risk weigh the change by the files that name them.

const shapeOf = (text: string, name: string) => parseModule('src/types.ts', text).exports.find((e) => e.name === name)!.shape;
const changed = (before: string, after: string, name: string, isClass = false) =>
  listChangedShapeMembers(shapeOf(before, name), shapeOf(after, name), isClass);

describe('listChangedShapeMembers', () => {
  test('a method whose parameters changed, among members with nested bodies, is named alone', () => {
    const before = `export interface Host {\n  options: { strict: boolean; base: string };\n  resolve(name: string, lookup?: boolean): string;\n}\n`;
    const after = before.replace('lookup?: boolean', 'conditions?: string[] | boolean, lookup?: boolean');
    expect(changed(before, after, 'Host')).toEqual(['resolve']);
  });

  test('a member removed and an optional one added: the removed one; written without semicolons too', () => {
    const before = `export interface Options {\n  busy?: boolean\n  name: string\n}\n`;
    const after = `export interface Options {\n  name: string\n  hidden?: boolean\n}\n`;
    expect(changed(before, after, 'Options')).toEqual(['busy']);
  });

  test('a required member added (every producer must supply it), a new head or an index signature: not members alone', () => {
    const before = `export interface Host {\n  name: string;\n}\n`;
    expect(changed(before, before.replace('name: string;', 'name: string;\n  base: string;'), 'Host')).toBeNull();
    expect(changed(before, before.replace('Host {', 'Host extends Base {').replace('name: string;', 'name: number;'), 'Host')).toBeNull();
    expect(changed(before, before.replace('name: string;', 'name: string;\n  [key: string]: string;'), 'Host')).toBeNull();
  });

  test('a class: a method added beside a changed one burdens no producer', () => {
    const before = `export class Store {\n  get(key: string): string {\n    return key;\n  }\n}\n`;
    const after = `export class Store {\n  get(key: string, fallback?: string): string {\n    return key ?? fallback;\n  }\n  clear(): void {}\n}\n`;
    expect(changed(before, after, 'Store', true)).toEqual(['get']);
  });
});
