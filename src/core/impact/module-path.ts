// Which files the import graph reads: JS/TS sources, never anything under node_modules.

const MODULE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export const isModulePath = (path: string): boolean => MODULE.test(path) && !/(?:^|\/)node_modules\//.test(path);
