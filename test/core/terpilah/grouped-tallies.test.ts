/**
 * The grouped report from the tallies and the institution column (core/terpilah/grouped-tallies.ts)
 * against the grouped report from every row (what server/terpilah/instansi.ts groupedPeserta
 * and summariseAll make): the same report sheet, or null (the caller then reads every row).
 */
import fc from 'fast-check';
import { matchHeaders } from '../../../src/core/terpilah/headers';
import { groupedTallySummaries } from '../../../src/core/terpilah/grouped-tallies';
import { InstitutionDirectory, type InstitutionRow } from '../../../src/core/terpilah/instansi-directory';
import { groupInstitutions, ungroupedFindings } from '../../../src/core/terpilah/instansi-grouping';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';
import { reportSheetPlan } from '../../../src/core/terpilah/report-sheet';
import { activityDateResolver, ReportTallies } from '../../../src/core/terpilah/report-tallies';
import { summariseAll } from '../../../src/core/terpilah/summaries';
import { FEMALE_NIK, MALE_NIK } from './cells';

const MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;
const OPTIONS = { firstRow: 2, referenceDate: '2026-12-01', timeZone: 'Asia/Jakarta' };
const HEADER = 'Instansi/OPD';
const column = (header: (typeof PESERTA_HEADERS)[number]) => PESERTA_HEADERS.indexOf(header);

/** Spellings as staff type them: grouped by an alias, by the canonical name, by case or spaces, or not at all. */
const SPELLINGS = [
  '',
  'Dinkes',
  'DINKES',
  'dinkes ',
  'Dinas Kesehatan',
  'dinas  kesehatan',
  'Dinas Kesehatan Kab. Bangka',
  'Bappeda',
  'Badan Perencanaan Pembangunan Daerah',
  'OPD A',
  'opd a',
  'O.P.D. A',
  'Dinas 1971015205900002',
  'Sekolah Rakyat',
];
const UNKNOWNS = ['Tidak diketahui', 'tidak  diketahui', 'Tidak-diketahui'];

const DIRECTORY_ROWS: InstitutionRow[] = [
  { canonical: 'Dinas Kesehatan', alias: 'Dinkes', status: 'Bawaan' },
  { canonical: 'Badan Perencanaan Pembangunan Daerah', alias: 'Bappeda', status: 'Dikonfirmasi' },
  { canonical: 'OPD A', alias: '', status: 'Dikonfirmasi' },
  { canonical: 'Dinas Kesehatan Kabupaten Bangka', alias: 'Dinas Kesehatan Kab. Bangka', status: 'Usulan' },
  { canonical: 'Sekolah Rakyat', alias: 'SR', status: 'Ditolak' },
];

const row = (institutions: readonly string[]) =>
  fc
    .record({
      activity: fc.constantFrom('Rapat PUG', 'Bimtek', ''),
      name: fc.constantFrom('Ana', 'ana', 'Budi', ''),
      nik: fc.constantFrom('', MALE_NIK, FEMALE_NIK),
      sex: fc.constantFrom('L', 'P', ''),
      institution: fc.constantFrom(...institutions),
    })
    .map((r) => {
      const line: unknown[] = PESERTA_HEADERS.map(() => '');
      line[column('Kegiatan')] = r.activity;
      line[column('Nama')] = r.name;
      line[column('NIK')] = r.nik;
      line[column('Jenis kelamin')] = r.sex;
      line[column('Instansi/OPD')] = r.institution;
      return line;
    });

const sheetOf = (summaries: Parameters<typeof reportSheetPlan>[0]) =>
  reportSheetPlan(summaries, 'Laporan Data Terpilah', '2026-12-01T10:00:00+07:00').plan;

/** The grouped report from every row, as the report makes it when it reads `Peserta` whole. */
function fromEveryRow(rows: unknown[][], directory: InstitutionDirectory) {
  const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
  const grouped = groupInstitutions(participants, directory);
  const findings = [...quality, ...ungroupedFindings(grouped.ungrouped, HEADER)].sort(
    (a, b) => a.row - b.row,
  );
  return sheetOf(summariseAll(grouped.participants, findings));
}

/** The tallies of the rows as typed (what the index keeps), then grouped from the column. */
function fromTallies(rows: unknown[][], directory: InstitutionDirectory) {
  const { participants, quality } = normaliseRows(rows, MAPPING, OPTIONS);
  const dateOf = activityDateResolver(OPTIONS.referenceDate, undefined, OPTIONS.timeZone);
  const tallies = ReportTallies.empty(OPTIONS.referenceDate);
  participants.forEach((p) => tallies.add(p, dateOf(p.activity)));
  quality.forEach((f) => tallies.addFinding(f));
  const summaries = groupedTallySummaries(
    ReportTallies.parse(tallies.text())!,
    rows.map((r) => r[column('Instansi/OPD')]),
    directory,
    { header: HEADER, timeZone: OPTIONS.timeZone },
  );
  return summaries && sheetOf(summaries);
}

describe('the grouped report from the tallies', () => {
  test('the report sheet of every row grouped (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row(SPELLINGS), { maxLength: 60 }),
        fc.subarray(DIRECTORY_ROWS),
        (rows, directoryRows) => {
          const directory = new InstitutionDirectory(directoryRows);
          // Without "Tidak diketahui" typed, the column always tells every name.
          expect(fromTallies(rows, directory)).toEqual(fromEveryRow(rows, directory));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('with "Tidak diketahui" typed: the same sheet, or null (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(row([...SPELLINGS, ...UNKNOWNS]), { maxLength: 40 }),
        fc.subarray([
          ...DIRECTORY_ROWS,
          { canonical: 'Tidak diketahui', alias: 'TD', status: 'Dikonfirmasi' },
        ]),
        (rows, directoryRows) => {
          const directory = new InstitutionDirectory(directoryRows);
          const fast = fromTallies(rows, directory);
          if (fast === null) return;
          answered++;
          expect(fast).toEqual(fromEveryRow(rows, directory));
        },
      ),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  test('a spelling the tallies never counted: null', () => {
    const rows = [['Bimtek', 'Ana', '', '', 'L', '', '', '', 'Dinkes', '', '', '', '', '']];
    const directory = new InstitutionDirectory(DIRECTORY_ROWS);
    const tallies = ReportTallies.empty(OPTIONS.referenceDate);
    const { participants } = normaliseRows(rows, MAPPING, OPTIONS);
    participants.forEach((p) => tallies.add(p, OPTIONS.referenceDate));
    const options = { header: HEADER, timeZone: OPTIONS.timeZone };
    expect(groupedTallySummaries(tallies, ['Dinkes'], directory, options)).not.toBeNull();
    expect(groupedTallySummaries(tallies, ['Dinkes', 'Bappeda'], directory, options)).toBeNull();
    // A counted institution no row carries any more: null too.
    expect(groupedTallySummaries(tallies, [''], directory, options)).toBeNull();
  });
});
