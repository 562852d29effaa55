/**
 * Data terpilah an analyst can defend (issue 13): the report says which values were derived and
 * lists every problem row, figures are numbers with number formats (shown in the spreadsheet's
 * locale), a single activity gets both charts, and the import and the form warn at entry.
 */
import type { AddParticipantResult, ImportPreview, ImportResult } from '../../src/server/api';
import { displayValue } from '../../src/workbench/format/display';
import { newSheetState, type Cell, type SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { seedParticipantRows } from '../../bench/actions/terpilah-report';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf, valuesOf } from './template-helpers';

const PESERTA = 'Peserta';
const REPORT = 'Laporan Data Terpilah';
const NIK_1930 = '1971010101300001'; // man, born 1930-01-01
const NIK_W = '1904014505800001'; // woman, born 1980-05-05

function seedSheet(workbench: Workbench, name: string, rows: Cell['value'][][]): SheetState {
  const sheet = newSheetState(workbench.state.nextId++, name);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  workbench.state.sheets.push(sheet);
  return sheet;
}

/** A messy form export: a blank sex with a NIK, a future birth date, an empty name, a duplicate NIK, an unknown sex. */
const MESSY: Cell['value'][][] = [
  ['Nama', 'L/P', 'NIK', 'Tanggal lahir', 'Instansi'],
  ['Ani', '', NIK_W, '', 'Dinas A'],
  ['Budi', 'L', NIK_1930, '01/01/2030', 'Dinas B'],
  ['', 'P', '', '', 'Dinas C'],
  ['Citra', 'P', NIK_W, '', 'Dinas D'],
  ['Dodi', 'x', '', '1990-01-01', 'Dinas E'],
];

/** `count` register rows after the first, put straight into `Peserta` (as if typed over years). */
function seedRegister(workbench: Workbench, count: number): void {
  const sheet = sheetOf(workbench, PESERTA);
  sheet.rows.length = 2; // the first participant; the seeded rows follow it
  seedParticipantRows(sheet, count);
}

function importMessy(workbench: Workbench): ImportResult {
  seedSheet(workbench, 'Form', MESSY);
  const preview = runOk(workbench, 'previewImport', ['Form']).value as ImportPreview;
  return runOk(workbench, 'importParticipants', [
    { sourceSheet: 'Form', mapping: preview.mapping, activity: 'Bimtek' },
  ]).value as ImportResult;
}

const texts = (sheet: SheetState) =>
  sheet.rows.flatMap((row) => (row ?? []).map((cell) => String(cell?.value ?? '')));

describe('the import warns at entry', () => {
  test('the rows that will be findings are named with their Peserta rows, before any report', () => {
    const workbench = newWorkbench();
    const result = importMessy(workbench);
    expect(result.imported).toBe(5);
    const codes = result.warnings.map((w) => w.replace(/^Baris (\d+): .*$/, '$1'));
    expect(codes).toEqual(expect.arrayContaining(['2', '3', '4', '5', '6']));
    const all = result.warnings.join('\n');
    expect(all).toContain('Baris 2: jenis kelamin kosong; diisi dari NIK (perempuan)');
    expect(all).toContain('Baris 3: tanggal lahir "01/01/2030" sesudah tanggal kegiatan');
    expect(all).toContain('Baris 4: nama kosong.');
    expect(all).toContain('Baris 5: NIK 1904********0001 sama dengan baris 2');
    expect(all).toContain('Baris 6: jenis kelamin "x" tidak dikenali');
    expect(all).not.toContain(NIK_W);
    expect(result.message).toMatch(
      /^5 baris diimpor, 0 dilewati \(sudah ada\)\. Periksa sheet Peserta sebelum membuat laporan; \d+ temuan akan masuk Daftar masalah data \(/,
    );
    expect(result.message).toContain('NIK ganda: 1');
    expect(result.message).toContain('Nama kosong: 1');
    expect(result.message).not.toContain(NIK_W);
  });

  test('in English the wrapper is English (the findings stay as the report says them)', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'setLanguage', ['en']);
    const result = importMessy(workbench);
    expect(result.message).toContain('Check sheet Peserta before creating the report;');
    expect(result.message).toContain('Duplicate NIK: 1');
  });
});

