// Bundles bench/index.ts for Node (npm packages stay external) and runs it.
import { runBundled } from './run-bundled.mjs';

await runBundled('bench/index.ts', 'bench.js');
