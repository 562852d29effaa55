import type {
  AddParticipantRequest,
  ImportPreview,
  ImportResult,
  TerpilahHeadline,
  TerpilahReportResult,
} from '../../src/server/api';
import { newSheetState, type Cell, type SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { seedParticipantRows } from '../../bench/actions/terpilah-report';
import { PESERTA_SPEC_HEADERS } from '../support/peserta-spec';
import { newWorkbench, runOk, uiOf } from '../support/workbench';
import { create, sheetValues } from './progress-helpers';
import { GENERATED_KEY, sheetNames, sheetOf, valuesOf } from './template-helpers';

const PESERTA = 'Peserta';
const REPORT = 'Laporan Data Terpilah';
// The register's columns, pinned as the spec (not imported from core: the test must catch a change).
const HEADERS: readonly string[] = PESERTA_SPEC_HEADERS;
const col = (header: string) => HEADERS.indexOf(header);

/** A workbench where writing `Peserta` outside the document lock fails. */
function pesertaWorkbench(): Workbench {
  const workbench = newWorkbench();
  workbench.requireDocumentLockFor([PESERTA]);
  return workbench;
}

/** Puts a sheet with these values (row 1 first) into the workbook, as a person or a Form would. */
function seedSheet(workbench: Workbench, name: string, rows: Cell['value'][][]): SheetState {
  const state = workbench.state;
  const sheet = newSheetState(state.nextId++, name);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  state.sheets.push(sheet);
  return sheet;
}

const NIK_A = '1904014505800001'; // woman (day 05 + 40), born 1980-05-05, Bangka Tengah
const NIK_B = '1971011203750002'; // man, born 1975-03-12, Pangkalpinang

/** A Google Form's responses, typed the way people type. */
const FORM: Cell['value'][][] = [
  ['Timestamp', 'Nama Lengkap', 'L/P', 'NIK', 'Umur', 'Asal Kabupaten/Kota', 'Instansi/OPD', 'Keterangan'],
  [
    new Date('2026-11-20T02:00:00Z'),
    'Siti Aminah',
    'PEREMPUAN',
    '1904 0145 0580 0001',
    '45 tahun',
    'Bateng',
    'Dinas Kesehatan',
    'Kepala Seksi',
  ],
  [
    new Date('2026-11-20T02:05:00Z'),
    'Budi Santoso',
    'laki2',
    NIK_B,
    51,
    'pangkalpinang',
    'Bappeda',
    'Analis',
  ],
  [new Date('2026-11-20T02:07:00Z'), 'Rina', 'Pr', '', '30', 'Bangka Barat', 'DP3ACSKB', ''],
  ['', '', '', '', '', '', '', ''],
  [new Date('2026-11-20T02:09:00Z'), 'Andi', 'x', '', '', 'Jakarta', 'LSM', ''],
];

function addOk(workbench: Workbench, request: Partial<AddParticipantRequest>) {
  return runOk(workbench, 'addParticipant', [{ name: 'Ana', ...request }]).value as { row: number };
}

describe('Peserta sheet and the sidebar form', () => {
  test('the first participant sets the sheet up: headers, text formats, dropdowns, marker', () => {
    const workbench = pesertaWorkbench();
    create(workbench); // a Kegiatan sheet exists: the activity dropdown follows it
    const result = runOk(workbench, 'addParticipant', [
      {
        activity: 'Rapat Koordinasi PUG 2026',
        name: '=Siti',
        nik: '1904 0145 0580 0001',
        nip: '198005052006042001',
        sex: 'P',
        birthDate: '1980-05-05',
        age: '45',
        role: 'Narasumber',
        institution: 'Dinas Kesehatan',
        position: 'Kepala Seksi',
        regency: 'Bangka Tengah',
        disability: 'Tidak',
        attendance: 'Hadir',
      },
    ]);
    expect(result.value).toMatchObject({ sheetName: PESERTA, row: 2 });
    const sheet = sheetOf(workbench, PESERTA);
    const values = valuesOf(sheet);
    expect(values[0]).toEqual(HEADERS);
    expect(values[1]).toEqual([
      'Rapat Koordinasi PUG 2026',
      '=Siti',
      NIK_A,
      '198005052006042001',
      'P',
      '1980-05-05',
      45,
      'Narasumber',
      'Dinas Kesehatan',
      'Kepala Seksi',
      'Bangka Tengah',
      'Tidak',
      'Hadir',
      'panel',
    ]);
    expect(sheet.rows[1][col('Nama')]?.formula).toBeUndefined();
    expect(sheet.rows[1][col('NIK')]?.format?.numberFormat).toBe('@');
    expect(sheet.rows[500]?.[col('NIP')]?.format?.numberFormat).toBe('@');
    expect(sheet.developerMetadata.map((m) => m.key)).toEqual(['sopTerpilah.peserta']);
    expect(sheet.frozenRows).toBe(1);
    const rules = JSON.stringify(sheet.validations.map((v) => [v.range.column, v.rule]));
    for (const list of [
      ['L', 'P'],
      ['Peserta', 'Narasumber', 'Panitia'],
      ['Ya', 'Tidak'],
      ['Hadir', 'Tidak hadir'],
    ])
      expect(rules).toContain(JSON.stringify(list));
    const activity = sheet.validations.find((v) => v.range.column === col('Kegiatan'));
    expect(activity?.rule.allowInvalid).toBe(true);
    expect(JSON.stringify(activity?.rule.args)).toContain('Kegiatan');
    // The person's sheet is still the active one.
    expect(workbench.state.sheets.find((s) => s.sheetId === workbench.state.activeSheetId)?.name).not.toBe(
      PESERTA,
    );
  });

  test('the form refuses what is not a participant, with a plain message; nothing is written', () => {
    const workbench = pesertaWorkbench();
    const error = (request: Partial<AddParticipantRequest>) => {
      const result = workbench.run('addParticipant', [{ name: 'Ana', ...request }]);
      expect(result.ok).toBe(false);
      return String(result.error);
    };
    expect(error({ name: '  ' })).toContain('Isi nama peserta.');
    expect(error({ nik: '190401450580000' })).toContain(
      'NIK 15 angka, seharusnya 16: periksa lagi dari KTP/KK.',
    );
    expect(error({ nip: '12ab' })).toContain(
      'NIP berisi huruf atau tanda selain angka: tulis 18 angka saja.',
    );
    expect(error({ nip: '1965 0713' })).toContain('NIP 8 angka, seharusnya 18');
    // Pasted from a cell that held the NIK as a number: what is wrong and what to do.
    expect(error({ nik: '1,97101E+15' })).toContain(
      'NIK tertulis sebagai angka (1,97101E+15): digit terakhirnya sudah hilang; ketik NIK lengkap dari dokumen aslinya.',
    );
    expect(error({ sex: 'X' as 'L' })).toContain('Jenis kelamin "X" tidak dikenal: pilih L, P.');
    expect(error({ birthDate: '1980-02-30' })).toContain('Tanggal lahir "1980-02-30" tidak dikenali');
    expect(error({ age: 'tua' })).toContain('Umur "tua" tidak dikenali');
    expect(sheetNames(workbench)).not.toContain(PESERTA);
    expect(addOk(workbench, {}).row).toBe(2);
    expect(addOk(workbench, { name: 'Bu' }).row).toBe(3);
  });

  test("a user's own different sheet named Peserta is refused, never rewritten", () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, PESERTA, [['Daftar hadir rapat'], ['Ani']]);
    const result = workbench.run('addParticipant', [{ name: 'Ana' }]);
    expect(result.ok).toBe(false);
    expect(String(result.error)).toContain('Sheet "Peserta" sudah ada dengan judul kolom lain');
    expect(valuesOf(sheetOf(workbench, PESERTA))).toEqual([['Daftar hadir rapat'], ['Ani']]);
  });
});

