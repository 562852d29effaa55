import { activityListFromRows } from '../../../src/core/progress/views';
import {
  checkedMapping,
  findHeaderRow,
  importIdFindings,
  importPreview,
  importRows,
  plannedDatesByActivity,
  type ImportRowsInput,
  type ImportSource,
} from '../../../src/core/terpilah/import';
import { normaliseRows } from '../../../src/core/terpilah/normalise';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';

const TZ = 'Asia/Jakarta';
const NIK = '1904014505800001';
const HEADER = ['Timestamp', 'Nama Lengkap', 'L/P', 'NIK', 'Umur', 'Peran', 'Hadir?'];
const VALUES: unknown[][] = [
  ['Daftar hadir rapat PUG'],
  HEADER,
  [new Date('2026-11-20T02:00:00Z'), 'Siti Aminah', 'Perempuan', NIK, '46 tahun', 'peserta', 'ya'],
  ['', '', '', '', '', '', ''],
  [new Date('2026-11-20T02:05:00Z'), 'Budi', 'laki2', '', 50, 'Narasumber', 'tidak'],
];

function source(): ImportSource {
  const found = findHeaderRow('Form Responses 1', VALUES);
  if ('notFound' in found) throw new Error(found.notFound);
  return found;
}

function input(overrides: Partial<ImportRowsInput> = {}): ImportRowsInput {
  const { mapping, headerIndex, values } = source();
  const rows = values.slice(headerIndex + 1);
  const firstRow = headerIndex + 2;
  const { participants } = normaliseRows(rows, mapping, { firstRow, referenceDate: '2026-11-24' });
  return {
    sourceSheet: 'Form Responses 1',
    rows,
    firstRow,
    mapping,
    participants,
    activity: 'Rapat PUG',
    timeZone: TZ,
    ...overrides,
  };
}

const cell = (row: unknown[], header: (typeof PESERTA_HEADERS)[number]) =>
  row[PESERTA_HEADERS.indexOf(header)];

describe('findHeaderRow', () => {
  test('the first recognisable row below a title, with its mapping', () => {
    const found = source();
    expect(found.headerIndex).toBe(1);
    expect(found.headers).toEqual(HEADER);
    expect(found.mapping).toMatchObject({ name: 1, sex: 2, nik: 3, age: 4 });
  });

  test('none: the first filled row is named, shortened', () => {
    expect(findHeaderRow('x', [[], ['Kolom A', 'Kolom B']])).toEqual({ notFound: 'Kolom A, Kolom B' });
    const wide = Array.from({ length: 14 }, (_, i) => `K${i + 1}`);
    expect(findHeaderRow('x', [wide])).toEqual({ notFound: `${wide.slice(0, 12).join(', ')}, …` });
    expect(findHeaderRow('x', [])).toEqual({ notFound: '' });
  });
});

describe('importPreview', () => {
  test('the header row 1-based, non-empty rows counted, NIKs masked in the samples', () => {
    const preview = importPreview(source(), TZ);
    expect(preview).toMatchObject({ sourceSheet: 'Form Responses 1', headerRow: 2, rowCount: 2 });
    expect(preview.samples[0]).toEqual([
      '2026-11-20',
      'Siti Aminah',
      'Perempuan',
      '1904********0001',
      '46 tahun',
      'peserta',
      'ya',
    ]);
    expect(preview.fields[0]).toEqual({ field: expect.any(String), label: expect.any(String) });
    expect(JSON.stringify(preview)).not.toContain(NIK);
  });
});

describe('checkedMapping', () => {
  test('only known fields, each an existing column', () => {
    expect(checkedMapping({ name: 1, sex: 9, nik: -1, age: 1.5, bogus: 0, role: '2' }, 5)).toEqual({
      name: 1,
    });
    expect(checkedMapping(null, 5)).toEqual({});
    expect(checkedMapping('name', 5)).toEqual({});
  });
});

