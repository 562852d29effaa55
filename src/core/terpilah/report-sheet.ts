import { formatDateTimeId, formatDecimalId, formatNumberId } from '../format';
import { GridBuilder, type CellStyle, type PlanRect, type SheetPlan } from '../plan/plan';
import { reportPlan } from '../plan/report-plan';
import { cutWhole } from '../plan/sheet-name';
import { HEADER } from '../plan/styles';
import type { DisaggregatedTable, Dimension, TableRow, TerpilahSummary } from './model';
import { maskNiksIn } from '../privacy/mask-nik';
import { UNKNOWN } from './categories';
import { DIMENSION_LABELS } from './dimension-labels';
import { provenanceText, type ProvenanceCounts, type ProvenanceField } from './provenance';
import { findingCount, qualityDigest, qualityOfSummaries } from './quality-list';

/**
 * The sheet `Laporan Data Terpilah`: a title, then one block per summary (all activities first,
 * then each activity): a headline, and per dimension a table
 * No | <kategori> | L | P | Tidak diketahui | Jumlah | %L | %P | Rasio JK, its narrative line and
 * its completeness; then the data-quality list No | Baris | Kolom | Masalah. Regenerated whole.
 *
 * Every figure is a number with a number format (counts "#,##0", percentages "0.0%" stored as a
 * fraction, the sex ratio "0.0"), so Sheets shows it in the spreadsheet's locale ("45,0%" in
 * id_ID); the sentences use the same one-decimal rounding, with the Indonesian decimal comma.
 * Under each table: where its values came from (provenance.ts), e.g. "jenis kelamin: 12 dari NIK".
 * The data-quality list is summarised by type, the first rows of each listed (quality-list.ts).
 *
 * Charts (at most two, whatever the data size, so the service calls stay fixed):
 * - participants by sex per activity: a grouped COLUMN chart over the activity table of the
 *   all-activities summary (Kategori, L, P columns; header row = series names, first column =
 *   domain); a report of one activity gets the same chart over its role table instead;
 * - the age × sex pyramid: a stacked BAR chart over a helper range beside the age-group table
 *   (Kelompok umur | Laki-laki | Perempuan) where L is written negative and the number format
 *   "0;0" hides the minus sign. Stacking a negative and a positive series is what renders a
 *   pyramid in Google Sheets (a BAR chart has no mirrored-axis option). Rows run from 75+ down to
 *   0-4 because a Sheets bar chart draws the first row at the top; "Tidak diketahui" is left out.
 *
 * Formatting is a fixed set of styles and one border group, so the server's batched calls do not
 * depend on the data. NIK is masked in every text cell and chart title (maskNiksIn). Values are plain text: the
 * sheet writer (applyPlan) keeps text that Sheets would reinterpret ("=…", "0-4") literal.
 */

export interface ChartPlan {
  type: 'COLUMN' | 'BAR';
  title: string;
  /** Data range including its header row; the first column is the domain. */
  rect: PlanRect;
  position: { row: number; column: number };
  stacked: boolean;
}

export const TERPILAH_TITLE = 'LAPORAN DATA TERPILAH';
export const TABLE_HEADERS = [
  'No',
  'Kategori',
  'L',
  'P',
  'Tidak diketahui',
  'Jumlah',
  '%L',
  '%P',
  'Rasio JK',
];
export const QUALITY_HEADERS = ['No', 'Baris', 'Kolom', 'Masalah'];
export const QUALITY_SUMMARY_HEADERS = ['No', 'Jenis masalah', 'Jumlah'];
/** Columns of the pyramid helper range (K:M) and of the charts (O). */
export const HELPER_COLUMN = 11;
export const CHART_COLUMN = 15;
/** Rows a chart covers (Sheets' default chart is about 370 px high). */
const CHART_ROWS = 20;

// Few distinct runs of equal widths: each run is one setColumnWidths call.
const WIDTHS = [40, 230, 70, 70, 70, 70, 70, 70, 70, 20, 75, 75, 75, 20];
const COLORS = { block: '#dbe8f7', total: '#f2f2f2', muted: '#595959', warn: '#c00000', line: '#000000' };
const COUNT: CellStyle = { horizontalAlignment: 'right', numberFormat: '#,##0' };
const DECIMAL: CellStyle = { horizontalAlignment: 'right', numberFormat: '0.0' };
const PERCENT: CellStyle = { horizontalAlignment: 'right', numberFormat: '0.0%' };
const CENTER: CellStyle = { horizontalAlignment: 'center' };
/** A row number or a "No": a number too, shown without separators. */
const ORDINAL: CellStyle = { ...CENTER, numberFormat: '0' };
const CATEGORY: CellStyle = { wrap: true, verticalAlignment: 'top' };
const NOTE: CellStyle = { fontStyle: 'italic', fontColor: COLORS.muted };
const TOTAL: CellStyle = { fontWeight: 'bold', background: COLORS.total };

