/**
 * `npm run bench:export`: time and peak memory of the .xlsx export of one 100,000 × 13 sheet
 * (text, numbers, one bold column), the size the workbench export must handle. Prints one line;
 * run under `/usr/bin/time -v` for the kernel's view of the peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { exportXlsx } from '../src/workbench/export/xlsx';
import { newWorkbookState, type Cell } from '../src/workbench/model';

const ROWS = Number(process.argv[2] ?? 100_000);
const COLUMNS = 13;

async function main(): Promise<void> {
  const state = newWorkbookState('big');
  const bold = { fontWeight: 'bold' as const };
  const rows: Cell[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < COLUMNS; c++)
      row.push(c % 2 === 0 ? { value: `p${r}` } : { value: r + c, format: c === 1 ? bold : undefined });
    rows.push(row);
  }
  state.sheets[0].rows = rows;
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const out = await exportXlsx(state);
  const ms = performance.now() - start;
  const peak = process.resourceUsage().maxRSS / 1024; // KiB → MiB
  console.log(
    `${ROWS} × ${COLUMNS}: ${(ms / 1000).toFixed(1)} s, ${(out.length / 1e6).toFixed(1)} MB xlsx, ` +
      `RSS before export ${(before / 2 ** 20).toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`,
  );
}

void main();
