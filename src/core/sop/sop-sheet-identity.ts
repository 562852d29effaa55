/**
 * The identity block on top of the SOP sheet (Permenpan RB 35/2012): the agency on the left, the
 * document's particulars (number, dates, approval, name) on the right, then the six sections
 * (dasar hukum, kualifikasi pelaksana, …) in two columns. Everything is merged, so Sheets does not
 * fit the rows' height itself: the heights are estimated here.
 */
import { formatDateId } from '../format';
import {
  estimateRowHeight,
  rect,
  type CellStyle,
  type GridBuilder,
  type PlanMerge,
  type PlanRect,
} from '../plan/plan';
import { TEXT } from '../plan/styles';
import type { SopIdentity } from './model';
import { CENTER, COLORS, type SopColumns } from './sop-sheet-grid';

const IDENTITY_ROWS: [string, (identity: SopIdentity) => string][] = [
  ['Nomor SOP', (i) => i.nomor],
  ['Tanggal Pembuatan', (i) => formatDateId(i.tanggalPembuatan)],
  ['Tanggal Revisi', (i) => formatDateId(i.tanggalRevisi)],
  ['Tanggal Efektif', (i) => formatDateId(i.tanggalEfektif)],
  ['Disahkan oleh', approval],
  ['Nama SOP', (i) => i.namaSop],
];
const SECTIONS: [[string, keyof SopIdentity], [string, keyof SopIdentity]][] = [
  [
    ['DASAR HUKUM:', 'dasarHukum'],
    ['KUALIFIKASI PELAKSANA:', 'kualifikasiPelaksana'],
  ],
  [
    ['KETERKAITAN:', 'keterkaitan'],
    ['PERALATAN/PERLENGKAPAN:', 'peralatan'],
  ],
  [
    ['PERINGATAN:', 'peringatan'],
    ['PENCATATAN DAN PENDATAAN:', 'pencatatan'],
  ],
];
const LABEL: CellStyle = { ...TEXT, fontWeight: 'bold', background: COLORS.identityLabel };
/** Room for the longest particulars label ("Tanggal Pembuatan", bold). */
const LABEL_WIDTH = 150;

/** What the block adds to the plan besides its cells. */
export interface IdentityBlock {
  /** The first row below the block. */
  nextRow: number;
  merges: PlanMerge[];
  /** The block's rect, drawn with grid lines. */
  gridRect: PlanRect;
  rowHeights: Record<number, number>;
}

export function writeIdentityBlock(
  grid: GridBuilder,
  identity: SopIdentity,
  cols: SopColumns,
  widths: Record<number, number>,
): IdentityBlock {
  const merges: PlanMerge[] = [];
  const rowHeights: Record<number, number> = {};
  const span = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => widths[from + i]).reduce((a, b) => a + b, 0);
  const fit = (row: number, text: string, widthPx: number) => {
    const height = estimateRowHeight(text, widthPx);
    if (height > 30) rowHeights[row] = Math.max(rowHeights[row] ?? 0, height);
  };

  // The agency on the left (about 40 % of the width), the document's particulars on the right:
  // labels in columns wide enough for "Tanggal Pembuatan" in bold, values in the rest.
  const total = span(1, cols.width);
  let left = 2;
  while (left < cols.width - 3 && span(1, left + 1) <= total * 0.4) left++;
  let labelEnd = left + 1;
  while (labelEnd < cols.width - 1 && span(left + 1, labelEnd) < LABEL_WIDTH) labelEnd++;
  grid.set(1, 1, identity.instansi, { ...CENTER, fontWeight: 'bold', wrap: true });
  merges.push({ rect: rect(1, 1, IDENTITY_ROWS.length, left), mode: 'all' });
  IDENTITY_ROWS.forEach(([label, value], i) => {
    grid.set(1 + i, left + 1, label, LABEL);
    grid.set(
      1 + i,
      labelEnd + 1,
      value(identity),
      label === 'Nama SOP' ? { ...TEXT, fontWeight: 'bold' } : TEXT,
    );
  });
  IDENTITY_ROWS.forEach(([, value], i) => fit(1 + i, value(identity), span(labelEnd + 1, cols.width)));
  merges.push({ rect: rect(1, left + 1, IDENTITY_ROWS.length, labelEnd - left), mode: 'across' });
  merges.push({ rect: rect(1, labelEnd + 1, IDENTITY_ROWS.length, cols.width - labelEnd), mode: 'across' });

  // The sections: a label row and a text row each, two side by side.
  const sectionTop = IDENTITY_ROWS.length + 1;
  SECTIONS.forEach((pair, i) => {
    const row = sectionTop + i * 2;
    pair.forEach(([label, field], side) => {
      const column = side === 0 ? 1 : left + 1;
      grid.set(row, column, label, LABEL);
      const text = numbered(identity[field] as string[]);
      grid.set(row + 1, column, text, TEXT);
      fit(row + 1, text, side === 0 ? span(1, left) : span(left + 1, cols.width));
    });
  });
  merges.push({ rect: rect(sectionTop, 1, SECTIONS.length * 2, left), mode: 'across' });
  merges.push({ rect: rect(sectionTop, left + 1, SECTIONS.length * 2, cols.width - left), mode: 'across' });
  const height = sectionTop + SECTIONS.length * 2 - 1;
  return { nextRow: height + 1, merges, gridRect: rect(1, 1, height, cols.width), rowHeights };
}

/** "Kepala …\n\n\nDra. SUSANTI, MAP\nPembina Utama Madya\nNIP. 19650713 199203 2 002": room to sign. */
function approval(identity: SopIdentity): string {
  const { jabatan, nama, pangkat, nip } = identity.pengesah;
  return [jabatan, '', '', nama, pangkat, nip ? `NIP. ${nip}` : ''].join('\n').replace(/\n+$/, '');
}

function numbered(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '-';
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}
