/**
 * The normaliser's readers fill objects it reuses row after row (`into`), and hand a NIK's birth
 * date on as its yyyymmdd number: the same readings and findings as the fresh objects and the
 * ISO text, and nothing of one row left in the next.
 */
import fc from 'fast-check';
import { isoDay } from '../../../src/core/terpilah/date-digits';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { readAge } from '../../../src/core/terpilah/read-age';
import { readDisabilitySourced } from '../../../src/core/terpilah/read-disability';
import { readNik } from '../../../src/core/terpilah/read-ids';
import { readSex, sexCell } from '../../../src/core/terpilah/read-sex';
import { cellsOf } from './cells';

const MALE_NIK = '1971011205900001'; // born 12-05-1990, L

describe('readers filling a reused object', () => {
  test('readNik: the same reading, the birth date as its day number', () => {
    const fresh = readNik(cellsOf({ nik: MALE_NIK }).cells);
    const into = { id: 'x', sex: null, age: null, birthDate: 'stale', birthDay: 0, nip: 'stale' };
    const filled = readNik(cellsOf({ nik: MALE_NIK }).cells, MALE_NIK, true, into);
    expect(filled).toBe(into);
    expect(filled).toMatchObject({ id: fresh.id, sex: fresh.sex, age: fresh.age, nip: null });
    expect(filled.birthDay).toBe(isoDay(fresh.birthDate!));
    expect(filled.birthDate).toBeUndefined();
  });

  test('readNik: a blank or bad NIK leaves the reused object alone', () => {
    const into = {
      id: MALE_NIK,
      sex: 'L' as const,
      age: 34,
      birthDate: undefined,
      birthDay: 19900512,
      nip: null,
    };
    expect(readNik(cellsOf({ nik: '' }).cells, '', true, into)).not.toBe(into);
    expect(readNik(cellsOf({ nik: '123' }).cells, '123', true, into).id).toBe('');
  });

  test('readSex, readAge and readDisabilitySourced return what they filled', () => {
    const sexInto = { sex: null, sexSource: null };
    const sex = readSex(cellsOf({ sex: 'L' }).cells, null, null, sexCell('L'), 'L', sexInto);
    expect(sex).toBe(sexInto);
    expect(sex).toEqual(readSex(cellsOf({ sex: 'L' }).cells, null, null));
    const ageInto = { age: null, ageSource: null };
    const age = readAge(cellsOf({ age: '45' }).cells, null, null, null, undefined, '45', undefined, ageInto);
    expect(age).toBe(ageInto);
    expect(age).toEqual({ age: 45, ageSource: 'age' });
    const disabilityInto = { value: null, source: 'unknown' as const };
    const cells = cellsOf({ disability: 'ya' }).cells;
    const disability = readDisabilitySourced(cells, undefined, disabilityInto);
    expect(disability).toBe(disabilityInto);
    expect(disability).toEqual(readDisabilitySourced(cellsOf({ disability: 'ya' }).cells));
  });
});

describe('readAge with the NIK birth date as yyyymmdd', () => {
  const typed = fc.oneof(
    fc.constantFrom(
      '1990-05-12',
      '12/05/1990',
      '12 Mei 1990',
      'Bangka, 12 Mei 1990',
      '1990-05-13',
      '13 Mei 1990',
      '',
    ),
    fc
      .tuple(
        fc.integer({ min: 1940, max: 2023 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`),
  );
  test('the same age, source and findings as with the ISO text (fast-check)', () => {
    fc.assert(
      fc.property(
        typed,
        fc.integer({ min: 1940, max: 2023 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (birth, y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const byText = cellsOf({ birthDate: birth });
          const byDay = cellsOf({ birthDate: birth });
          const fromNik = 2024 - y - 1;
          expect(readAge(byDay.cells, fromNik, null, isoDay(iso))).toEqual(
            readAge(byText.cells, fromNik, null, iso),
          );
          expect(byDay.quality).toEqual(byText.quality);
        },
      ),
    );
  });
});

describe('normaliseRows with reused reader objects', () => {
  const headers = ['Nama', 'NIK', 'Tgl Lahir', 'JK'];
  const { mapping } = matchHeaders(headers);
  test("one row's NIK reading is not the next row's", () => {
    const { participants, quality } = normaliseRows(
      [
        ['Ani', MALE_NIK, '13/05/1990', 'L'],
        ['Budi', '', '13/05/1990', 'L'],
        ['Cici', '', '', 'P'],
      ],
      mapping,
      { firstRow: 2, referenceDate: '2024-06-01' },
    );
    expect(participants.map((p) => [p.nik, p.age, p.ageSource, p.sex])).toEqual([
      [MALE_NIK, 34, 'birthDate', 'L'],
      ['', 34, 'birthDate', 'L'],
      ['', null, null, 'P'],
    ]);
    expect(quality.filter((q) => q.code === 'birthDateContradictsNik').map((q) => q.row)).toEqual([2]);
  });
});