describe('the report shows provenance and every problem row', () => {
  test('derived values are counted per table; a value filled in never hides its finding', () => {
    const workbench = newWorkbench();
    importMessy(workbench);
    runOk(workbench, 'menuTerpilahReport');
    const sheet = sheetOf(workbench, REPORT);
    const all = texts(sheet);
    // All activities' headline block: sex and age sources.
    expect(all).toContain(
      'Asal nilai: jenis kelamin: 3 tertulis, 1 dari NIK, 1 tidak diketahui; umur: 3 dari NIK, 1 dari tanggal lahir, 1 tidak diketahui; NIK: 3 tertulis, 2 tidak diketahui; NIP: 5 tidak diketahui.',
    );
    expect(all).toContain(
      'Asal nilai: jenis kelamin: 3 tertulis, 1 dari NIK, 1 tidak diketahui; instansi: 5 tertulis.',
    );
    // Daftar masalah data: by type, each with its row.
    for (const label of [
      'Jenis kelamin kosong atau tidak dikenali, diisi dari NIK (1)',
      'Tanggal lahir sesudah tanggal kegiatan (1)',
      'Nama kosong (1)',
      'NIK ganda (1)',
      'Jenis kelamin tidak diketahui (1)',
    ])
      expect(all).toContain(label);
    const rows = valuesOf(sheet);
    const futureRow = rows.find((r) => String(r[3]).includes('sesudah tanggal kegiatan'));
    expect(futureRow?.slice(1, 3)).toEqual([3, 'Tanggal lahir']);
    expect(String(futureRow?.[3])).toContain('dipakai umur 96 tahun dari NIK');
  });

  test('every number is a number with a number format; percentages show "45,0%" in id_ID', () => {
    const workbench = newWorkbench();
    const names = ['Ani', 'Budi', 'Cici', 'Dedi', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Ika', 'Joko'];
    const rows: Cell['value'][][] = [['Nama', 'L/P', 'Umur']];
    names.forEach((name, i) => rows.push([name, i < 4 ? 'P' : i < 9 ? 'L' : '', 30 + i]));
    seedSheet(workbench, 'Form', rows);
    runOk(workbench, 'importParticipants', [{ sourceSheet: 'Form', mapping: { name: 0, sex: 1, age: 2 } }]);
    runOk(workbench, 'menuTerpilahReport');
    const sheet = sheetOf(workbench, REPORT);
    const { timeZone, locale } = workbench.state;
    const shown = (r: number, c: number) => displayValue(sheet.rows[r][c], timeZone, locale);
    const header = sheet.rows.findIndex((r) => r?.[1]?.value === 'Kegiatan' && r?.[2]?.value === 'L');
    const total = header + 2; // one activity, then Jumlah
    expect(sheet.rows[total][1]?.value).toBe('Jumlah');
    expect(sheet.rows[total][7]?.value).toBeCloseTo(0.4);
    expect([shown(total, 2), shown(total, 3), shown(total, 5), shown(total, 6), shown(total, 7)]).toEqual([
      '5',
      '4',
      '10',
      '50,0%',
      '40,0%',
    ]);
    expect(shown(total, 8)).toBe('125,0');
    // The sentence under the table rounds as the cell does, with the decimal comma.
    expect(String(sheet.rows[total + 1][1]?.value)).toContain(
      'Perempuan 40,0% dari 10 peserta; laki-laki 50,0%',
    );
    expect(sheet.rows[total + 2][1]?.value).toBe('Kelengkapan data');
    expect(shown(total + 2, 2)).toBe('100,0%');
    for (const row of sheet.rows)
      for (const cell of row ?? [])
        if (typeof cell?.value === 'number') expect(cell.format?.numberFormat).toEqual(expect.any(String));
  });

  test('a single activity gets the sex-by-role chart and the age pyramid', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'addParticipant', [
      { activity: 'Rapat PUG', name: 'Ani', sex: 'P', role: 'Narasumber', age: '40' },
    ]);
    runOk(workbench, 'addParticipant', [
      { activity: 'Rapat PUG', name: 'Budi', sex: 'L', role: 'Peserta', age: '33' },
    ]);
    runOk(workbench, 'generateTerpilahReport', [{ activity: 'Rapat PUG' }]);
    const sheet = sheetOf(workbench, `${REPORT}: Rapat PUG`);
    expect(sheet.charts.map((c) => [c.type, c.options.title, c.options.isStacked])).toEqual([
      ['COLUMN', 'Peserta menurut jenis kelamin dan peran (Rapat PUG)', false],
      ['BAR', 'Piramida umur menurut jenis kelamin (Rapat PUG)', true],
    ]);
    const { rect } = sheet.charts[0].ranges[0]; // 0-based
    expect(valuesOf(sheet)[rect.row].slice(rect.column, rect.column + 3)).toEqual(['Peran', 'L', 'P']);
    expect(rect.numRows).toBe(4); // header + Peserta, Narasumber, Panitia
  });

  test('the quality list of a big register lists 20 rows per type and counts the rest; calls stay flat', () => {
    const calls = [200, 20_000].map((size) => {
      const workbench = newWorkbench();
      runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P', age: '40' }]);
      seedRegister(workbench, size);
      const result = runOk(workbench, 'menuTerpilahReport');
      const sheet = sheetOf(workbench, REPORT);
      const listed = valuesOf(sheet).filter((r) => /^Baris \d+:/.test(String(r[3] ?? '')));
      const types = valuesOf(sheet).filter((r) => /^… dan [\d.]+ baris lain\.$/.test(String(r[0])));
      return {
        calls: result.calls,
        byMethod: result.callsByMethod,
        listed: listed.length,
        more: types.length,
        rows: sheet.rows.length,
      };
    });
    expect(calls[1].listed).toBeLessThanOrEqual(20 * 20);
    expect(calls[1].more).toBeGreaterThan(0);
    expect(calls[1].rows).toBeLessThan(1000);
    expect(calls[1].byMethod).toEqual(calls[0].byMethod);
  }, 60_000);
});

