import { formatDateTimeId, formatNumberId } from '../format';
import type { MonitoringReport, SopMonitoring } from './monitoring';
import { toLocalText } from '../time';
import {
  GridBuilder,
  rect,
  type CellStyle,
  type PlanMerge,
  type PlanRect,
  type SheetPlan,
} from '../plan/plan';
import { reportPlan } from '../plan/report-plan';
import { HEADER, TEXT } from '../plan/styles';

/**
 * The sheet `Laporan Monitoring SOP`: a title, then one block per SOP — its activities, the
 * official monitoring form of Permenpan RB 35/2012 (No | Prosedur | Penilaian terhadap penerapan:
 * Berjalan dengan baik / Tidak berjalan dengan baik | Catatan hasil penilaian | Tindakan yang
 * harus diambil | Paraf penilai), prefilled, then the time statistics per step.
 *
 * Both tables share the columns. Nothing is merged but the form's two header rows (3 merges per
 * SOP), so rows keep Sheets' automatic height and the service calls do not depend on the number of
 * activities, steps or log rows. The content is Indonesian: it is an official form.
 */

export const MONITORING_SHEET_NAME = 'Laporan Monitoring SOP';
export const MONITORING_TITLE = 'LAPORAN MONITORING PELAKSANAAN SOP';
export const NO_ACTIVITIES = 'Belum ada kegiatan. Buat kegiatan dari panel (tab Kegiatan).';
export const FORM_HEADERS = [
  'No',
  'Prosedur',
  'Penilaian terhadap penerapan',
  'Catatan hasil penilaian',
  'Tindakan yang harus diambil',
  'Paraf penilai',
] as const;
export const ASSESSMENT_HEADERS = ['Berjalan dengan baik', 'Tidak berjalan dengan baik'] as const;
export const STATS_HEADERS = [
  'No',
  'Langkah',
  'Pelaksanaan',
  'Median (menit)',
  'Maks (menit)',
  'Mutu baku (menit)',
  '% sesuai mutu baku',
  'Perbaikan',
  // Clock minutes beside the working minutes of the columns above.
  'Median berlalu (menit)',
] as const;
export const CHECK = '✓';

const COLORS = { sop: '#dbe8f7', over: '#c00000', muted: '#595959', line: '#000000' };
const WIDTHS = [40, 240, 95, 95, 230, 190, 80, 80];
const COLUMNS = WIDTHS.length;

const NUMBER: CellStyle = { verticalAlignment: 'top', horizontalAlignment: 'center' };
const OVER: CellStyle = { fontColor: COLORS.over, fontWeight: 'bold' };

/** Where each SOP's tables are (1-based rows): tests and the server read positions from here. */
export interface MonitoringBlock {
  templateName: string;
  titleRow: number;
  /** First of the form's two header rows; its body starts two rows below. */
  formHeaderRow: number;
  statsHeaderRow: number;
}

export interface MonitoringSheetLayout {
  plan: SheetPlan;
  blocks: MonitoringBlock[];
}

export function monitoringSheetPlan(
  report: MonitoringReport,
  options: { sheetName: string; generatedAt: string; timeZone: string },
): SheetPlan {
  return monitoringSheetLayout(report, options).plan;
}

export function monitoringSheetLayout(
  report: MonitoringReport,
  options: { sheetName: string; generatedAt: string; timeZone: string },
): MonitoringSheetLayout {
  const grid = new GridBuilder(COLUMNS);
  const merges: PlanMerge[] = [];
  const tables: PlanRect[] = [];
  const blocks: MonitoringBlock[] = [];

  grid.set(1, 1, MONITORING_TITLE, { fontWeight: 'bold', fontSize: 14 });
  const when = formatDateTimeId(toLocalText(options.generatedAt, options.timeZone));
  const activityCount = report.sops.reduce((sum, sop) => sum + sop.activities.total, 0);
  grid.set(
    2,
    1,
    `Dibuat ${when} dari sheet Riwayat (${formatNumberId(report.rows)} baris, ` +
      `${formatNumberId(activityCount)} kegiatan). Dibuat ulang dari menu; isian tangan akan tertimpa.`,
    { fontStyle: 'italic', fontColor: COLORS.muted },
  );
  let row = 3;
  const skipped = [
    report.unreadable > 0 ? `${formatNumberId(report.unreadable)} baris Riwayat tidak terbaca` : '',
    report.refused > 0 ? `${formatNumberId(report.refused)} baris tidak sesuai urutan SOP` : '',
  ].filter(Boolean);
  if (skipped.length > 0) {
    grid.set(row++, 1, `${skipped.join(' dan ')} dilewati (lihat "Bangun ulang progres").`, {
      fontColor: COLORS.over,
    });
  }

  if (activityCount === 0) {
    grid.set(row + 1, 1, NO_ACTIVITIES, { fontWeight: 'bold' });
  }
  row += 1;
  for (const sop of report.sops) {
    if (sop.activities.total === 0) continue;
    blocks.push(writeBlock(grid, sop, row + 1, merges, tables));
    row = grid.rowCount + 1;
  }

  return {
    plan: reportPlan({
      sheetName: options.sheetName,
      ...grid.build(),
      merges,
      tables,
      widths: WIDTHS,
      // Each SOP's block after the first starts a new page.
      pageBreaks: blocks.slice(1).map((block) => block.titleRow),
      description:
        'Laporan Monitoring SOP: dibuat add-on SOP & Data Terpilah dari sheet Riwayat; dibuat ulang dari menu.',
    }),
    blocks,
  };
}

