/**
 * The benchmark's DuckDB reference (bench/cli/duckdb-terpilah.ts) does the CLI's work: on a
 * generated register with duplicates added, its tables hold the same counts as the CLI's (every
 * dimension, all activities and each one) and it flags the same rows as duplicates, each
 * repeating the same row. Without this, "DuckDB computing the same tables" would be a claim:
 * before this test its ages were year differences, not ages (755 of 2,407 tables differed).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbFigures } from '../../bench/cli/duckdb-terpilah';
import { writeRegister } from '../../bench/cli/generate';
import { cellTables, expectSameTables, summaryTables } from '../support/reference-tables';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const DATE = '2024-06-01';
const ROWS = 20_000;

interface CliSummary {
  activity: string | null;
  tables: { dimension: string; rows: { L: number; P: number; unknown: number; total: number }[] }[];
  quality: { type: string; count: number; shown: { row: number; message: string }[] }[];
}

let dir: string;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-duckdb-'));
  path = join(dir, 'register.csv');
  await writeRegister(path, ROWS);
  // Duplicates as staff make them: a row typed twice; again without its NIK (a likely duplicate
  // by name); the same name and institution with another NIK (two people: not flagged); a NIK
  // typed for someone else in another activity.
  const lines = readFileSync(path, 'utf8').split('\n').slice(1, 400);
  const withNik = lines.filter((l) => /^\d+;[^;]*;[^;]*;[^;]*;\d{16};/.test(l)).slice(0, 30);
  const added = [
    ...withNik.slice(0, 10),
    ...withNik.slice(10, 20).map((l) => l.replace(/;\d{16};/, ';;')),
    ...withNik
      .slice(20, 25)
      .map((l) =>
        l.replace(
          /;(\d{15})(\d);/,
          (_m, head: string, last: string) => `;${head}${(Number(last) + 1) % 10};`,
        ),
      ),
    ...withNik.slice(25, 30).map((l) => l.replace(/;Kegiatan \d+;[^;]*;/, ';Kegiatan 9999;Orang Lain;')),
  ];
  appendFileSync(path, added.map((l) => l + '\n').join(''));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(env: Record<string, string>): CliSummary[] {
  const run = spawnSync(process.execPath, [CLI, 'ringkas', path, '--tanggal', DATE, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { summaries: CliSummary[] }).summaries;
}

/** Per activity and type, how many rows the CLI flagged and the first ones (row ← row repeated). */
const cliFlags = (summaries: CliSummary[]) =>
  summaries
    .filter((s) => s.activity !== null)
    .flatMap((s) =>
      s.quality
        .filter((q) => q.type.startsWith('duplicate'))
        .map((q) => ({
          key: `${s.activity}|${q.type}`,
          count: q.count,
          shown: q.shown.map((f) => `${f.row}<-${/sama dengan baris (\d+)/.exec(f.message)?.[1]}`),
        })),
    )
    .sort((a, b) => a.key.localeCompare(b.key));

describe('the DuckDB reference does the work the CLI does', () => {
  let duck: Awaited<ReturnType<typeof duckdbFigures>>;
  beforeAll(async () => {
    duck = await duckdbFigures(path, DATE);
  });

  test.each([
    ['one thread', { SOP_TERPILAH_THREADS: '1' }],
    ['two byte ranges', { SOP_TERPILAH_RANGES: '2' }],
  ])('the same tables and the same duplicates as the CLI (%s)', (_name, env) => {
    const summaries = cli(env);
    const ours = summaryTables(summaries);
    expect(ours.size).toBeGreaterThan(400 * 6);
    expectSameTables(ours, cellTables(duck.cells));

    // DuckDB's rows count from the first data row; the CLI's are the sheet's (the header is row 1).
    const groups = new Map<string, { key: string; count: number; shown: string[] }>();
    for (const f of duck.flags) {
      const key = `${f.activity}|${f.code}`;
      const group = groups.get(key) ?? { key, count: 0, shown: [] };
      groups.set(key, group);
      group.count++;
      group.shown.push(`${f.row + 1}<-${f.first + 1}`);
    }
    const expected = cliFlags(summaries);
    // The register has both kinds, and pairs that are two people (flagged by neither).
    expect(expected.map((g) => g.key.split('|')[1])).toEqual(
      expect.arrayContaining(['duplicateNik', 'duplicateNameInstitution']),
    );
    const flagged = expected.reduce((n, g) => n + g.count, 0);
    expect(flagged).toBeGreaterThanOrEqual(20);
    expect(
      [...groups.values()]
        .map((g) => ({ ...g, shown: g.shown.slice(0, expected.find((e) => e.key === g.key)?.shown.length) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual(expected);
  });
});
