import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Where the saved import graph lives (graph-cache.ts), apart so that the review can ask whether
// there is one before it loads the blast radius's modules.

export const graphCachePath = (commonDir: string): string => join(commonDir, 'selfreview', 'cache', 'graph.json');

/** Whether a graph was saved (its content is checked only when read). */
export const hasSavedGraph = (commonDir: string): boolean => existsSync(graphCachePath(commonDir));
