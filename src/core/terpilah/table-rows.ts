/**
 * Rows of a data-terpilah table from counts per category and sex (index × 3 + sex: 0 L, 1 P,
 * 2 unknown). %L and %P are shares of the row total (unknown sex included in the denominator),
 * one decimal; rasio = L ÷ P × 100, one decimal, null when P is 0.
 */
import { UNKNOWN } from './categories';
import type { TableRow } from './model';

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function tableRow(category: string, L: number, P: number, unknown: number): TableRow {
  const total = L + P + unknown;
  return {
    category,
    L,
    P,
    unknown,
    total,
    percentL: total > 0 ? round1((L * 100) / total) : null,
    percentP: total > 0 ? round1((P * 100) / total) : null,
    sexRatio: P > 0 ? round1((L * 100) / P) : null,
  };
}

/** Scratch counters for the open-ended dimensions, reset after each summary (touched list). */
export class Sparse {
  readonly counts: Int32Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.counts = new Int32Array(Math.max(1, size) * 3);
  }
  add(index: number, sex: number): void {
    const base = index * 3;
    if (this.counts[base] === 0 && this.counts[base + 1] === 0 && this.counts[base + 2] === 0)
      this.touched.push(index);
    this.counts[base + sex]++;
  }
  row(index: number, label: string): TableRow {
    const b = index * 3;
    return tableRow(label, this.counts[b], this.counts[b + 1], this.counts[b + 2]);
  }
  reset(): void {
    for (const index of this.touched) this.counts.fill(0, index * 3, index * 3 + 3);
    this.touched.length = 0;
  }
}

export function fixedRows(counts: Int32Array, labels: readonly string[]): TableRow[] {
  const rows = labels.map((label, i) => tableRow(label, counts[i * 3], counts[i * 3 + 1], counts[i * 3 + 2]));
  const u = labels.length * 3;
  rows.push(tableRow(UNKNOWN, counts[u], counts[u + 1], counts[u + 2]));
  return rows;
}

export const byTotalDesc = (a: { row: TableRow; index: number }, b: { row: TableRow; index: number }) =>
  b.row.total - a.row.total || a.index - b.index;

export function sumRows(rows: TableRow[]): TableRow {
  let L = 0;
  let P = 0;
  let unknown = 0;
  for (const row of rows) {
    L += row.L;
    P += row.P;
    unknown += row.unknown;
  }
  return tableRow('Jumlah', L, P, unknown);
}