/** User-derived text as it may be written: NIK masked, kept literal. */
// Plain text: the sheet writer (applyPlan) keeps it literal, so no apostrophe here.
const text = (value: string) => maskNiksIn(String(value));
const orDash = (value: number | null) => (value === null ? '-' : value);
/** A one-decimal percentage (45.1) as the fraction a "0.0%" cell holds (0.451): the same rounding. */
export const percentFraction = (value: number | null): number | string =>
  value === null ? '-' : Math.round(value * 10) / 1000;

/** The fields whose provenance is shown under each table (sex is in every table's columns). */
const TABLE_FIELDS: Record<Dimension, ProvenanceField[]> = {
  activity: ['sex'],
  role: ['sex', 'role'],
  ageGroup: ['sex', 'age'],
  lifeStage: ['sex', 'age'],
  institution: ['sex', 'institution'],
  regency: ['sex', 'regency'],
  disability: ['sex', 'disability'],
};

/** "Asal nilai: jenis kelamin: 140 tertulis, 12 dari NIK; umur: …." */
export function provenanceLine(counts: ProvenanceCounts, fields: readonly ProvenanceField[]): string {
  return `Asal nilai: ${fields.map((field) => provenanceText(field, counts[field], formatNumberId)).join('; ')}.`;
}

export function reportSheetPlan(
  summaries: TerpilahSummary[],
  sheetName: string,
  generatedAt: string,
): { plan: SheetPlan; charts: ChartPlan[] } {
  const list = Array.isArray(summaries) ? summaries : [];
  const grid = new GridBuilder(TABLE_HEADERS.length);
  const tables: PlanRect[] = [];
  const charts: ChartPlan[] = [];

  grid.set(1, 1, TERPILAH_TITLE, { fontWeight: 'bold', fontSize: 14 });
  const all = list.find((s) => s.activity === null) ?? null;
  const participants = all ? all.participants : list.reduce((sum, s) => sum + s.participants, 0);
  const activityCount = all
    ? (all.tables.find((t) => t.dimension === 'activity')?.rows.length ?? 0)
    : list.length;
  grid.set(
    2,
    1,
    `Dibuat ${formatDateTimeId(generatedAt)} dari ${formatNumberId(participants)} peserta, ` +
      `${formatNumberId(activityCount)} kegiatan. Dibuat ulang dari menu; isian tangan akan tertimpa. NIK disamarkan.`,
    NOTE,
  );

  let row = 4;
  let pyramidPlaced = false;
  let nextChartRow = 4;
  if (list.length === 0) grid.set(row++, 1, 'Belum ada peserta.', { fontWeight: 'bold' });
  for (const summary of list) {
    const label = summary.activity === null ? 'SEMUA KEGIATAN' : `Kegiatan: ${summary.activity}`;
    grid.set(row, 1, text(label), { fontWeight: 'bold', fontSize: 12, background: COLORS.block });
    grid.style(row, 2, { background: COLORS.block }, 1, TABLE_HEADERS.length - 1);
    grid.set(row + 1, 1, headline(summary.sex));
    if (summary.provenance)
      grid.set(row + 2, 1, provenanceLine(summary.provenance, ['sex', 'age', 'nik', 'nip']), NOTE);
    row += 4;
    summary.tables.forEach((table, index) => {
      const titleRow = row;
      const headerRow = writeTable(grid, table, index, row, tables, summary.provenance);
      const lastRow = headerRow + table.rows.length;
      if (table.dimension === 'role' && summary.activity !== null && list.length === 1) {
        const position = Math.max(titleRow, nextChartRow);
        const known = table.rows.filter((r) => r.category !== UNKNOWN).length;
        charts.push({
          type: 'COLUMN',
          title: `Peserta menurut jenis kelamin dan peran (${cutWhole(text(summary.activity), 80)})`,
          rect: { row: headerRow, column: 2, numRows: known + 1, numColumns: 3 },
          position: { row: position, column: CHART_COLUMN },
          stacked: false,
        });
        nextChartRow = position + CHART_ROWS;
      }
      if (table.dimension === 'activity' && summary.activity === null && table.rows.length > 0) {
        const position = Math.max(titleRow, nextChartRow);
        charts.push({
          type: 'COLUMN',
          title: 'Peserta menurut jenis kelamin per kegiatan',
          rect: { row: headerRow, column: 2, numRows: table.rows.length + 1, numColumns: 3 },
          position: { row: position, column: CHART_COLUMN },
          stacked: false,
        });
        nextChartRow = position + CHART_ROWS;
      }
      if (table.dimension === 'ageGroup' && !pyramidPlaced) {
        pyramidPlaced = true;
        const helper = writePyramidHelper(grid, table, headerRow);
        const position = Math.max(titleRow, nextChartRow);
        charts.push({
          type: 'BAR',
          title: `Piramida umur menurut jenis kelamin${summary.activity === null ? '' : ` (${cutWhole(text(summary.activity), 80)})`}`,
          rect: helper,
          position: { row: position, column: CHART_COLUMN },
          stacked: true,
        });
        nextChartRow = position + CHART_ROWS;
      }
      row = lastRow + 6;
    });
    row += 1;
  }

  writeQuality(grid, qualityOfSummaries(list), row + 1, tables);

  const built = grid.build();
  return {
    plan: reportPlan({
      sheetName,
      values: built.values.map((r) => r.map((v) => (typeof v === 'string' ? maskNiksIn(v) : v))),
      styles: built.styles,
      tables,
      widths: WIDTHS,
      description:
        'Laporan Data Terpilah: dibuat add-on SOP & Data Terpilah dari data peserta; dibuat ulang dari menu.',
    }),
    charts,
  };
}

