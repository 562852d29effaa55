/**
 * "Kelompokkan instansi" (the Instansi sheet) and "Ekspor Satu Data", through the real bundle in
 * the workbench: sheet contents, the report using canonical names, and service calls that do not
 * grow with the register.
 */
import { newSheetState, type SheetState } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { seedParticipantRows } from '../../bench/actions/terpilah-report';
import { participantsState, withRegisterCounts } from '../../bench/seed/participants';
import { PESERTA_SPEC_HEADERS } from '../support/peserta-spec';
import { newWorkbench, runOk, uiOf } from '../support/workbench';
import { sheetValues } from './progress-helpers';
import { GENERATED_KEY, sheetNames, sheetOf } from './template-helpers';

const PESERTA = 'Peserta';
const INSTANSI = 'Instansi';
const REPORT = 'Laporan Data Terpilah';
const ALL = 'Satu Data: Semua kegiatan';
const BAPPEDA = 'Badan Perencanaan Pembangunan Daerah Provinsi Kepulauan Bangka Belitung';
const NIK_A = '1904014505800001';
const NIK_B = '1971011203750002';

/** Peserta columns, pinned as the spec (test/support/peserta-spec.ts). */
const HEADERS = PESERTA_SPEC_HEADERS;

type Person = Partial<Record<(typeof HEADERS)[number], string | number>>;

/** Peserta set up by the add-in, then rows put straight in (as typed by staff). */
function withPeserta(people: Person[]): Workbench {
  const workbench = newWorkbench();
  workbench.requireDocumentLockFor([PESERTA, INSTANSI]);
  runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: 'Rapat PUG', sex: 'P', age: '40' }]);
  const sheet = sheetOf(workbench, PESERTA);
  // Row 1 the header, row 2 "Pertama", then these (the formatted grid may already hold empty rows).
  people.forEach((person, i) => {
    sheet.rows[2 + i] = HEADERS.map((h) => ({ value: person[h] ?? '' }));
  });
  sheet.maxRows = Math.max(sheet.maxRows, sheet.rows.length + 1);
  return workbench;
}

const MESSY: Person[] = [
  {
    Kegiatan: 'Rapat PUG',
    Nama: 'Siti Aminah',
    NIK: NIK_A,
    'Jenis kelamin': 'P',
    'Instansi/OPD': 'Bappeda Prov. Babel',
    'Kabupaten/Kota': 'Bateng',
  },
  {
    Kegiatan: 'Rapat PUG',
    Nama: 'Budi Santoso',
    NIK: NIK_B,
    'Jenis kelamin': 'L',
    'Instansi/OPD': 'Bappeda Provinsi Kep. Bangka Belitung',
    'Kabupaten/Kota': 'Pangkal Pinang',
  },
  {
    Kegiatan: 'Bimtek SIGA',
    Nama: 'Rina Marlina',
    'Jenis kelamin': 'P',
    Jabatan: 'Analis',
    'Instansi/OPD': 'Dinas Perhubungan Kab. Bangka Barat',
  },
  {
    Kegiatan: 'Bimtek SIGA',
    Nama: 'Ahmad Fauzi',
    'Jenis kelamin': 'L',
    'Instansi/OPD': 'DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT',
  },
  {
    Kegiatan: 'Bimtek SIGA',
    Nama: 'Dewi Lestari',
    'Jenis kelamin': 'P',
    'Instansi/OPD': 'Dinas Kesehtan Bangka Tengah',
  },
];

/** Runs a menu handler with queued dialog answers; fails the test when the run did not succeed. */
function answered(workbench: Workbench, name: string, answers: { button: string; text?: string }[]) {
  const result = workbench.run(name, [], { answers });
  if (!result.ok) throw new Error(`${name} failed: ${result.error ?? JSON.stringify(result.needsInput)}`);
  return result;
}

