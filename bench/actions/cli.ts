/**
 * The CLI (`sop-terpilah ringkas <file.csv> --json`) on a CSV register of 100 and 100,000
 * participants: time only (no Apps Script execution, so no calls and no estimate). A thin entry
 * running the built CLI (build/cli/sop-terpilah.js, as a person runs it: Node's start included),
 * so that it follows the CLI whatever it becomes inside.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorkbookState } from '../../src/workbench/model';
import { DIST } from '../dist';
import { participantRow } from '../seed/participants';
import type { BenchAction, BenchSize } from '../types';

const SIZES = [100, 100_000] as const;
const HEADER = [
  'Kegiatan',
  'Nama Lengkap',
  'NIK',
  'L/P',
  'Umur',
  'Peran',
  'Instansi/OPD',
  'Asal Kabupaten/Kota',
  'Disabilitas',
];
const files = new Map<number, string>();
const CLI = join(DIST, '..', 'build', 'cli', 'sop-terpilah.js');

/** A CSV (";"-separated, as Indonesian Excel writes it) of `count` participants, written once. */
function csvFile(count: number): string {
  const cached = files.get(count);
  if (cached) return cached;
  const lines = [HEADER.join(';')];
  for (let i = 1; i <= count; i++) {
    const p = participantRow(i);
    lines.push([p[0], p[1], p[2], p[4], p[6], p[7], p[8], p[10], p[11]].join(';'));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), `peserta-${count}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  files.set(count, file);
  return file;
}

const sizes = SIZES.map((count) => ({
  label: `CSV ${count.toLocaleString('id-ID')} peserta`,
  size: { participants: count },
  state: () => newWorkbookState('Bench'),
})) as unknown as [BenchSize, BenchSize];

export const cliActions: BenchAction[] = [
  {
    name: 'CLI ringkas (CSV → tabel JSON)',
    key: 'cli',
    sizes,
    run: (_wb, size) => {
      if (!existsSync(CLI)) throw new Error(`cli: ${CLI} is missing (npm run build)`);
      const out = execFileSync(
        process.execPath,
        [CLI, 'ringkas', csvFile(SIZES[size]), '--json', '--tanggal', '2026-12-01'],
        { maxBuffer: 256 * 2 ** 20 },
      );
      if (out.length === 0) throw new Error('cli: no output');
      return { calls: 0, cellsRead: 0, cellsWritten: 0, estimatedSeconds: null };
    },
  },
];
