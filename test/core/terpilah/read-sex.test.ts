import { readSex } from '../../../src/core/terpilah/read-sex';
import { cellsOf, codes } from './cells';

describe('readSex', () => {
  test('stated first, then NIK, then NIP', () => {
    expect(readSex(cellsOf({ sex: 'Perempuan' }).cells, 'P', 'P')).toEqual({ sex: 'P', sexSource: 'stated' });
    expect(readSex(cellsOf({ sex: '' }).cells, 'L', 'L')).toEqual({ sex: 'L', sexSource: 'nik' });
    expect(readSex(cellsOf({}).cells, null, 'P')).toEqual({ sex: 'P', sexSource: 'nip' });
  });

  test('a contradiction keeps the stated value and names the identifier', () => {
    const { cells, quality } = cellsOf({ sex: 'Laki-laki' });
    expect(readSex(cells, 'P', 'P')).toEqual({ sex: 'L', sexSource: 'stated' });
    expect(codes(quality)).toEqual(['sexContradictsNik', 'sexContradictsNip']);
    expect(quality.map((q) => q.message)).toEqual([
      'Baris 7: jenis kelamin "Laki-laki" bertentangan dengan NIK (perempuan); dipakai yang tertulis.',
      'Baris 7: jenis kelamin "Laki-laki" bertentangan dengan NIP (perempuan); dipakai yang tertulis.',
    ]);
  });

  test('NIK and NIP disagreeing without a stated sex: the NIK wins, flagged on the NIP', () => {
    const { cells, quality } = cellsOf({ sex: '' });
    expect(readSex(cells, 'L', 'P')).toEqual({ sex: 'L', sexSource: 'nik' });
    expect(quality).toEqual([
      {
        row: 7,
        column: 'NIP',
        code: 'sexContradictsNip',
        message: 'Baris 7: jenis kelamin menurut NIK (laki-laki) dan NIP (perempuan) berbeda; dipakai NIK.',
      },
      {
        row: 7,
        column: 'Jenis kelamin',
        code: 'sexFromNik',
        message:
          'Baris 7: jenis kelamin kosong; diisi dari NIK (laki-laki): periksa dan tulis jenis kelaminnya.',
      },
    ]);
  });

  test('unknown: blank or unreadable, flagged and counted as unknown', () => {
    const blank = cellsOf({ sex: '  ' });
    expect(readSex(blank.cells, null, null)).toEqual({ sex: null, sexSource: null });
    expect(blank.quality[0].message).toBe(
      'Baris 7: jenis kelamin kosong (dihitung sebagai tidak diketahui).',
    );
    const odd = cellsOf({ sex: 'X' });
    readSex(odd.cells, null, null);
    expect(odd.quality[0].message).toBe(
      'Baris 7: jenis kelamin "X" tidak dikenali (dihitung sebagai tidak diketahui).',
    );
    // Not text (a number, a checkbox): not a stated sex.
    const number = cellsOf({ sex: 1 });
    expect(readSex(number.cells, null, null).sex).toBeNull();
    expect(codes(number.quality)).toEqual(['sexUnknown']);
  });
});
