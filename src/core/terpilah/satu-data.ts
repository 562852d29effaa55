/**
 * The Satu Data table: one row per dimension value of every summary, with the Kemendagri area
 * code, the period, the activity, and the counts by sex. Built from the same summaries as the
 * report, so the figures are the report's. Only aggregated counts and category labels go in:
 * never a name, NIK, NIP or any other cell of a participant's row.
 *
 * Kode wilayah: Kemendagri codes of the administrative areas (Permendagri 58/2021 on kode, data
 * wilayah administrasi pemerintahan dan pulau; current list: Kepmendagri No. 300.2.2-2138 Tahun
 * 2025, https://www.inforegulasi.com/2025/11/link-download-kepmendagri-nomor-30022.html). Rows of
 * the kabupaten/kota dimension carry the regency's code (19.01 … 19.71); every other row counts
 * the province's activities and carries the province's code 19. A regency outside the province,
 * or unknown, has no code (blank).
 */
import { parseDate } from '../dates';
import { maskNiksIn } from '../privacy/mask-nik';
import { DIMENSION_LABELS } from './dimension-labels';
import { BABEL_PROVINCE, BABEL_REGENCIES } from './nik';
import type { TerpilahSummary } from './model';

export const PROVINCE_NAME = 'Provinsi Kepulauan Bangka Belitung';
export const ALL_ACTIVITIES = 'Semua kegiatan';

/** Regency name (as the tables write it) → "19.xx". */
export const REGENCY_CODES: Readonly<Record<string, { code: string; name: string }>> = Object.fromEntries(
  Object.entries(BABEL_REGENCIES).map(([code, name]) => [
    name,
    { code: `${BABEL_PROVINCE}.${code}`, name: code.startsWith('7') ? `Kota ${name}` : `Kabupaten ${name}` },
  ]),
);

/** Re-exported: the Satu Data export's readers know the labels by this module. */
export { DIMENSION_LABELS };

export const SATU_DATA_COLUMNS = [
  'Kode wilayah',
  'Nama wilayah',
  'Periode',
  'Kegiatan',
  'Dimensi',
  'Kategori',
  'Laki-laki',
  'Perempuan',
  'Tidak diketahui',
  'Jumlah',
] as const;

export interface SatuDataRow {
  kodeWilayah: string;
  namaWilayah: string;
  periode: string;
  kegiatan: string;
  dimensi: string;
  kategori: string;
  lakiLaki: number;
  perempuan: number;
  tidakDiketahui: number;
  jumlah: number;
}

/** The period of a set of activity dates (ISO or as typed): "2026", "2025–2026"; the fallback year when none. */
export function periodOf(dates: readonly (string | undefined)[], fallbackIso: string): string {
  const years = dates
    .map((d) => /^(\d{4})-\d{2}-\d{2}$/.exec(parseDate(d) ?? '')?.[1])
    .filter((y): y is string => y !== undefined)
    .sort();
  if (years.length === 0) return String(fallbackIso).slice(0, 4);
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? first : `${first}–${last}`;
}

export interface SatuDataOptions {
  /** The period of one activity, or of all (null). */
  periodeOf: (activity: string | null) => string;
}

/** Every summary's rows: its total first, then each table's categories (the total row left out). */
export function satuDataRows(summaries: readonly TerpilahSummary[], options: SatuDataOptions): SatuDataRow[] {
  const rows: SatuDataRow[] = [];
  const list: readonly TerpilahSummary[] = Array.isArray(summaries) ? summaries : [];
  for (const summary of list) {
    // Typed text (activity, institution names): a NIK typed into one is masked.
    const kegiatan = maskNiksIn(summary.activity ?? ALL_ACTIVITIES);
    const periode = options.periodeOf(summary.activity);
    const province = { code: BABEL_PROVINCE, name: PROVINCE_NAME };
    const push = (area: { code: string; name: string }, dimensi: string, kategori: string, counts: Counts) =>
      rows.push({
        kodeWilayah: area.code,
        namaWilayah: area.name,
        periode,
        kegiatan,
        dimensi,
        kategori: maskNiksIn(kategori),
        lakiLaki: counts.L,
        perempuan: counts.P,
        tidakDiketahui: counts.unknown,
        jumlah: counts.total,
      });
    push(province, DIMENSI_TOTAL, 'Semua peserta', summary.sex);
    for (const table of summary.tables) {
      const dimensi = DIMENSION_LABELS[table.dimension] ?? table.dimension;
      for (const row of table.rows) {
        const area =
          table.dimension === 'regency' ? (REGENCY_CODES[row.category] ?? { code: '', name: '' }) : province;
        push(area, dimensi, row.category, row);
      }
    }
  }
  return rows;
}

interface Counts {
  L: number;
  P: number;
  unknown: number;
  total: number;
}

const DIMENSI_TOTAL = DIMENSION_LABELS.total;

/** A row as cells, in SATU_DATA_COLUMNS order. */
export function satuDataCells(row: SatuDataRow): (string | number)[] {
  return [
    row.kodeWilayah,
    row.namaWilayah,
    row.periode,
    row.kegiatan,
    row.dimensi,
    row.kategori,
    row.lakiLaki,
    row.perempuan,
    row.tidakDiketahui,
    row.jumlah,
  ];
}
