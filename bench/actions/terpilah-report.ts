/**
 * Kept for test/server/terpilah.test.ts, which seeds its registers with it. The benchmarks seed
 * `Peserta` with ../seed/participants.ts instead (rows right below the header, as a person has them).
 */
import type { SheetState } from '../../src/workbench/model';

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
