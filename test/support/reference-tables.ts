/**
 * The data terpilah tables compared across implementations whose labels differ (the core's
 * "15-19" and "Tidak diketahui", a reference's 15 and 'unknown'): per table ("activity|dimension",
 * activity * for all activities' tables), its rows' L/P/unknown counts, sorted.
 */
import type { TableCell } from '../../bench/cli/table-cell';

/** The tables of summaries as the core and the CLI's --json give them (empty rows left out). */
export function summaryTables(
  summaries: readonly {
    activity: string | null;
    tables: readonly {
      dimension: string;
      rows: readonly { L: number; P: number; unknown: number; total: number }[];
    }[];
  }[],
): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const s of summaries)
    for (const t of s.tables) {
      if (t.dimension === 'activity' && s.activity !== null) continue;
      const rows = t.rows.filter((r) => r.total > 0).map((r) => `${r.L}/${r.P}/${r.unknown}`);
      tables.set(`${s.activity ?? '*'}|${t.dimension}`, rows.sort());
    }
  return tables;
}

/** The same tables from a reference's cells. */
export function cellTables(cells: readonly TableCell[]): Map<string, string[]> {
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
}

/** Both have the same tables, each with the same counts (a failure names the table). */
export function expectSameTables(ours: Map<string, string[]>, theirs: Map<string, string[]>): void {
  expect([...theirs.keys()].sort()).toEqual([...ours.keys()].sort());
  for (const [key, rows] of ours) expect({ key, rows: theirs.get(key) }).toEqual({ key, rows });
}
