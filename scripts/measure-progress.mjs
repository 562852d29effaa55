// Bundles scripts/measure-progress.ts for Node and runs it (needs dist/: npm run build first).
import { runBundled } from './run-bundled.mjs';

await runBundled('scripts/measure-progress.ts', 'measure-progress.js');