function headline(sex: TableRow): string {
  if (sex.total === 0) return 'Belum ada peserta.';
  const ratio = sex.sexRatio === null ? '' : `; rasio jenis kelamin ${formatDecimalId(sex.sexRatio)}`;
  return (
    `Jumlah peserta ${formatNumberId(sex.total)}: laki-laki ${formatNumberId(sex.L)} ` +
    `(${formatDecimalId(sex.percentL ?? 0)}%), perempuan ${formatNumberId(sex.P)} ` +
    `(${formatDecimalId(sex.percentP ?? 0)}%), tidak diketahui ${formatNumberId(sex.unknown)}${ratio}.`
  );
}

/** Title, header, rows, total, narrative, completeness; returns the header row. */
function writeTable(
  grid: GridBuilder,
  table: DisaggregatedTable,
  index: number,
  top: number,
  tables: PlanRect[],
  provenance: ProvenanceCounts | undefined,
): number {
  grid.set(top, 1, `${String.fromCharCode(65 + (index % 26))}. ${table.title}`, { fontWeight: 'bold' });
  const headerRow = top + 1;
  TABLE_HEADERS.forEach((header, c) =>
    grid.set(headerRow, c + 1, c === 1 ? DIMENSION_LABELS[table.dimension] : header, HEADER),
  );
  table.rows.forEach((r, i) =>
    writeRow(grid, headerRow + 1 + i, i + 1, r, r.category === UNKNOWN ? NOTE : {}),
  );
  const totalRow = headerRow + 1 + table.rows.length;
  writeRow(grid, totalRow, '', { ...table.total, category: 'Jumlah' }, TOTAL);
  grid.style(totalRow, 1, TOTAL, 1, TABLE_HEADERS.length);
  tables.push({
    row: headerRow,
    column: 1,
    numRows: table.rows.length + 2,
    numColumns: TABLE_HEADERS.length,
  });
  grid.set(totalRow + 1, 2, text(table.narrative), { fontStyle: 'italic' });
  grid.set(totalRow + 2, 2, 'Kelengkapan data', NOTE);
  grid.set(totalRow + 2, 3, percentFraction(table.completeness), { ...PERCENT, ...NOTE });
  if (provenance) grid.set(totalRow + 3, 2, provenanceLine(provenance, TABLE_FIELDS[table.dimension]), NOTE);
  return headerRow;
}

function writeRow(grid: GridBuilder, r: number, no: number | string, row: TableRow, extra: CellStyle): void {
  grid.set(r, 1, no, { ...ORDINAL, ...extra });
  grid.set(r, 2, text(row.category), { ...CATEGORY, ...extra });
  grid.set(r, 3, row.L, { ...COUNT, ...extra });
  grid.set(r, 4, row.P, { ...COUNT, ...extra });
  grid.set(r, 5, row.unknown, { ...COUNT, ...extra });
  grid.set(r, 6, row.total, { ...COUNT, ...extra });
  grid.set(r, 7, percentFraction(row.percentL), { ...PERCENT, ...extra });
  grid.set(r, 8, percentFraction(row.percentP), { ...PERCENT, ...extra });
  grid.set(r, 9, orDash(row.sexRatio), { ...DECIMAL, ...extra });
}

