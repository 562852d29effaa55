import { readNik, readNip } from '../../../src/core/terpilah/read-ids';
import { cellsOf, codes, FEMALE_NIK, FEMALE_NIP, MALE_NIK, MALE_NIP } from './cells';

describe('readNik', () => {
  test('a NIK gives its digits, sex and age at the reference date', () => {
    const { cells, quality } = cellsOf({ nik: ` ${MALE_NIK.replace(/(\d{4})/g, '$1 ')}` });
    expect(readNik(cells)).toEqual({ id: MALE_NIK, sex: 'L', age: 34, birthDate: '1990-05-12', nip: null });
    expect(quality).toEqual([]);
    expect(readNik(cellsOf({ nik: FEMALE_NIK }, { reference: '2024-05-11' }).cells)).toMatchObject({
      sex: 'P',
      age: 33,
    });
  });

  test('blank or missing: nothing, no finding', () => {
    for (const values of [{ nik: '  ' }, { nik: null }, {}]) {
      const { cells, quality } = cellsOf(values);
      expect(readNik(cells)).toEqual({ id: '', sex: null, age: null, nip: null });
      expect(quality).toEqual([]);
    }
  });

  test('an 18-digit NIP in the NIK column is handed on when the NIP column is empty', () => {
    const { cells, quality } = cellsOf({ nik: FEMALE_NIP, nip: '' });
    expect(readNik(cells)).toEqual({ id: '', sex: null, age: null, nip: FEMALE_NIP });
    expect(quality).toEqual([]);
    // With a NIP of its own, the 18 digits are a bad NIK.
    const both = cellsOf({ nik: FEMALE_NIP, nip: MALE_NIP });
    expect(readNik(both.cells).nip).toBeNull();
    expect(both.quality.map((q) => q.message)).toEqual([
      'Baris 7: NIK 18 angka, seharusnya 16: periksa lagi dari KTP/KK.',
    ]);
  });

  test.each([
    [
      1971011205900001,
      'nikStoredAsNumber',
      "Baris 7: NIK tertulis sebagai angka (1,97101E+15): Sheets/Excel memotong digit terakhir; ketik ulang NIK sebagai teks (awali dengan ').",
    ],
    // What a CSV saved by Excel holds for that cell: the same finding, the display as typed.
    ['1,97101E+15', 'nikStoredAsNumber', 'Baris 7: NIK tertulis sebagai angka (1,97101E+15): Sheets/Excel'],
    [12345, 'nikInvalid', 'Baris 7: NIK 5 angka, seharusnya 16: periksa lagi dari KTP/KK.'],
    ['1971-0152', 'nikInvalid', 'Baris 7: NIK 8 angka, seharusnya 16: periksa lagi dari KTP/KK.'],
    [
      '19710152059000AB',
      'nikInvalid',
      'Baris 7: NIK berisi huruf atau tanda selain angka: tulis 16 angka saja.',
    ],
    [
      '0971011205900001',
      'nikInvalid',
      'Baris 7: NIK diawali 09, bukan kode provinsi: periksa lagi dari KTP/KK.',
    ],
    ['2071011205900001', 'nikInvalid', 'Baris 7: NIK diawali 20, bukan kode provinsi'],
    [
      '1971013205900001',
      'nikInvalid',
      'Baris 7: tanggal lahir pada NIK (angka ke-7 s.d. 12) tidak mungkin: periksa lagi dari KTP/KK.',
    ],
  ])('%p is flagged %s', (nik, code, message) => {
    const { cells, quality } = cellsOf({ nik });
    const reading = readNik(cells);
    expect([reading.sex, reading.age]).toEqual([null, null]);
    expect(codes(quality)).toEqual([code]);
    expect(quality[0].message.startsWith(message)).toBe(true);
    expect(quality[0].column).toBe('NIK');
  });

  test('16 digits that do not decode are still the NIK (for duplicates), without sex or age', () => {
    expect(readNik(cellsOf({ nik: '0971011205900001' }).cells).id).toBe('0971011205900001');
  });
});

describe('readNip', () => {
  test('a NIP gives its digits, sex and age; typed with spaces and "NIP."', () => {
    const { cells, quality } = cellsOf({ nip: 'NIP. 19650713 199203 1 002' });
    expect(readNip(cells)).toEqual({ id: MALE_NIP, sex: 'L', age: 58, birthDate: '1965-07-13' });
    expect(quality).toEqual([]);
  });

  test('the digits readNik handed on are read instead of the column', () => {
    expect(readNip(cellsOf({ nip: '' }).cells, FEMALE_NIP)).toEqual({
      id: FEMALE_NIP,
      sex: 'P',
      age: 34,
      birthDate: '1990-05-12',
    });
  });

  test.each([
    [199005122015032000, 'NIP tertulis sebagai angka (1,99005E+17): Sheets/Excel memotong digit terakhir'],
    ['1,99005E+17', 'NIP tertulis sebagai angka (1,99005E+17)'],
    ['19900512', 'NIP 8 angka, seharusnya 18: periksa lagi dari SK pengangkatan.'],
    ['NIP. 19900512', 'NIP 8 angka, seharusnya 18'],
    ['19900512201503200X', 'NIP berisi huruf atau tanda selain angka: tulis 18 angka saja.'],
    ['199013122015032001', 'tanggal lahir pada NIP (8 angka pertama) tidak mungkin'],
    ['199005121995032001', 'TMT pengangkatan pada NIP (angka ke-9 s.d. 14) tidak mungkin'],
    ['199005122015033001', 'angka jenis kelamin pada NIP (ke-15) harus 1 atau 2'],
  ])('%p is flagged', (nip, message) => {
    const { cells, quality } = cellsOf({ nip });
    expect(readNip(cells)).toEqual({ id: '', sex: null, age: null });
    expect(codes(quality)).toEqual(['nipInvalid']);
    expect(quality[0].message).toContain(message);
  });

  test('an age over the maximum is no age, the sex still counts', () => {
    // Born 1 January 1900: 124 at the reference date.
    expect(readNip(cellsOf({ nip: '190001012015031001' }).cells)).toEqual({
      id: '190001012015031001',
      sex: 'L',
      age: null,
      birthDate: '1900-01-01',
    });
  });

  test('blank: nothing', () => {
    const { cells, quality } = cellsOf({ nip: ' ' });
    expect(readNip(cells)).toEqual({ id: '', sex: null, age: null });
    expect(quality).toEqual([]);
  });
});