describe('import from another sheet', () => {
  test('a messy Form sheet: preview, a corrected mapping, import, and a re-import that duplicates nothing', () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, 'Form Responses 1', FORM);
    expect(runOk(workbench, 'listImportSheets').value).toEqual(['Sheet1', 'Form Responses 1']);

    const preview = runOk(workbench, 'previewImport', ['Form Responses 1']).value as ImportPreview;
    expect(preview.headerRow).toBe(1);
    expect(preview.rowCount).toBe(4);
    expect(preview.headers).toEqual(FORM[0]);
    expect(preview.mapping).toEqual({ name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6 });
    expect(preview.samples[0][3]).toBe('1904********0001');
    expect(JSON.stringify(preview.samples)).not.toMatch(/\d{16}/);
    expect(preview.fields.map((f) => f.field)).toContain('attendance');

    // "Keterangan" holds the position: the person maps it by hand.
    const mapping = { ...preview.mapping, position: 7 };
    const first = runOk(workbench, 'importParticipants', [
      { sourceSheet: 'Form Responses 1', mapping, activity: 'Bimtek PPRG' },
    ]);
    expect(first.value as ImportResult).toMatchObject({
      imported: 4,
      skipped: 0,
      empty: 1,
      // Named before any report: the row the report's data-quality list will name.
      message:
        '4 baris diimpor, 0 dilewati (sudah ada). Periksa sheet Peserta sebelum membuat laporan; 1 temuan akan masuk Daftar masalah data (Jenis kelamin tidak diketahui: 1): Baris 5: jenis kelamin "x" tidak dikenali (dihitung sebagai tidak diketahui).',
    });
    const values = sheetValues(workbench, PESERTA) ?? [];
    expect(values.slice(1).map((row) => row.slice(0, 13))).toEqual([
      [
        'Bimtek PPRG',
        'Siti Aminah',
        NIK_A,
        '',
        'P',
        '',
        45,
        '',
        'Dinas Kesehatan',
        'Kepala Seksi',
        'Bangka Tengah',
        '',
        '',
      ],
      [
        'Bimtek PPRG',
        'Budi Santoso',
        NIK_B,
        '',
        'L',
        '',
        51,
        '',
        'Bappeda',
        'Analis',
        'Pangkalpinang',
        '',
        '',
      ],
      ['Bimtek PPRG', 'Rina', '', '', 'P', '', 30, '', 'DP3ACSKB', '', 'Bangka Barat', '', ''],
      // Unreadable values stay as typed (the dropdown marks them), never dropped.
      ['Bimtek PPRG', 'Andi', '', '', 'x', '', '', '', 'LSM', '', 'Jakarta', '', ''],
    ]);
    const prints = values.slice(1).map((row) => row[col('Sumber')]);
    expect(new Set(prints).size).toBe(4);
    // Version 2: the source's tag, the mapped columns (B-H: not the Timestamp), their cells' hash.
    for (const print of prints) expect(print).toMatch(/^imp2:[0-9a-z]{4}:B-H:[0-9a-z]+$/);

    // Again (even with another mapping): the same rows are recognised and skipped.
    const again = runOk(workbench, 'importParticipants', [
      { sourceSheet: 'Form Responses 1', mapping: preview.mapping },
    ]);
    expect(again.value as ImportResult).toMatchObject({
      imported: 0,
      skipped: 4,
      message: '0 baris diimpor, 4 dilewati (sudah ada).',
    });
    // A new response appended to the form is the only row imported next time.
    sheetOf(workbench, 'Form Responses 1').rows.push(
      [new Date('2026-11-21T01:00:00Z'), 'Dewi', 'Wanita', '', '28', 'Belitung', 'Dinsos', ''].map(
        (value) => ({
          value,
        }),
      ),
    );
    const third = runOk(workbench, 'importParticipants', [
      { sourceSheet: 'Form Responses 1', mapping: preview.mapping, activity: 'Bimtek PPRG' },
    ]);
    expect(third.value as ImportResult).toMatchObject({ imported: 1, skipped: 4 });
    expect(sheetValues(workbench, PESERTA)).toHaveLength(6);
  });

  test('identical rows of an attendance list are all imported the first time, none the second', () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, 'Daftar hadir', [
      ['Nama', 'L/P'],
      ['Budi', 'L'],
      ['Budi', 'L'],
      ['Ani', 'P'],
      ['Budi', 'L'],
      ['Ani', 'P'],
    ]);
    const request = { sourceSheet: 'Daftar hadir', mapping: { name: 0, sex: 1 }, activity: 'Rapat PUG' };
    const first = runOk(workbench, 'importParticipants', [request]).value as ImportResult;
    expect(first).toMatchObject({
      imported: 5,
      skipped: 0,
      warnings: [
        expect.stringMatching(/^Baris 3: nama "Budi" .* sama dengan baris 2/),
        expect.stringMatching(/^Baris 5: nama "Budi" .* sama dengan baris 2/),
        expect.stringMatching(/^Baris 6: nama "Ani" .* sama dengan baris 4/),
      ],
    });
    expect(first.message).toMatch(/^5 baris diimpor, 0 dilewati \(sudah ada\)\. Periksa sheet Peserta/);
    const again = runOk(workbench, 'importParticipants', [request]).value as ImportResult;
    expect(again).toMatchObject({ imported: 0, skipped: 5 });
    const names = (sheetValues(workbench, PESERTA) ?? []).slice(1).map((row) => row[col('Nama')]);
    expect(names).toEqual(['Budi', 'Budi', 'Ani', 'Budi', 'Ani']);
  });

  test('a sheet without a recognisable header says what it found', () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, 'Survei', [
      ['Timestamp', 'Pertanyaan 1', 'Skor'],
      ['2026-11-20', 'Ya', 4],
    ]);
    for (const name of ['previewImport', 'importParticipants']) {
      const result = workbench.run(name, [
        name === 'previewImport' ? 'Survei' : { sourceSheet: 'Survei', mapping: { name: 1 } },
      ]);
      expect(result.ok).toBe(false);
      expect(String(result.error)).toContain(
        'Judul kolom tidak dikenali di sheet Survei. Ditemukan: Timestamp, Pertanyaan 1, Skor. Perlu minimal kolom Nama atau Jenis kelamin.',
      );
    }
    expect(String(workbench.run('previewImport', ['Tidak ada']).error)).toContain(
      'Sheet "Tidak ada" tidak ditemukan.',
    );
    expect(sheetNames(workbench)).not.toContain(PESERTA);
  });

  test('a header below a title row is found; a mapping without name or sex is refused', () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, 'Daftar', [['DAFTAR HADIR'], [], ['No', 'Nama', 'Jenis Kelamin'], [1, 'Ani', 'P']]);
    const preview = runOk(workbench, 'previewImport', ['Daftar']).value as ImportPreview;
    expect(preview).toMatchObject({ headerRow: 3, rowCount: 1, mapping: { name: 1, sex: 2 } });
    const refused = workbench.run('importParticipants', [{ sourceSheet: 'Daftar', mapping: {} }]);
    expect(String(refused.error)).toContain('Pilih kolom untuk Nama atau Jenis kelamin');
  });
});