/** Kelompok umur | Laki-laki (negative) | Perempuan, oldest first; returns its rect. */
function writePyramidHelper(grid: GridBuilder, table: DisaggregatedTable, top: number): PlanRect {
  const known = table.rows.filter((r) => r.category !== UNKNOWN).reverse();
  grid.set(top - 1, HELPER_COLUMN, 'Data piramida (L negatif untuk grafik)', NOTE);
  grid.set(top, HELPER_COLUMN, 'Kelompok umur', HEADER);
  grid.set(top, HELPER_COLUMN + 1, 'Laki-laki', HEADER);
  grid.set(top, HELPER_COLUMN + 2, 'Perempuan', HEADER);
  known.forEach((r, i) => {
    grid.set(top + 1 + i, HELPER_COLUMN, text(r.category), CENTER);
    grid.set(top + 1 + i, HELPER_COLUMN + 1, r.L === 0 ? 0 : -r.L, { ...COUNT, numberFormat: '0;0' });
    grid.set(top + 1 + i, HELPER_COLUMN + 2, r.P, { ...COUNT, numberFormat: '0;0' });
  });
  return { row: top, column: HELPER_COLUMN, numRows: known.length + 1, numColumns: 3 };
}

/**
 * DAFTAR MASALAH DATA: the count per type (No | Jenis masalah | Jumlah), then per type its first
 * rows (No | Baris | Kolom | Masalah) and how many more, so the list stays short at any size.
 */
function writeQuality(
  grid: GridBuilder,
  { findings, counts }: ReturnType<typeof qualityOfSummaries>,
  top: number,
  tables: PlanRect[],
): void {
  grid.set(top, 1, `DAFTAR MASALAH DATA (${formatNumberId(findingCount(findings, counts))})`, {
    fontWeight: 'bold',
    fontSize: 12,
    background: COLORS.block,
  });
  grid.style(top, 2, { background: COLORS.block }, 1, TABLE_HEADERS.length - 1);
  grid.set(
    top + 1,
    1,
    'Baris = baris pada sheet sumber. Semua baris tetap dihitung; nilai yang tidak terbaca masuk "Tidak diketahui"; ' +
      'nilai yang diisi dari NIK, NIP atau tanggal lahir tetap tercantum di sini.',
    NOTE,
  );
  if (findings.length === 0) {
    grid.set(top + 3, 1, 'Tidak ada masalah data.', { fontWeight: 'bold' });
    return;
  }
  const groups = qualityDigest(findings, undefined, 'id', counts);
  let r = top + 3;
  QUALITY_SUMMARY_HEADERS.forEach((header, c) => grid.set(r, c + 1, header, HEADER));
  groups.forEach((group, i) => {
    grid.set(r + 1 + i, 1, i + 1, ORDINAL);
    grid.set(r + 1 + i, 2, group.label, CATEGORY);
    grid.set(r + 1 + i, 3, group.count, COUNT);
  });
  tables.push({ row: r, column: 1, numRows: groups.length + 1, numColumns: QUALITY_SUMMARY_HEADERS.length });
  r += groups.length + 2;
  for (const group of groups) {
    grid.set(r, 1, `${group.label} (${formatNumberId(group.count)})`, { fontWeight: 'bold' });
    const headerRow = r + 1;
    QUALITY_HEADERS.forEach((header, c) => grid.set(headerRow, c + 1, header, HEADER));
    const warn = group.code.startsWith('duplicate') ? {} : { fontColor: COLORS.warn };
    group.shown.forEach((f, i) => {
      const at = headerRow + 1 + i;
      grid.set(at, 1, i + 1, ORDINAL);
      grid.set(at, 2, Number.isFinite(f.row) ? f.row : '-', ORDINAL);
      grid.set(at, 3, text(f.column ?? '-'), CATEGORY);
      grid.set(at, 4, text(String(f.message ?? '')), warn);
    });
    tables.push({
      row: headerRow,
      column: 1,
      numRows: group.shown.length + 1,
      numColumns: QUALITY_HEADERS.length,
    });
    r = headerRow + group.shown.length + 1;
    if (group.more > 0) grid.set(r++, 1, `… dan ${formatNumberId(group.more)} baris lain.`, NOTE);
    r += 1;
  }
}
