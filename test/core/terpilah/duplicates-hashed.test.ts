/**
 * DuplicateCheck keeps NIKs as numbers and name keys as 64-bit hashes (bounded memory for the
 * streaming CLI). Against the string-keyed check it replaced (the oracle below, as it was): the
 * same findings for any people, including names that differ only in case, spacing, punctuation
 * or accents' composition.
 */
import fc from 'fast-check';
import { DuplicateCheck, nameKey } from '../../../src/core/terpilah/duplicates';
import type { QualityFinding } from '../../../src/core/terpilah/model';
import { maskNik } from '../../../src/core/privacy/mask-nik';
import { rowCells, type RowCells } from '../../../src/core/terpilah/row-cells';

const oracleKey = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

class StringKeyedCheck {
  private readonly nikSeen = new Map<string, number>();
  private readonly nameSeen = new Map<string, { row: number; nik: string }>();
  check(cells: RowCells, person: { activity: string; name: string; institution: string; nik: string }): void {
    const { activity, name, institution, nik } = person;
    if (nik !== '') {
      const first = this.nikSeen.get(nik);
      if (first === undefined) this.nikSeen.set(nik, cells.row);
      else
        cells.flag(
          'duplicateNik',
          'nik',
          `NIK ${maskNik(nik)} sama dengan baris ${first}; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).`,
        );
    }
    if (name === '') return;
    const key = `${activity}\u0000${oracleKey(name)}\u0000${oracleKey(institution)}`;
    const first = this.nameSeen.get(key);
    if (first === undefined) {
      this.nameSeen.set(key, { row: cells.row, nik });
      return;
    }
    const otherPerson = first.nik !== '' && nik !== '' && first.nik !== nik;
    const sameNik = nik !== '' && first.nik === nik;
    if (!otherPerson && !sameNik)
      cells.flag(
        'duplicateNameInstitution',
        'name',
        `nama ${cells.quote(name)} dan instansi ${institution ? cells.quote(institution) : '(kosong)'} sama dengan baris ${first.row} pada kegiatan yang sama; tetap dihitung.`,
      );
  }
}

type Person = { activity: string; name: string; institution: string; nik: string };

function findings(check: Pick<DuplicateCheck, 'check'>, people: Person[]): QualityFinding[] {
  const quality: QualityFinding[] = [];
  people.forEach((person, i) =>
    check.check(
      rowCells([], {}, { row: 2 + i, reference: '2024-06-01', timeZone: 'Asia/Jakarta', quality }),
      person,
    ),
  );
  return quality;
}

const NAME = fc.oneof(
  fc.constantFrom(
    'Siti Aminah',
    'siti  aminah',
    'SITI-AMINAH',
    ' Siti, Aminah. ',
    'André',
    'Andre\u0301',
    'Ａｎｄｒé',
    'Budi',
    '',
  ),
  fc.string({ maxLength: 8 }),
);
const PERSON = fc.record({
  activity: fc.constantFrom('K1', 'K2', 'Kegiatan 3'),
  name: NAME,
  institution: fc.oneof(
    fc.constantFrom('Dinas Kesehatan', 'dinas kesehatan', 'Bappeda', ''),
    fc.string({ maxLength: 5 }),
  ),
  nik: fc.constantFrom('', '1971014505900001', '1971010112850003', '9471010112850003', '0000000000000000'),
});

describe('DuplicateCheck (hashed) = the string-keyed check', () => {
  test('same findings for any people (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(PERSON, { maxLength: 60 }), (people) => {
        expect(findings(new DuplicateCheck(), people)).toEqual(findings(new StringKeyedCheck(), people));
      }),
      { numRuns: 300 },
    );
  });

  test('nameKey is the old key, ASCII fast road included', () => {
    fc.assert(
      fc.property(fc.oneof(NAME, fc.string({ unit: 'grapheme-ascii', maxLength: 20 })), (name) => {
        expect(nameKey(name)).toBe(oracleKey(name));
      }),
    );
  });

  test('many people: the table grows and still finds the first row', () => {
    const people: Person[] = Array.from({ length: 20_000 }, (_, i) => ({
      activity: 'K1',
      name: `Peserta ${i % 15_000}`,
      institution: 'Dinas',
      nik: '',
    }));
    const quality = findings(new DuplicateCheck(), people);
    expect(quality).toHaveLength(5_000);
    expect(quality[0].message).toContain('sama dengan baris 2 ');
  });
});
