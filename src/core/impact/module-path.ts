// Which files the import graph reads: JS/TS sources and Vue, Svelte and Astro components (their
// scripts: component-script.ts), never anything under node_modules.
// (By the last dot and a substring, not a pattern: a review asks this of every file of the
// index, two or three times.)

const EXTENSIONS = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte', 'astro']);

export const isUnderNodeModules = (path: string): boolean => path.startsWith('node_modules/') || path.includes('/node_modules/');

export const isModulePath = (path: string): boolean => {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && dot > path.lastIndexOf('/') && EXTENSIONS.has(path.slice(dot + 1)) && !isUnderNodeModules(path);
};