const texts = (values: unknown[][] | null) => (values ?? []).flat().map((v) => String(v));
const hasMarker = (sheet: SheetState, key: string) => sheet.developerMetadata.some((m) => m.key === key);

/** The report's institution table: category → Jumlah (column F). */
function institutionTable(workbench: Workbench): Record<string, unknown> {
  const values = sheetValues(workbench, REPORT) ?? [];
  const header = values.findIndex((row) => row[1] === 'Instansi');
  const table: Record<string, unknown> = {};
  for (let r = header + 1; r < values.length && values[r][1] !== 'Jumlah'; r++)
    table[String(values[r][1])] = values[r][5];
  return table;
}

describe('Kelompokkan instansi', () => {
  test('without an Instansi sheet the report is as before: spellings as typed, nothing guessed', () => {
    const workbench = withPeserta(MESSY);
    runOk(workbench, 'menuTerpilahReport');
    const table = institutionTable(workbench);
    expect(table['Bappeda Prov. Babel']).toBe(1);
    expect(table['Bappeda Provinsi Kep. Bangka Belitung']).toBe(1);
    expect(texts(sheetValues(workbench, REPORT)).join('\n')).not.toContain('belum dikelompokkan');
  });

  test('seeds the sheet, suggests groupings, and one "Ya" groups them; the report then uses canonical names', () => {
    const workbench = withPeserta(MESSY);
    const result = answered(workbench, 'menuGroupInstitutions', [{ button: 'YES' }]);
    const [question, done] = uiOf(result, 'alert');
    expect(question.buttons).toBe('YES_NO');
    expect(question.prompt).toContain('Sheet Instansi dibuat dengan');
    expect(question.prompt).toContain(
      '"Dinas Kesehtan Bangka Tengah" → "Dinas Kesehatan Kabupaten Bangka Tengah" (1 baris)',
    );
    expect(question.prompt).toContain(
      '"DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT" → "Dinas Perhubungan Kab. Bangka Barat" (instansi baru) (2 baris)',
    );
    // The Bappeda spellings are grouped by the seed already: nothing to ask about them.
    expect(question.prompt).not.toContain('Bappeda');
    expect(done.prompt).toBe(
      '3 ejaan dikelompokkan di sheet Instansi. Buat ulang laporan untuk memakai nama baku.',
    );

    const sheet = sheetOf(workbench, INSTANSI);
    expect(hasMarker(sheet, 'sopTerpilah.instansi')).toBe(true);
    const values = sheetValues(workbench, INSTANSI) ?? [];
    expect(values[0]).toEqual(['Nama baku', 'Alias', 'Status']);
    expect(values).toContainEqual([BAPPEDA, 'Bappeda', 'Bawaan']);
    expect(values.slice(-3)).toEqual([
      ['Dinas Perhubungan Kab. Bangka Barat', '', 'Dikonfirmasi'],
      ['Dinas Perhubungan Kab. Bangka Barat', 'DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT', 'Dikonfirmasi'],
      ['Dinas Kesehatan Kabupaten Bangka Tengah', 'Dinas Kesehtan Bangka Tengah', 'Dikonfirmasi'],
    ]);

    runOk(workbench, 'menuTerpilahReport');
    const table = institutionTable(workbench);
    expect(table[BAPPEDA]).toBe(2);
    expect(table['Dinas Perhubungan Kab. Bangka Barat']).toBe(2);
    expect(table['Dinas Kesehatan Kabupaten Bangka Tengah']).toBe(1);
    expect(Object.keys(table)).not.toContain('Bappeda Prov. Babel');
    expect(texts(sheetValues(workbench, REPORT)).join('\n')).not.toContain('belum dikelompokkan');

    // Run again: nothing left to group, no dialog but the answer.
    const again = runOk(workbench, 'menuGroupInstitutions');
    expect(uiOf(again, 'alert').map((a) => a.prompt)).toEqual([
      'Semua ejaan instansi di sheet Peserta sudah dikelompokkan.',
    ]);
  });

  test('"Tidak" saves the suggestions as Usulan; the report names the ungrouped spellings; a hand edit confirms', () => {
    const workbench = withPeserta(MESSY);
    const result = answered(workbench, 'menuGroupInstitutions', [{ button: 'NO' }]);
    expect(uiOf(result, 'alert')[1].prompt).toContain(
      '3 usulan disimpan di sheet Instansi dengan status "Usulan"',
    );
    const values = sheetValues(workbench, INSTANSI) ?? [];
    expect(values.slice(-3).map((r) => r[2])).toEqual(['Usulan', 'Usulan', 'Usulan']);

    runOk(workbench, 'menuTerpilahReport');
    const report = texts(sheetValues(workbench, REPORT)).join('\n');
    expect(report).toContain(
      'Baris 5: instansi "Dinas Perhubungan Kab. Bangka Barat" (2 baris, 2 ejaan) belum dikelompokkan di sheet Instansi',
    );
    expect(report).toContain('Baris 7: instansi "Dinas Kesehtan Bangka Tengah" (1 baris)');
    expect(institutionTable(workbench)[BAPPEDA]).toBe(2);
    // Pending suggestions are not asked again.
    expect(uiOf(runOk(workbench, 'menuGroupInstitutions'), 'alert')[0].prompt).toBe(
      '2 usulan masih menunggu di sheet Instansi: ubah Status menjadi "Dikonfirmasi" atau "Ditolak".',
    );

    // The office confirms one row by hand: the report reads it back.
    const sheet = sheetOf(workbench, INSTANSI);
    const typo = sheet.rows.findIndex((row) => row?.[1]?.value === 'Dinas Kesehtan Bangka Tengah');
    sheet.rows[typo][2] = { value: 'Dikonfirmasi' };
    runOk(workbench, 'menuTerpilahReport');
    expect(institutionTable(workbench)['Dinas Kesehatan Kabupaten Bangka Tengah']).toBe(1);
    expect(texts(sheetValues(workbench, REPORT)).join('\n')).not.toContain('Dinas Kesehtan');
  });

  test('a hand-made Instansi sheet is read by its headers; one without "Nama baku" gets a located message', () => {
    const workbench = withPeserta(MESSY);
    answered(workbench, 'menuGroupInstitutions', [{ button: 'NO' }]);
    const sheet = sheetOf(workbench, INSTANSI);
    // Reorder the columns by hand: Status | Nama baku | Alias.
    sheet.rows = sheet.rows.map((row) => [row[2], row[0], row[1]]);
    sheet.rows.push([
      { value: 'Dikonfirmasi' },
      { value: 'Dinas Perhubungan Kabupaten Bangka Barat' },
      { value: 'Dinas Perhubungan Kab. Bangka Barat; DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT' },
    ]);
    runOk(workbench, 'menuTerpilahReport');
    expect(institutionTable(workbench)['Dinas Perhubungan Kabupaten Bangka Barat']).toBe(2);

    sheet.rows[0] = [{ value: 'Foo' }, { value: 'Bar' }, { value: 'Baz' }];
    const refused = runOk(workbench, 'menuTerpilahReport');
    expect(uiOf(refused, 'alert')[0].prompt).toContain(
      'Sheet Instansi, baris 1: kolom "Nama baku" tidak ditemukan (ada: Foo, Bar, Baz)',
    );
    const menu = runOk(workbench, 'menuGroupInstitutions');
    expect(uiOf(menu, 'alert')[0].prompt).toContain(
      'Sheet Instansi, baris 1: kolom "Nama baku" tidak ditemukan',
    );
  });

  test('a hand-made sheet of names only gets Alias and Status columns when suggestions are confirmed', () => {
    const workbench = withPeserta(MESSY);
    const own = newSheetState(workbench.state.nextId++, INSTANSI);
    own.rows = [[{ value: 'Nama Instansi' }], [{ value: 'Dinas Kesehatan Kabupaten Bangka Tengah' }]];
    workbench.state.sheets.push(own);
    answered(workbench, 'menuGroupInstitutions', [{ button: 'YES' }]);
    const values = sheetValues(workbench, INSTANSI) ?? [];
    expect(values[0]).toEqual(['Nama Instansi', 'Alias', 'Status']);
    expect(values).toContainEqual([
      'Dinas Kesehatan Kabupaten Bangka Tengah',
      'Dinas Kesehtan Bangka Tengah',
      'Dikonfirmasi',
    ]);
    // No seed on the office's own list: Bappeda spellings are suggested as they are.
    expect(values.some((row) => row[0] === BAPPEDA)).toBe(false);
  });

  test('a NIK typed into an institution is masked in the dialog and in the Instansi sheet', () => {
    const workbench = withPeserta([{ Kegiatan: 'Rapat PUG', Nama: 'X', 'Instansi/OPD': `Kantor ${NIK_A}` }]);
    const result = answered(workbench, 'menuGroupInstitutions', [{ button: 'NO' }]);
    const [question] = uiOf(result, 'alert');
    expect(question.prompt).toContain('"Kantor 1904********0001"');
    expect(question.prompt).not.toContain(NIK_A);
    expect(texts(sheetValues(workbench, INSTANSI))).toContain('Kantor 1904********0001');
    expect(texts(sheetValues(workbench, INSTANSI)).join('\n')).not.toContain(NIK_A);
  });

  test("a user's own sheet called Instansi with other headers is refused, never rewritten", () => {
    const workbench = withPeserta(MESSY);
    const state = workbench.state;
    const own = newSheetState(state.nextId++, INSTANSI);
    own.rows = [
      [{ value: 'Kode' }, { value: 'Nama OPD' }],
      [{ value: '1' }, { value: 'Dinas A' }],
    ];
    state.sheets.push(own);
    const before = JSON.stringify(sheetValues(workbench, INSTANSI));
    const result = runOk(workbench, 'menuGroupInstitutions');
    expect(uiOf(result, 'alert')[0].prompt).toBe(
      'Sheet Instansi, baris 1: kolom "Nama baku" tidak ditemukan (ada: Kode, Nama OPD). Tambahkan judul kolom "Nama baku", "Alias", "Status".',
    );
    expect(JSON.stringify(sheetValues(workbench, INSTANSI))).toBe(before);
  });
});

