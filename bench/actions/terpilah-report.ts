import { join } from 'node:path';
import { newWorkbookState, type SheetState, type WorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import type { BenchAction, BenchSize } from '../types';

/** Adds `count - 1` typed-looking rows over four activities to a `Peserta` sheet (after its first row). */
export function seedParticipantRows(sheet: SheetState, count: number): void {
  const roles = ['Peserta', 'Peserta', 'Narasumber', 'Panitia'];
  const regencies = ['Bangka', 'Belitung', 'Pangkalpinang', 'Bateng', ''];
  for (let i = 1; i < count; i++) {
    const women = i % 3 !== 0;
    const day = String((i % 28) + 1 + (women ? 40 : 0)).padStart(2, '0');
    const nik = `197101${day}0${i % 10}8${String(i % 10000).padStart(4, '0')}`.slice(0, 16);
    const row = [
      `Kegiatan ${(i % 4) + 1}`,
      `Peserta ${i}`,
      i % 7 === 0 ? '' : nik,
      '',
      i % 11 === 0 ? '' : women ? 'P' : 'L',
      '',
      18 + (i % 60),
      roles[i % 4],
      `OPD ${i % 25}`,
      '',
      regencies[i % 5],
      i % 13 === 0 ? 'Ya' : 'Tidak',
      'Hadir',
      '',
    ];
    sheet.rows.push(row.map((value) => ({ value })));
  }
  sheet.maxRows = Math.max(sheet.maxRows, count + 1);
}

/** A spreadsheet whose `Peserta` register holds `count` participants over four activities. */
function withParticipants(count: number): () => WorkbookState {
  return () => {
    const setup = new Workbench({ state: newWorkbookState('Bench'), distDir: join(__dirname, '..', 'dist') });
    setup.run('addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P', age: '40' }]);
    const sheet = setup.state.sheets.find((s) => s.name === 'Peserta');
    if (!sheet) throw new Error('Peserta was not created');
    seedParticipantRows(sheet, count);
    return setup.state;
  };
}

const sizes: [BenchSize, BenchSize] = [
  { label: '100 peserta', state: withParticipants(100) },
  { label: '100.000 peserta', state: withParticipants(100_000) },
];

export const terpilahReportActions: BenchAction[] = [
  { name: 'Buat Laporan Data Terpilah', sizes, run: (wb) => wb.run('menuTerpilahReport'), repeat: 3 },
  {
    name: 'Angka utama peserta (panel)',
    sizes,
    run: (wb) => wb.run('terpilahHeadline', ['Kegiatan 1']),
    repeat: 3,
  },
];