describe('the sidebar form asks before adding a duplicate', () => {
  const add = (workbench: Workbench, request: object) =>
    runOk(workbench, 'addParticipant', [{ activity: 'Rapat PUG', ...request }]).value as AddParticipantResult;

  test('a repeated NIK or name is not written without confirmDuplicate; then it is', () => {
    const workbench = newWorkbench();
    expect(add(workbench, { name: 'Ani', sex: 'P', nik: NIK_W, institution: 'Dinas A' }).row).toBe(2);
    const asked = add(workbench, { name: 'Ana', sex: 'P', nik: '1904 0145 0580 0001' });
    expect(asked).toMatchObject({ row: 0, duplicateOf: [2] });
    expect(asked.message).toBe(
      'Mungkin peserta ganda: NIK sama dengan baris 2. Tetap tambahkan? Baris ganda akan masuk Daftar masalah data.',
    );
    expect(valuesOf(sheetOf(workbench, PESERTA))[2].every((v) => v === '')).toBe(true);
    const byName = add(workbench, { name: ' ani ', sex: 'P', institution: 'dinas a' });
    expect(byName).toMatchObject({ row: 0, duplicateOf: [2] });
    expect(byName.message).toContain('nama dan instansi sama dengan baris 2 pada kegiatan yang sama');
    // Another activity, or another NIK: no question.
    expect(add(workbench, { activity: 'Lain', name: 'Ani', sex: 'P', institution: 'Dinas A' }).row).toBe(3);
    const added = add(workbench, { name: 'Ana', sex: 'P', nik: NIK_W, confirmDuplicate: true });
    expect(added.row).toBe(4);
    expect(added.warnings).toBeUndefined(); // the question said the report will list it
    expect(valuesOf(sheetOf(workbench, PESERTA))[3][1]).toBe('Ana');
  });

  test('the answer names what the report will list: blank sex, a future birth date', () => {
    const workbench = newWorkbench();
    const result = add(workbench, { name: 'Ani', nik: NIK_W, birthDate: '2090-01-01' });
    expect(result.row).toBe(2);
    expect(result.warnings).toEqual([
      expect.stringContaining('Baris 2: jenis kelamin kosong; diisi dari NIK (perempuan)'),
      expect.stringContaining('Baris 2: tanggal lahir "2090-01-01" sesudah tanggal kegiatan'),
    ]);
    expect(result.message).toMatch(
      /^Ani ditambahkan di sheet Peserta, baris 2\. Perhatian: Baris 2: jenis kelamin kosong/,
    );
    expect(result.message).not.toContain(NIK_W);
  });

  test('the duplicate check costs the same calls whatever the register size: one read', () => {
    const calls = [10, 900].map((size) => {
      const workbench = newWorkbench();
      add(workbench, { name: 'Pertama', sex: 'P' });
      seedRegister(workbench, size);
      const request = { activity: 'Rapat PUG', name: 'Baru', sex: 'L', age: '30' };
      const checked = runOk(workbench, 'addParticipant', [request]).callsByMethod;
      const confirmed = runOk(workbench, 'addParticipant', [
        { ...request, name: 'Lagi', confirmDuplicate: true },
      ]);
      return { checked, confirmed: confirmed.callsByMethod };
    });
    expect(calls[1]).toEqual(calls[0]);
    // Nama and NIK in one read (duplicate-reads.ts): no one else is called "Baru".
    const reads = (byMethod: Record<string, number>) =>
      (byMethod['Range.getValues'] ?? 0) + (byMethod['Sheet.getSheetValues'] ?? 0);
    expect(reads(calls[0].checked)).toBe(reads(calls[0].confirmed) + 1);
  });
});