/** `count` Peserta rows over 4 activities, put straight into the workbook (as if typed over years). */
function seedPeserta(workbench: Workbench, count: number): void {
  runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P', age: '40' }]);
  const sheet = sheetOf(workbench, PESERTA);
  seedParticipantRows(sheet, count);
  // The rows land below the set-up's formatted blank rows: the grid must hold them (as in Sheets).
  sheet.maxRows = Math.max(sheet.maxRows, sheet.rows.length);
}

const everyText = (sheet: SheetState) =>
  sheet.rows.flatMap((row) => (row ?? []).map((cell) => String(cell?.value ?? '')));

describe('Laporan Data Terpilah', () => {
  test('text cells read back exactly as shown: age groups are "0-4", never an escaped "\'0-4"', () => {
    const workbench = pesertaWorkbench();
    seedPeserta(workbench, 10);
    runOk(workbench, 'menuTerpilahReport');
    const texts = everyText(sheetOf(workbench, 'Laporan Data Terpilah'));
    expect(texts).toContain('0-4');
    expect(texts.filter((t) => t.startsWith("'"))).toEqual([]);
  });

  test('the menu writes the report from Peserta: tables, narratives, charts, quality list, NIK masked', () => {
    const workbench = pesertaWorkbench();
    seedSheet(workbench, 'Form Responses 1', FORM);
    const preview = runOk(workbench, 'previewImport', ['Form Responses 1']).value as ImportPreview;
    runOk(workbench, 'importParticipants', [
      { sourceSheet: 'Form Responses 1', mapping: preview.mapping, activity: 'Bimtek PPRG' },
    ]);
    // Contradicts the NIK, and repeats Siti's: added once confirmed.
    addOk(workbench, { activity: 'Rapat PUG', name: 'Joko', sex: 'L', nik: NIK_A, confirmDuplicate: true });
    const result = runOk(workbench, 'menuTerpilahReport');
    expect(uiOf(result, 'alert')).toEqual([]);
    expect(uiOf(result, 'toast')[0].message).toBe('Laporan dibuat: Laporan Data Terpilah (5 peserta).');
    const sheet = sheetOf(workbench, REPORT);
    expect(sheet.developerMetadata.map((m) => m.key)).toEqual([GENERATED_KEY]);
    expect(workbench.state.activeSheetId).toBe(sheet.sheetId);
    const values = valuesOf(sheet);
    // The activity table of all activities: 4 in Bimtek PPRG (2 P... ), 1 in Rapat PUG; totals.
    const header = values.findIndex((row) => row[1] === 'Kegiatan' && row[2] === 'L');
    expect(header).toBeGreaterThan(0);
    const table = values.slice(header + 1, header + 4).map((row) => row.slice(1, 6));
    expect(table).toEqual([
      ['Bimtek PPRG', 1, 2, 1, 4],
      ['Rapat PUG', 1, 0, 0, 1],
      ['Jumlah', 2, 2, 1, 5],
    ]);
    expect(everyText(sheet).some((text) => text.startsWith('Perempuan'))).toBe(true);
    // The data-quality list names the contradiction and the unknown sex, with their rows.
    expect(everyText(sheet).join('\n')).toMatch(/Baris 5|jenis kelamin/i);
    // NIK never appears unmasked.
    for (const text of everyText(sheet)) expect(text.replace(/[\s.-]/g, '')).not.toMatch(/\d{16}/);
    expect(everyText(sheet).join(' ')).not.toContain('0580');
    // Charts: sex per activity (columns) and the age × sex pyramid (stacked bars).
    expect(sheet.charts.map((c) => [c.type, c.options.title, c.options.isStacked])).toEqual([
      ['COLUMN', 'Peserta menurut jenis kelamin per kegiatan', false],
      ['BAR', expect.stringContaining('iramid'), true],
    ]);
    for (const chart of sheet.charts) expect(chart.ranges[0].sheet).toBe(REPORT);

    // Regenerating replaces the add-in's report, and only that.
    runOk(workbench, 'menuTerpilahReport');
    expect(sheetNames(workbench).filter((name) => name.startsWith(REPORT))).toEqual([REPORT]);
  });

  test("one activity from the sidebar; a user's own sheet of the report's name is never touched", () => {
    const workbench = pesertaWorkbench();
    addOk(workbench, { activity: 'Rapat PUG', name: 'Ani', sex: 'P' });
    addOk(workbench, { activity: 'Rapat PUG', name: 'Budi', sex: 'L' });
    addOk(workbench, { activity: 'Lain', name: 'Citra', sex: 'P' });
    const own = seedSheet(workbench, REPORT, [['Catatan saya']]);
    const all = runOk(workbench, 'generateTerpilahReport', [{}]).value as TerpilahReportResult;
    expect(all.sheetName).toBe(`${REPORT} (2)`);
    expect(all.message).toContain('bukan buatan add-on');
    expect(valuesOf(own)).toEqual([['Catatan saya']]);
    const one = runOk(workbench, 'generateTerpilahReport', [{ activity: 'Rapat PUG' }])
      .value as TerpilahReportResult;
    expect(one).toMatchObject({ sheetName: `${REPORT}: Rapat PUG`, participants: 2 });
    expect(everyText(sheetOf(workbench, `${REPORT}: Rapat PUG`))).toContain('Kegiatan: Rapat PUG');
  });

  test('a long activity title: the report sheet name stays within 100 characters, "(2)" too', () => {
    const workbench = pesertaWorkbench();
    const title =
      'Rapat Koordinasi Penguatan Pengarusutamaan Gender (PUG) bagi Perangkat Daerah se-Provinsi Kepulauan Bangka Belitung 2026';
    addOk(workbench, { activity: title, name: 'Ani', sex: 'P' });
    const first = runOk(workbench, 'generateTerpilahReport', [{ activity: title }])
      .value as TerpilahReportResult;
    expect(first.sheetName).toHaveLength(100);
    expect(first.sheetName.startsWith(`${REPORT}: Rapat Koordinasi`)).toBe(true);
    // A user's own sheet of that name: the report goes to "… (2)", cut to fit as well.
    runOk(workbench, 'addParticipant', [{ activity: 'Lain', name: 'Budi', sex: 'L' }]);
    const own = sheetOf(workbench, first.sheetName);
    own.developerMetadata = [];
    const second = runOk(workbench, 'generateTerpilahReport', [{ activity: title }])
      .value as TerpilahReportResult;
    expect(second.sheetName.length).toBeLessThanOrEqual(100);
    expect(second.sheetName.endsWith(' (2)')).toBe(true);
    expect(sheetNames(workbench).every((name) => name.length <= 100)).toBe(true);
  });

  test('without a Peserta sheet the menu says what to do; nothing is written', () => {
    const workbench = pesertaWorkbench();
    const result = runOk(workbench, 'menuTerpilahReport');
    expect(uiOf(result, 'alert')[0].prompt).toContain('Belum ada sheet Peserta.');
    expect(sheetNames(workbench)).toEqual(['Sheet1']);
  });

  test('the headline of one activity for the sidebar', () => {
    const workbench = pesertaWorkbench();
    expect((runOk(workbench, 'terpilahHeadline', ['Rapat PUG']).value as TerpilahHeadline).narrative).toBe(
      'Belum ada peserta tercatat.',
    );
    addOk(workbench, { activity: 'Rapat PUG', name: 'Ani', sex: 'P' });
    addOk(workbench, { activity: 'Rapat PUG', name: 'Budi', sex: 'L' });
    addOk(workbench, { activity: 'Rapat PUG', name: 'Cici', sex: 'P' });
    addOk(workbench, { activity: 'Rapat PUG', name: 'Dedi' });
    addOk(workbench, { activity: 'Lain', name: 'Eko', sex: 'L' });
    const headline = runOk(workbench, 'terpilahHeadline', ['Rapat PUG']);
    expect(headline.value).toEqual({
      activity: 'Rapat PUG',
      participants: 4,
      L: 1,
      P: 2,
      unknown: 1,
      percentP: 50, // of all 4, as the report's total row
      narrative: '4 peserta: 1 laki-laki, 2 perempuan (50,0% perempuan), 1 tidak diketahui.',
    });
    // The first headline stores the counts index (server/terpilah/register-counts.ts); the next
    // ones read it and write nothing.
    const again = runOk(workbench, 'terpilahHeadline', ['Rapat PUG']);
    expect(again.value).toEqual(headline.value);
    expect(Object.keys(again.callsByMethod).some((k) => /set|insert|delete/i.test(k))).toBe(false);
  });

  test('service calls for the report do not grow: 100 and 100,000 participants cost the same', () => {
    const byMethod: Record<string, number>[] = [];
    const calls = [100, 100_000].map((size) => {
      const workbench = newWorkbench();
      seedPeserta(workbench, size);
      const first = runOk(workbench, 'menuTerpilahReport');
      expect(uiOf(first, 'toast')[0].message).toContain(`(${size.toLocaleString('id-ID')} peserta)`);
      const again = runOk(workbench, 'menuTerpilahReport');
      byMethod.push(first.callsByMethod);
      const headline = runOk(workbench, 'terpilahHeadline', ['Kegiatan 1']);
      return { first: first.calls, again: again.calls, headline: headline.calls };
    });
    console.log(
      `menuTerpilahReport service calls: 100 participants ${JSON.stringify(calls[0])}, 100,000 participants ${JSON.stringify(calls[1])}`,
    );
    // The same calls, method by method: the data-quality list is summarised by type (the first
    // rows of each), so even 100,000 participants' report stays under the sheet's 1,000 rows.
    expect(calls[1]).toEqual(calls[0]);
    expect(byMethod[1]).toEqual(byMethod[0]);
    // 61: +1 for the lookup of the `Instansi` sheet (institution grouping, terpilah/instansi.ts).
    // 83: the first report also stores the counts index and the report's tallies (the hidden
    // sheet made, the codes' secret, four writes); the next one reads them: 69.
    expect(calls[1].first).toBeLessThanOrEqual(83);
    expect(calls[1].again).toBeLessThanOrEqual(69);
  }, 120_000);
});

test('import: service calls do not grow with the rows', () => {
  const calls = [10, 5000].map((size) => {
    const workbench = newWorkbench();
    const rows: Cell['value'][][] = [['Nama', 'L/P', 'NIK']];
    for (let i = 0; i < size; i++)
      rows.push([`Orang ${i}`, i % 2 ? 'L' : 'P', `1971014${String(i).padStart(9, '0')}`]);
    seedSheet(workbench, 'Daftar', rows);
    const mapping = { name: 0, sex: 1, nik: 2 };
    const first = runOk(workbench, 'importParticipants', [{ sourceSheet: 'Daftar', mapping }]);
    expect((first.value as ImportResult).imported).toBe(size);
    const again = runOk(workbench, 'importParticipants', [{ sourceSheet: 'Daftar', mapping }]);
    expect((again.value as ImportResult).skipped).toBe(size);
    return { first: first.calls, again: again.calls };
  });
  console.log(
    `importParticipants service calls: 10 rows ${JSON.stringify(calls[0])}, 5,000 rows ${JSON.stringify(calls[1])}`,
  );
  expect(calls[1].again).toEqual(calls[0].again);
});
