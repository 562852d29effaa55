import { readNik, readNip } from '../../../src/core/terpilah/read-ids';
import { cellsOf, codes, FEMALE_NIK, FEMALE_NIP, MALE_NIK, MALE_NIP } from './cells';

describe('readNik', () => {
  test('a NIK gives its digits, sex and age at the reference date', () => {
    const { cells, quality } = cellsOf({ nik: ` ${MALE_NIK.replace(/(\d{4})/g, '$1 ')}` });
    expect(readNik(cells)).toEqual({ id: MALE_NIK, sex: 'L', age: 34, nip: null });
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
    expect(both.quality.map((q) => q.message)).toEqual(['Baris 7: NIK harus 16 digit (tertulis 18 digit).']);
  });

  test.each([
    [1971011205900001, 'nikStoredAsNumber', 'Baris 7: NIK tersimpan sebagai angka'],
    [12345, 'nikInvalid', 'Baris 7: NIK harus 16 digit (tertulis ? digit).'],
    ['1971-0152', 'nikInvalid', 'Baris 7: NIK harus 16 digit (tertulis 8 digit).'],
    ['19710152059000AB', 'nikInvalid', 'Baris 7: NIK berisi karakter selain angka.'],
    ['0971011205900001', 'nikInvalid', 'Baris 7: kode provinsi pada NIK tidak ada.'],
    ['1971013205900001', 'nikInvalid', 'Baris 7: tanggal lahir pada NIK tidak mungkin.'],
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
    expect(readNip(cells)).toEqual({ id: MALE_NIP, sex: 'L', age: 58 });
    expect(quality).toEqual([]);
  });

  test('the digits readNik handed on are read instead of the column', () => {
    expect(readNip(cellsOf({ nip: '' }).cells, FEMALE_NIP)).toEqual({ id: FEMALE_NIP, sex: 'P', age: 34 });
  });

  test.each([
    [199005122015032000, 'NIP tersimpan sebagai angka'],
    ['19900512', 'NIP harus 18 digit'],
    ['19900512201503200X', 'NIP berisi karakter selain angka'],
    ['199013122015032001', 'tanggal lahir pada NIP tidak mungkin'],
    ['199005121995032001', 'TMT pengangkatan pada NIP tidak mungkin'],
    ['199005122015033001', 'digit jenis kelamin pada NIP bukan 1 atau 2'],
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
    });
  });

  test('blank: nothing', () => {
    const { cells, quality } = cellsOf({ nip: ' ' });
    expect(readNip(cells)).toEqual({ id: '', sex: null, age: null });
    expect(quality).toEqual([]);
  });
});
