/**
 * The report's tallies (core/terpilah/report-tallies.ts): fed a register's participants and
 * findings in row order, in one go or split and stored as text between the parts (a report, then
 * appends), they make the report sheet summariseAll makes; the text holds no whole NIK.
 */
import fc from 'fast-check';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';
import { reportSheetPlan } from '../../../src/core/terpilah/report-sheet';
import { activityDateResolver, ReportTallies } from '../../../src/core/terpilah/report-tallies';
import { summariseAll } from '../../../src/core/terpilah/summaries';
import { FEMALE_NIK, MALE_NIK } from './cells';

const MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;
const OPTIONS = {
  firstRow: 2,
  referenceDate: '2026-12-01',
  timeZone: 'Asia/Jakarta',
  activityDates: { Bimtek: '2001-06-01' },
};

const cell = (...values: unknown[]) => fc.constantFrom(...values);
const row = fc
  .record({
    activity: cell(
      'Rapat PUG',
      'rapat  pug',
      'Bimtek',
      'Sosialisasi 1971011205900001',
      '',
      'Tidak diketahui',
    ),
    name: cell('Ana', 'ana', 'Budi', '', '!!'),
    nik: cell('', MALE_NIK, FEMALE_NIK, '1971', 1971011205900001, '9971011205900001'),
    sex: cell('L', 'P', 'perempuan', '', 'x'),
    age: cell('', 30, '17 tahun', 'abc', 120),
    role: cell('', 'Peserta', 'Narasumber', 'panitia', 'tamu'),
    institution: cell('', 'OPD A', 'opd  a', 'Dinas 1971015205900002', 'Tidak diketahui'),
    regency: cell('', 'Bangka', 'bangka', 'Kota Lain', 'Pangkalpinang'),
    disability: cell('', 'Ya', 'Tidak', 'mungkin'),
  })
  .map((r) => {
    const line: unknown[] = PESERTA_HEADERS.map(() => '');
    const put = (header: (typeof PESERTA_HEADERS)[number], value: unknown) =>
      (line[PESERTA_HEADERS.indexOf(header)] = value);
    put('Kegiatan', r.activity);
    put('Nama', r.name);
    put('NIK', r.nik);
    put('Jenis kelamin', r.sex);
    put('Umur', r.age);
    put('Peran', r.role);
    put('Instansi/OPD', r.institution);
    put('Kabupaten/Kota', r.regency);
    put('Disabilitas', r.disability);
    return line;
  });

/** The report sheet's values (its second line, the time, is the same: one generatedAt). */
const sheetOf = (summaries: Parameters<typeof reportSheetPlan>[0]) =>
  reportSheetPlan(summaries, 'Laporan Data Terpilah', '2026-12-01T10:00:00+07:00').plan;

describe('report tallies', () => {
  test('one go or in parts through their text: the report sheet of summariseAll (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.nat(40), (rows, cut) => {
        const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
        const expected = sheetOf(summariseAll(participants, quality));
        const dateOf = activityDateResolver(OPTIONS.referenceDate, OPTIONS.activityDates, OPTIONS.timeZone);
        // Rows 2 … cut+1 first, stored as text; then the rest, as appends do.
        const split = cut + 2;
        const first = ReportTallies.empty(OPTIONS.referenceDate);
        participants.filter((p) => p.row < split).forEach((p) => first.add(p, dateOf(p.activity)));
        quality.filter((f) => f.row < split).forEach((f) => first.addFinding(f));
        const text = first.text();
        const again = ReportTallies.parse(text);
        expect(again).not.toBeNull();
        participants.filter((p) => p.row >= split).forEach((p) => again?.add(p, dateOf(p.activity)));
        quality.filter((f) => f.row >= split).forEach((f) => again?.addFinding(f));
        expect(sheetOf(again?.summaries() ?? [])).toEqual(expected);
        // No whole NIK in what the index keeps.
        const digits = (again?.text() ?? '').replace(/[^\d*]/g, '');
        for (const nik of [MALE_NIK, FEMALE_NIK]) expect(digits).not.toContain(nik);
      }),
      { numRuns: 100 },
    );
  });

  test('dates: they match while each activity gets the date it was counted at', () => {
    const { participants } = normaliseRows([['Bimtek', 'Ana']], MAPPING, OPTIONS);
    const tallies = ReportTallies.empty(OPTIONS.referenceDate);
    const dateOf = activityDateResolver(OPTIONS.referenceDate, OPTIONS.activityDates, OPTIONS.timeZone);
    participants.forEach((p) => tallies.add(p, dateOf(p.activity)));
    expect(tallies.dateOf('Bimtek')).toBe('2001-06-01');
    expect(tallies.datesMatch('2027-01-01', { Bimtek: '2001-06-01' }, 'Asia/Jakarta')).toBe(true);
    expect(tallies.datesMatch('2027-01-01', { Bimtek: '2002-06-01' }, 'Asia/Jakarta')).toBe(false);
    expect(tallies.datesMatch('2027-01-01', {}, 'Asia/Jakarta')).toBe(false);
  });

  test('text that is not a whole set of tallies is none', () => {
    const good = ReportTallies.empty('2026-12-01').text();
    expect(ReportTallies.parse(good)).not.toBeNull();
    for (const bad of ['', 'x', '{}', '[]', good.replace('"v":1', '"v":2'), good.replace('"n":0', '"n":"a"')])
      expect(ReportTallies.parse(bad)).toBeNull();
  });
});