describe('importRows', () => {
  test('closed values read, the rest as typed, empty rows counted, every row fingerprinted', () => {
    const out = importRows(input(), []);
    expect(out.empty).toBe(1);
    expect(out.skipped).toBe(0);
    expect(out.rows).toHaveLength(2);
    const [siti, budi] = out.rows;
    expect(siti).toHaveLength(PESERTA_HEADERS.length);
    expect([cell(siti, 'Nama'), cell(siti, 'Jenis kelamin'), cell(siti, 'NIK'), cell(siti, 'Umur')]).toEqual([
      'Siti Aminah',
      'P',
      NIK,
      46,
    ]);
    expect([cell(siti, 'Peran'), cell(siti, 'Kehadiran'), cell(siti, 'Kegiatan')]).toEqual([
      'Peserta',
      'Hadir',
      'Rapat PUG',
    ]);
    expect([cell(budi, 'Jenis kelamin'), cell(budi, 'Peran'), cell(budi, 'Kehadiran')]).toEqual([
      'L',
      'Narasumber',
      'Tidak hadir',
    ]);
    // The print names the mapped columns (B to G: not the Timestamp) and hashes only their cells.
    expect(cell(siti, 'Sumber')).toMatch(/^imp2:[0-9a-z]{4}:B-G:[0-9a-z]+$/);
    const timeChanged = [new Date(0), ...VALUES[2].slice(1)];
    expect(cell(importRows(input({ rows: [timeChanged] }), []).rows[0], 'Sumber')).toBe(cell(siti, 'Sumber'));
  });

  test('rows imported before are skipped; identical rows of one source are each imported once', () => {
    const first = importRows(input(), []);
    const known = [String(cell(first.rows[0], 'Sumber'))];
    expect(importRows(input(), known)).toMatchObject({ skipped: 1, empty: 1 });
    expect(known).toHaveLength(1);
    const twice = input({ rows: [VALUES[2], VALUES[2]] });
    const firstTwice = importRows(twice, []);
    expect(firstTwice).toMatchObject({ skipped: 0 });
    expect(firstTwice.rows).toHaveLength(2);
    const again = importRows(
      twice,
      firstTwice.rows.map((row) => String(cell(row, 'Sumber'))),
    );
    expect(again).toMatchObject({ skipped: 2 });
    expect(again.rows).toHaveLength(0);
  });
});

describe('plannedDatesByActivity', () => {
  test('by id and by name (the first activity of a name wins), only planned ones', () => {
    const item = (id: string, name: string, plannedDate: string) => ({
      id,
      name,
      plannedDate,
      templateName: '',
      place: '',
      personInCharge: '',
      status: 'notStarted' as const,
      percent: 0,
      currentStep: null,
      revisions: 0,
    });
    expect(
      plannedDatesByActivity([
        item('KGT-0002', 'Rapat', '2026-12-02'),
        item('KGT-0001', 'Rapat', '2026-12-01'),
        item('KGT-0003', 'Lain', ''),
      ]),
    ).toEqual({ 'KGT-0002': '2026-12-02', Rapat: '2026-12-02', 'KGT-0001': '2026-12-01' });
    expect(plannedDatesByActivity(activityListFromRows([]))).toEqual({});
  });
});

describe('NIKs in the import', () => {
  test('a header row not found is named with its NIKs masked, before it is cut', () => {
    const found = findHeaderRow('Tanpa judul', [
      ['Budi Santoso', 'L', '1971 0112 0375 0031', 'x'.repeat(120)],
    ]);
    expect(found).toEqual({ notFound: expect.stringContaining('Budi Santoso, L, 1971********0031, xxx') });
  });

  test('a NIK stored as a number stays that number in Peserta; its finding has Peserta’s row', () => {
    const rows: unknown[][] = [['Eko', 'L', 1971011203750030]];
    const mapping = { name: 0, sex: 1, nik: 2 };
    const options = { firstRow: 2, referenceDate: '2026-11-24', timeZone: TZ };
    const { participants } = normaliseRows(rows, mapping, options);
    const out = importRows(
      { sourceSheet: 'Form', rows, firstRow: 2, mapping, participants, activity: 'Rapat', timeZone: TZ },
      [],
    );
    expect(out.rows[0][PESERTA_HEADERS.indexOf('NIK')]).toBe(1971011203750030);
    expect(importIdFindings(out.rows, 7, { referenceDate: '2026-11-24', timeZone: TZ })).toEqual([
      "Baris 7: NIK tertulis sebagai angka (1,97101E+15): Sheets/Excel memotong digit terakhir; ketik ulang NIK sebagai teks (awali dengan ').",
    ]);
  });
});
