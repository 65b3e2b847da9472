// Which files the import graph reads: JS/TS sources, never anything under node_modules.

const MODULE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export const isUnderNodeModules = (path: string): boolean => /(?:^|\/)node_modules\//.test(path);

export const isModulePath = (path: string): boolean => MODULE.test(path) && !isUnderNodeModules(path);