function writeBlock(
  grid: GridBuilder,
  sop: SopMonitoring,
  top: number,
  merges: PlanMerge[],
  tables: PlanRect[],
): MonitoringBlock {
  const { activities, steps } = sop;
  grid.set(top, 1, `SOP: ${sop.templateName}`, { fontWeight: 'bold', fontSize: 12, background: COLORS.sop });
  grid.style(top, 2, { background: COLORS.sop }, 1, COLUMNS - 1);
  grid.set(
    top + 1,
    1,
    `Jumlah kegiatan: ${formatNumberId(activities.total)} (selesai ${formatNumberId(activities.done)}, ` +
      `berjalan ${formatNumberId(activities.running)}, belum mulai ${formatNumberId(activities.notStarted)})`,
  );

  // A. The official form: two header rows, Penilaian split in its two outcomes.
  grid.set(top + 3, 1, 'A. Penilaian penerapan SOP (formulir monitoring, Permenpan RB 35/2012)', {
    fontWeight: 'bold',
  });
  const formHeaderRow = top + 4;
  const [no, procedure, assessment, note, action, initials] = FORM_HEADERS;
  grid.set(formHeaderRow, 1, no, HEADER);
  grid.set(formHeaderRow, 2, procedure, HEADER);
  grid.set(formHeaderRow, 3, assessment, HEADER);
  grid.style(formHeaderRow, 4, HEADER);
  grid.set(formHeaderRow, 5, note, HEADER);
  grid.set(formHeaderRow, 6, action, HEADER);
  grid.set(formHeaderRow, 7, initials, HEADER);
  grid.style(formHeaderRow + 1, 1, HEADER, 1, 7);
  grid.set(formHeaderRow + 1, 3, ASSESSMENT_HEADERS[0], HEADER);
  grid.set(formHeaderRow + 1, 4, ASSESSMENT_HEADERS[1], HEADER);
  merges.push(
    { rect: rect(formHeaderRow, 1, 2, 2), mode: 'vertically' },
    { rect: rect(formHeaderRow, 3, 1, 2), mode: 'all' },
    { rect: rect(formHeaderRow, 5, 2, 3), mode: 'vertically' },
  );
  steps.forEach((step, i) => {
    const r = formHeaderRow + 2 + i;
    grid.set(r, 1, step.number, NUMBER);
    grid.set(r, 2, step.activity, TEXT);
    grid.set(r, 3, step.form.assessment === 'good' ? CHECK : '', { ...NUMBER, fontWeight: 'bold' });
    grid.set(
      r,
      4,
      step.form.assessment === 'notGood' ? CHECK : '',
      step.form.assessment === 'notGood' ? { ...NUMBER, ...OVER } : NUMBER,
    );
    grid.set(r, 5, step.form.note, TEXT);
    grid.set(r, 6, step.form.action, TEXT);
    grid.set(r, 7, '', TEXT);
  });
  tables.push(rect(formHeaderRow, 1, 2 + steps.length, 7));

  // B. Times per step across the activities.
  const statsTitle = formHeaderRow + 2 + steps.length + 1;
  grid.set(statsTitle, 1, 'B. Waktu pelaksanaan per langkah (semua kegiatan)', { fontWeight: 'bold' });
  const statsHeaderRow = statsTitle + 1;
  STATS_HEADERS.forEach((header, c) => grid.set(statsHeaderRow, c + 1, header, HEADER));
  steps.forEach((step, i) => {
    const r = statsHeaderRow + 1 + i;
    const over = (value: number | null) => (value !== null && value > step.standardMax ? OVER : {});
    grid.set(r, 1, step.number, NUMBER);
    grid.set(r, 2, step.activity, TEXT);
    grid.set(r, 3, step.runs, NUMBER);
    grid.set(r, 4, step.median ?? '-', { ...NUMBER, ...over(step.median) });
    grid.set(r, 5, step.max ?? '-', { ...NUMBER, ...over(step.max) });
    // "420 atau 840" stays text; a single value is a number.
    const single = /^\d+$/.test(step.standardText);
    grid.set(
      r,
      6,
      single ? Number(step.standardText) : step.standardText,
      single ? NUMBER : { ...NUMBER, numberFormat: '@' },
    );
    grid.set(
      r,
      7,
      step.percentWithin ?? '-',
      step.percentWithin !== null && step.percentWithin < 100 ? { ...NUMBER, ...OVER } : NUMBER,
    );
    grid.set(r, 8, step.revisions, step.revisions > 0 ? { ...NUMBER, fontWeight: 'bold' } : NUMBER);
    grid.set(r, 9, step.clockMedian ?? '-', NUMBER);
  });
  tables.push(rect(statsHeaderRow, 1, 1 + steps.length, STATS_HEADERS.length));
  grid.set(
    statsHeaderRow + steps.length + 1,
    1,
    'Pelaksanaan = mulai s.d. selesai/keputusan, termasuk pengulangan setelah Perbaikan. ' +
      'Menit = menit kerja menurut sheet Kalender Kerja (malam, akhir pekan, libur tidak dihitung); ' +
      'menit berlalu = waktu jam dinding. ' +
      'Perbaikan = keputusan Perbaikan pada langkah ini + kali langkah ini harus diulang karena Perbaikan.',
    { fontStyle: 'italic', fontColor: COLORS.muted },
  );
  return { templateName: sop.templateName, titleRow: top, formHeaderRow, statsHeaderRow };
}
