/**
 * The sentence under each data-terpilah table: the share of women and men, and the largest
 * category (or the number of persons with disabilities), in plain Indonesian.
 */
import { formatDecimalId, formatNumberId } from '../format';
import { UNKNOWN } from './categories';
import type { Dimension, TableRow } from './model';

function sexSentence(total: TableRow): string {
  if (total.total === 0) return 'Belum ada peserta.';
  const unknown =
    total.unknown > 0 ? `; ${formatNumberId(total.unknown)} orang tidak diketahui jenis kelaminnya` : '';
  return (
    `Perempuan ${formatDecimalId(total.percentP ?? 0)}% dari ${formatNumberId(total.total)} peserta; ` +
    `laki-laki ${formatDecimalId(total.percentL ?? 0)}%${unknown}.`
  );
}

export function narrative(dimension: Dimension, rows: TableRow[], total: TableRow): string {
  const base = sexSentence(total);
  if (total.total === 0) return base;
  if (dimension === 'disability') {
    const d = rows[0];
    return d.total > 0
      ? `${base} Penyandang disabilitas ${formatNumberId(d.total)} orang (perempuan ${formatDecimalId(d.percentP ?? 0)}%).`
      : `${base} Tidak ada penyandang disabilitas tercatat.`;
  }
  let top: TableRow | null = null;
  for (const row of rows)
    if (row.category !== UNKNOWN && row.total > 0 && (!top || row.total > top.total)) top = row;
  return top
    ? `${base} Terbanyak ${top.category}: ${formatNumberId(top.total)} orang (perempuan ${formatDecimalId(top.percentP ?? 0)}%).`
    : base;
}
