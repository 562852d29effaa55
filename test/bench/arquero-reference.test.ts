/**
 * The benchmark's arquero reference (bench/cli/arquero-terpilah.ts) computes the core's tables:
 * on a generated register, normaliseRows + summariseAll (what the benchmark times for ours) and
 * arquero give the same counts in every table, over all activities and per activity. The
 * "core vs arquero" ratio is then a ratio of the same work's times. arquero ships as ES modules
 * only, which jest's module system does not load: the reference is bundled to CommonJS with
 * esbuild first, as `npm run bench:cli` bundles it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildSync } from 'esbuild';
import type { arqueroCells as ArqueroCells } from '../../bench/cli/arquero-terpilah';
import { writeRegister } from '../../bench/cli/generate';
import { CSV_OPTIONS } from '../../src/cli/read-file';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { summariseAll } from '../../src/core/terpilah/summaries';
import { cellTables, expectSameTables, summaryTables } from '../support/reference-tables';

test('arquero computes the same tables as the core, on 20,000 generated rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-arquero-'));
  try {
    const bundle = join(dir, 'arquero-terpilah.js');
    buildSync({
      entryPoints: [join(__dirname, '../../bench/cli/arquero-terpilah.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      logLevel: 'warning',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { arqueroCells } = require(bundle) as { arqueroCells: typeof ArqueroCells };
    const path = join(dir, 'register.csv');
    await writeRegister(path, 20_000, 12);
    const [header, ...data] = parse(readFileSync(path, 'utf8'), {
      delimiter: ';',
      ...CSV_OPTIONS,
    }) as string[][];
    const { mapping } = matchHeaders(header);
    const { participants, quality } = normaliseRows(data, mapping, {
      firstRow: 2,
      referenceDate: '2024-06-01',
    });
    const ours = summaryTables(summariseAll(participants, quality));
    expect(ours.size).toBeGreaterThan(400 * 6);
    expectSameTables(ours, cellTables(arqueroCells(data, mapping as Record<string, number>, 2024)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
