import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** dist/ (the add-in bundle) from bench/ or bench/actions/ (ts-jest) or from build/ (the bundled bench). */
export const DIST = [
  join(__dirname, '..', 'dist'),
  join(__dirname, '..', '..', 'dist'),
  join(process.cwd(), 'dist'),
].find((dir) => existsSync(join(dir, 'Code.js'))) as string;
