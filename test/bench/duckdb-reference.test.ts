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
import { duckdbFigures, type DuckdbCell } from '../../bench/cli/duckdb-terpilah';
import { writeRegister } from '../../bench/cli/generate';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const DATE = '2024-06-01';
const ROWS = 20_000;

interface CliRow {
  L: number;
  P: number;
  unknown: number;
  total: number;
}
interface CliSummary {
  activity: string | null;
  tables: { dimension: string; rows: CliRow[] }[];
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

/** Per "activity|dimension" (activity * for all), its rows' L/P/unknown counts, sorted (labels differ). */
const cliTables = (summaries: CliSummary[]) => {
  const tables = new Map<string, string[]>();
  for (const s of summaries)
    for (const t of s.tables) {
      if (t.dimension === 'activity' && s.activity !== null) continue;
      const rows = t.rows.filter((r) => r.total > 0).map((r) => `${r.L}/${r.P}/${r.unknown}`);
      tables.set(`${s.activity ?? '*'}|${t.dimension}`, rows.sort());
    }
  return tables;
};

const duckTables = (cells: DuckdbCell[]) => {
  const byTable = new Map<string, Map<string, number[]>>();
  for (const c of cells) {
    const key = `${c.activity ?? '*'}|${c.dimension}`;
    const table = byTable.get(key) ?? new Map<string, number[]>();
    byTable.set(key, table);
    const counts = table.get(c.category) ?? [0, 0, 0];
    table.set(c.category, counts);
    counts[c.sex === 'L' ? 0 : c.sex === 'P' ? 1 : 2] += c.n;
  }
  const tables = new Map<string, string[]>();
  for (const [key, table] of byTable)
    tables.set(key, [...table.values()].map(([l, p, u]) => `${l}/${p}/${u}`).sort());
  return tables;
};

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
    const ours = cliTables(summaries);
    const theirs = duckTables(duck.cells);
    expect(ours.size).toBeGreaterThan(400 * 6);
    expect([...theirs.keys()].sort()).toEqual([...ours.keys()].sort());
    for (const [key, rows] of ours) expect({ key, rows: theirs.get(key) }).toEqual({ key, rows });

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