describe('Ekspor Satu Data', () => {
  const exportAll = (workbench: Workbench) =>
    answered(workbench, 'menuSatuDataExport', [{ button: 'OK', text: '' }]);

  /** The table below the metadata: header row, then records. */
  function table(values: unknown[][]): Record<string, unknown>[] {
    const header = values.findIndex((row, r) => row[0] === 'Kode wilayah' && values[r - 1]?.[0] === 'DATA');
    return values
      .slice(header + 1)
      .map((row) => Object.fromEntries(values[header].map((h, c) => [String(h), row[c]])));
  }
  const metadata = (values: unknown[][]) =>
    Object.fromEntries(
      values
        .slice(
          3,
          values.findIndex((r) => r[0] === 'DATA'),
        )
        .filter((r) => r[0] !== '')
        .map((r) => [r[0], r[2]]),
    );

  test('all activities: metadata, codes as text, counts as numbers, totals that add up, no personal data', () => {
    const workbench = withPeserta(MESSY);
    answered(workbench, 'menuGroupInstitutions', [{ button: 'YES' }]);
    const result = exportAll(workbench);
    expect(uiOf(result, 'toast')[0].message).toMatch(
      /^Satu Data dibuat: Satu Data: Semua kegiatan \(\d+ baris, 6 peserta\)\.$/,
    );
    const sheet = sheetOf(workbench, ALL);
    expect(hasMarker(sheet, GENERATED_KEY)).toBe(true);
    const values = sheetValues(workbench, ALL) ?? [];
    expect(values[0][0]).toBe('DATA TERPILAH — FORMAT SATU DATA INDONESIA');
    const meta = metadata(values);
    expect(meta).toMatchObject({
      Konsep: 'Peserta Kegiatan',
      Satuan: 'Orang',
      Ukuran: 'Jumlah',
      'Sumber data': 'Sheet Peserta, spreadsheet "Uji"',
      'Jumlah peserta': '6',
      'Penanggung jawab': '(isi: instansi dan unit kerja penanggung jawab data)',
    });
    expect(String(meta['Tanggal pembuatan'])).toMatch(/^\d{1,2} \w+ \d{4} pukul \d\d\.\d\d$/);
    const records = table(values);
    expect(records[0]).toMatchObject({
      'Kode wilayah': '19',
      Kegiatan: 'Semua kegiatan',
      Dimensi: 'Jumlah peserta',
      Kategori: 'Semua peserta',
      'Laki-laki': 2,
      Perempuan: 4,
      'Tidak diketahui': 0,
      Jumlah: 6,
    });
    expect(records).toContainEqual(
      expect.objectContaining({
        'Kode wilayah': '19.04',
        'Nama wilayah': 'Kabupaten Bangka Tengah',
        Kategori: 'Bangka Tengah',
        Kegiatan: 'Rapat PUG',
        Jumlah: 1,
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        'Kode wilayah': '19.71',
        Kategori: 'Pangkalpinang',
        Kegiatan: 'Semua kegiatan',
        Jumlah: 1,
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ Dimensi: 'Instansi', Kategori: BAPPEDA, Jumlah: 2 }),
    );
    const sums = new Map<string, number>();
    for (const r of records) {
      expect(Number(r['Laki-laki']) + Number(r.Perempuan) + Number(r['Tidak diketahui'])).toBe(r.Jumlah);
      const key = `${r.Kegiatan}|${r.Dimensi}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(r.Jumlah));
    }
    const participants: Record<string, number> = { 'Semua kegiatan': 6, 'Rapat PUG': 3, 'Bimtek SIGA': 3 };
    for (const [key, sum] of sums) expect(sum).toBe(participants[key.split('|')[0]]);
    const all = texts(values).join('\n');
    for (const secret of ['Siti', 'Budi', 'Rina', 'Analis', NIK_A, NIK_B, NIK_A.slice(0, 12)])
      expect(all).not.toContain(secret);
  });

  test('one activity; an unknown activity is refused with the names there are', () => {
    const workbench = withPeserta(MESSY);
    answered(workbench, 'menuSatuDataExport', [{ button: 'OK', text: '  Bimtek   SIGA ' }]);
    const records = table(sheetValues(workbench, 'Satu Data: Bimtek SIGA') ?? []);
    expect(new Set(records.map((r) => r.Kegiatan))).toEqual(new Set(['Bimtek SIGA']));
    expect(records[0]).toMatchObject({ Jumlah: 3 });

    const refused = answered(workbench, 'menuSatuDataExport', [{ button: 'OK', text: 'Rapat Lain' }]);
    expect(uiOf(refused, 'alert')[0].prompt).toBe(
      'Kegiatan "Rapat Lain" tidak ada di sheet Peserta. Kegiatan yang ada: "Rapat PUG", "Bimtek SIGA". Tulis namanya persis, atau kosongkan untuk semua kegiatan.',
    );
    const cancelled = answered(workbench, 'menuSatuDataExport', [{ button: 'CANCEL', text: '' }]);
    expect(uiOf(cancelled, 'alert')).toEqual([]);
    expect(sheetNames(workbench).filter((n) => n.startsWith('Satu Data'))).toEqual([
      'Satu Data: Bimtek SIGA',
    ]);
  });

  test("regenerating replaces the add-in's sheet; a user's own sheet of that name is left alone", () => {
    const workbench = withPeserta(MESSY);
    exportAll(workbench);
    exportAll(workbench);
    expect(sheetNames(workbench).filter((n) => n.startsWith('Satu Data'))).toEqual([ALL]);
    const sheet = sheetOf(workbench, ALL);
    sheet.developerMetadata = [];
    sheet.rows = [[{ value: 'catatan saya' }]];
    const result = exportAll(workbench);
    expect(uiOf(result, 'alert')[0].prompt).toBe(
      `Sheet "${ALL}" sudah ada dan bukan buatan add-on, jadi tidak diubah; data ditulis di "${ALL} (2)".`,
    );
    expect(sheetValues(workbench, ALL)).toEqual([['catatan saya']]);
  });

  /** The export's values without its time of making (a full read's export runs a moment later). */
  const exported = (workbench: Workbench) =>
    (sheetValues(workbench, ALL) ?? []).filter((row) => row[0] !== 'Tanggal pembuatan');
  /** The export a full read of Peserta makes: the same workbook without the index. */
  const fullExport = (workbench: Workbench) => {
    const state = structuredClone(workbench.state);
    state.sheets = state.sheets.filter((sheet) => sheet.name !== '_Indeks Peserta');
    const copy = newWorkbench({ state });
    exportAll(copy);
    return exported(copy);
  };

  test('after a report it reads the index (and, grouped, the institution column), not Peserta: the full read’s sheet', () => {
    // 2,000 participants as the add-in keeps them, with the counts index built.
    const workbench = newWorkbench({ state: withRegisterCounts(participantsState(2000)()) });
    const whole = runOk(workbench, 'menuTerpilahReport'); // reads Peserta whole once, keeps the tallies
    expect(whole.cellsRead).toBeGreaterThan(13 * 2000);
    const plain = exportAll(workbench);
    expect(plain.cellsRead).toBeLessThan(200);
    expect(exported(workbench)).toEqual(fullExport(workbench));
    answered(workbench, 'menuGroupInstitutions', [{ button: 'YES' }]);
    const grouped = exportAll(workbench);
    // The index, the Instansi sheet, Peserta's header and its 2,001 institution cells.
    expect(grouped.cellsRead).toBeGreaterThan(2001);
    expect(grouped.cellsRead).toBeLessThan(2001 + 1500);
    expect(exported(workbench)).toEqual(fullExport(workbench));
  });

  test('service calls do not grow: 100 and 10,000 participants cost the same (export and grouping)', () => {
    const calls = [100, 10_000].map((size) => {
      const workbench = newWorkbench();
      runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P', age: '40' }]);
      seedParticipantRows(sheetOf(workbench, PESERTA), size);
      const grouping = answered(workbench, 'menuGroupInstitutions', [{ button: 'YES' }]);
      const exported = exportAll(workbench);
      const again = exportAll(workbench);
      const report = runOk(workbench, 'menuTerpilahReport');
      return {
        grouping: grouping.callsByMethod,
        exported: exported.callsByMethod,
        again: again.calls,
        report: report.calls,
      };
    });
    console.log(
      `service calls, 100 vs 10,000 participants: menuGroupInstitutions ${JSON.stringify([calls[0].grouping, calls[1].grouping].map((c) => Object.values(c).reduce((a, b) => a + b, 0)))}, ` +
        `menuSatuDataExport ${JSON.stringify([calls[0].exported, calls[1].exported].map((c) => Object.values(c).reduce((a, b) => a + b, 0)))}, ` +
        `report ${calls[0].report} vs ${calls[1].report}`,
    );
    expect(calls[1].grouping).toEqual(calls[0].grouping);
    expect(calls[1].exported).toEqual(calls[0].exported);
    expect(calls[1].again).toBe(calls[0].again);
    expect(calls[1].exported['Lock.tryLock']).toBe(1);
  });
});
