/**
 * The sidebar's add reads the spreadsheet's time zone only for a row that has a birth date or a
 * NIK (server/terpilah/add.ts): the warnings of any other row are the same whatever "today" and
 * the zone are. This is what makes skipping that call safe.
 */
import fc from 'fast-check';
import { entryWarnings } from '../../../src/core/terpilah/entry-check';
import { pesertaRowFindings } from '../../../src/core/terpilah/import';
import {
  ATTENDANCE_VALUES,
  pesertaRowOf,
  ROLE_VALUES,
  SEX_VALUES,
  YES_NO_VALUES,
} from '../../../src/core/terpilah/peserta';

const ZONES = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
];
const closed = (values: string[]) => fc.constantFrom('', ...values);
const text = fc.oneof(
  fc.constantFrom('', ' ', '=1+1', '007', 'Dinas Kesehatan'),
  fc.string({ maxLength: 30 }),
);
/** An ISO day between 1900 and 2100, as the add computes "today". */
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const undatedRow = fc
  .record({
    activity: text,
    name: text,
    nip: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{18}$/)),
    sex: closed(SEX_VALUES),
    age: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 130 })),
    role: closed(ROLE_VALUES),
    institution: text,
    position: text,
    regency: text,
    disability: closed(YES_NO_VALUES),
    attendance: closed(ATTENDANCE_VALUES),
  })
  .map((r) =>
    pesertaRowOf({
      Kegiatan: r.activity,
      Nama: r.name,
      NIK: '',
      NIP: r.nip,
      'Jenis kelamin': r.sex,
      'Tanggal lahir': '',
      Umur: r.age,
      Peran: r.role,
      'Instansi/OPD': r.institution,
      Jabatan: r.position,
      'Kabupaten/Kota': r.regency,
      Disabilitas: r.disability,
      Kehadiran: r.attendance,
      Sumber: 'panel',
    }),
  );

test('a row without birth date and NIK: the same warnings for any today and any time zone', () => {
  fc.assert(
    fc.property(
      undatedRow,
      fc.integer({ min: 2, max: 200_000 }),
      fc.tuple(day, fc.constantFrom(...ZONES)),
      fc.tuple(day, fc.constantFrom(...ZONES)),
      (row, at, [dayA, zoneA], [dayB, zoneB]) => {
        const warnings = (referenceDate: string, timeZone: string) =>
          entryWarnings(pesertaRowFindings([row], at, { referenceDate, timeZone }));
        expect(warnings(dayA, zoneA)).toEqual(warnings(dayB, zoneB));
      },
    ),
    { numRuns: 300 },
  );
});

test('the check can fail: a birth date gives warnings that depend on today', () => {
  const row = pesertaRowOf({
    Kegiatan: 'Rapat',
    Nama: 'Ani',
    NIK: '',
    NIP: '',
    'Jenis kelamin': 'P',
    'Tanggal lahir': '2026-06-01',
    Umur: '',
    Peran: '',
    'Instansi/OPD': '',
    Jabatan: '',
    'Kabupaten/Kota': '',
    Disabilitas: '',
    Kehadiran: '',
    Sumber: 'panel',
  });
  const warnings = (referenceDate: string) =>
    entryWarnings(pesertaRowFindings([row], 2, { referenceDate, timeZone: 'Asia/Jakarta' }));
  expect(warnings('2026-01-01')).not.toEqual(warnings('2046-01-01'));
});
