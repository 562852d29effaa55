/**
 * UU 27/2022 PDP: a NIK is personal data. `Peserta` keeps it by design (and the import sources
 * the person made hold what they hold); no other sheet, sheet name, chart title, sidebar answer,
 * alert or toast may show a NIK whole. One test per failure a hostile tester found, then a full
 * scenario through the real bundle.
 */
import type {
  ActivityView,
  ImportPreview,
  ImportResult,
  TerpilahHeadline,
  TerpilahReportResult,
} from '../../src/server/api';
import { newSheetState, type Cell } from '../../src/workbench/model';
import type { ExecutionResult, Workbench } from '../../src/workbench/runtime';
import { newWorkbench } from '../support/workbench';
import { setCell, sheetNames, sheetOf, stepsTable, valuesOf } from './template-helpers';

const PESERTA = 'Peserta';
const REPORT = 'Laporan Data Terpilah';

/** Participants' NIKs (valid: Pangkalpinang, born 1975-03-12; 52 = a woman's day 12 + 40). */
const NIK = {
  activity: '1971011203750035',
  budi: '1971011203750031',
  siti: '1971015203750032',
  rina: '1971011203750033',
  andi: '1971011203750034',
  dewi: '1971015203750009',
  eko: '1971011203750018',
  /** Typed into a cell formatted as a number: Sheets keeps 15 significant digits. */
  lost: '1971011203750036',
};
const ALL_NIKS = Object.values(NIK);

/** What a reader sees of a text once separators are taken out: digits and "*" only. */
const squeezed = (text: string) => text.replace(/[^\d*]/g, '');
const leaks = (text: string) => ALL_NIKS.filter((nik) => squeezed(text).includes(nik));

function seedSheet(workbench: Workbench, name: string, rows: Cell['value'][][]): void {
  const sheet = newSheetState(workbench.state.nextId++, name);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  workbench.state.sheets.push(sheet);
}

/** Every run of the scenario, kept: what the sidebar and the menus answered and showed. */
class Recorder {
  readonly results: { name: string; result: ExecutionResult }[] = [];
  constructor(readonly workbench: Workbench) {}
  run(name: string, args: unknown[] = []): ExecutionResult {
    const result = this.workbench.run(name, args);
    this.results.push({ name, result });
    return result;
  }
  ok<T>(name: string, args: unknown[] = []): T {
    const result = this.run(name, args);
    if (!result.ok) throw new Error(`${name} failed: ${result.error}`);
    return result.value as T;
  }
  /** Every text a person was shown: answers serialised, errors, alerts, toasts. */
  shown(): { name: string; text: string }[] {
    return this.results.flatMap(({ name, result }) => [
      { name, text: JSON.stringify(result.value ?? null) },
      { name, text: String(result.error ?? '') },
      ...result.ui.flatMap((event) =>
        event.kind === 'alert'
          ? [{ name, text: `${event.title}\n${event.prompt}` }]
          : event.kind === 'toast'
            ? [{ name, text: `${event.title}\n${event.message}` }]
            : [],
      ),
    ]);
  }
}

/** Every text of every sheet but those named: cells, the sheet's name, its charts' titles. */
function sheetTexts(workbench: Workbench, except: string[]): { sheet: string; text: string }[] {
  return workbench.state.sheets
    .filter((sheet) => !except.includes(sheet.name))
    .flatMap((sheet) => [
      { sheet: sheet.name, text: sheet.name },
      ...sheet.charts.map((chart) => ({ sheet: sheet.name, text: String(chart.options.title ?? '') })),
      ...sheet.rows.flatMap((row) =>
        (row ?? []).map((cell) => ({ sheet: sheet.name, text: String(cell?.value ?? '') })),
      ),
    ]);
}

describe('a NIK is masked in every output of the add-in', () => {
  test('previewImport of a sheet without a header row names what it found, NIK masked (8)', () => {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Tanpa judul', [
      ['Budi Santoso', 'L', NIK.budi, 'Bappeda'],
      ['Siti', 'P', NIK.siti, 'Dinkes'],
    ]);
    for (const [name, args] of [
      ['previewImport', ['Tanpa judul']],
      ['importParticipants', [{ sourceSheet: 'Tanpa judul', mapping: { name: 0 } }]],
    ] as const) {
      const result = workbench.run(name, [...args]);
      expect(result.ok).toBe(false);
      expect(result.error).toContain('Ditemukan: Budi Santoso, L, 1971********0031, Bappeda.');
      expect(leaks(String(result.error))).toEqual([]);
    }
  });

  test('preview samples mask a NIK in every column, not only the NIK column (9)', () => {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Daftar', [
      ['Nama', 'L/P', 'NIK', 'Keterangan', 'Nomor surat'],
      [
        'Budi',
        'L',
        NIK.budi,
        `NIK ${NIK.siti.replace(/(\d{4})(?!$)/g, '$1 ')} (lama)`,
        'no. 1971-0112-0375-0033/2020',
      ],
    ]);
    const preview = workbench.run('previewImport', ['Daftar']).value as ImportPreview;
    expect(preview.samples[0]).toEqual([
      'Budi',
      'L',
      '1971********0031',
      'NIK 1971********0032 (lama)',
      'no. 1971********0033/2020',
    ]);
  });

  test('an institution holding a NIK and a year is masked in every report cell (10)', () => {
    const workbench = newWorkbench();
    workbench.run('addParticipant', [
      { activity: 'Rapat', name: 'Andi', sex: 'L', institution: 'Dinas 1971 0112 0375 0034 2024' },
    ]);
    const result = workbench.run('menuTerpilahReport');
    expect(result.ok).toBe(true);
    const texts = valuesOf(sheetOf(workbench, REPORT)).flat().map(String);
    expect(
      texts.filter((text) => text.includes('Dinas 1971********0034 2024')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(texts.flatMap(leaks)).toEqual([]);
  });

  test('an activity named with a NIK: sheet name, toast, chart title and headline masked (11)', () => {
    const workbench = newWorkbench();
    const activity = `Pelatihan ${NIK.activity}`;
    workbench.run('addParticipant', [{ activity, name: 'Siti', sex: 'P', age: '40' }]);
    const report = workbench.run('generateTerpilahReport', [{ activity }]);
    const value = report.value as TerpilahReportResult;
    expect(value.sheetName).toBe(`${REPORT}: Pelatihan 1971********0035`);
    expect(sheetNames(workbench)).toContain(`${REPORT}: Pelatihan 1971********0035`);
    const toast = report.ui.find((event) => event.kind === 'toast');
    expect(toast && 'message' in toast ? toast.message : '').toContain('Pelatihan 1971********0035');
    const charts = sheetOf(workbench, value.sheetName).charts.map((chart) => String(chart.options.title));
    expect(charts.some((title) => title.includes('(Pelatihan 1971********0035)'))).toBe(true);
    const headline = workbench.run('terpilahHeadline', [activity]).value as TerpilahHeadline;
    expect(headline).toMatchObject({ activity: 'Pelatihan 1971********0035', participants: 1 });
  });

  test('an activity created with a NIK in its name keeps the masked name in Kegiatan, Langkah and Riwayat (11)', () => {
    const workbench = newWorkbench();
    const view = workbench.run('createActivity', [
      {
        name: `Pelatihan ${NIK.activity}`,
        templateId: 'builtin:penguatan-pug',
        plannedDate: '2026-11-24',
        place: '',
        personInCharge: '',
      },
    ]).value as ActivityView;
    expect(view.activity.name).toBe('Pelatihan 1971********0035');
    for (const sheet of ['Kegiatan', 'Langkah', 'Riwayat'])
      expect(valuesOf(sheetOf(workbench, sheet)).flat().map(String).flatMap(leaks)).toEqual([]);
    expect(valuesOf(sheetOf(workbench, 'Kegiatan')).flat()).toContain('Pelatihan 1971********0035');
  });

  test('a template named with a NIK, and its problems and SOP, never show it whole; the NIP stays', () => {
    const workbench = newWorkbench();
    const created = workbench.run('createTemplate', [{ name: `SOP ${NIK.eko}`, from: 'builtin' }]);
    const { sheetName } = created.value as { sheetName: string };
    expect(sheetName).toBe('Template: SOP 1971********0018');
    const listed = workbench.run('listTemplates').value as { name: string }[];
    expect(listed.map((template) => template.name)).toContain('SOP 1971********0018');
    const template = sheetOf(workbench, sheetName);
    const { header, column } = stepsTable(template);
    setCell(template, header + 1, column('Waktu (menit)'), `NIK ${NIK.budi}`);
    const refused = workbench.run('generateSop', [`sheet:${sheetName}`]);
    expect(JSON.stringify(refused.value)).toContain('waktu \\"NIK 1971********0031\\" tidak terbaca');
    setCell(template, header + 1, column('Waktu (menit)'), 60);
    const sop = workbench.run('generateSop', [`sheet:${sheetName}`]).value as { sheetName: string };
    expect(sop.sheetName).toBe('SOP: SOP 1971********0018');
    const texts = valuesOf(sheetOf(workbench, sop.sheetName)).flat().map(String);
    expect(texts.flatMap(leaks)).toEqual([]);
    expect(texts.join('\n')).toContain('NIP. 19650713 199203 2 002');
    expect(leaks(JSON.stringify([created.value, listed, refused.value, sop]))).toEqual([]);
  });

  test('a NIK stored as a number is kept as that number and warned about, as the report says it (4)', () => {
    const workbench = newWorkbench();
    seedSheet(workbench, 'Form', [
      ['Nama', 'L/P', 'NIK'],
      ['Dewi', 'P', NIK.dewi],
      ['Eko', 'L', 1971011203750030],
    ]);
    const result = workbench.run('importParticipants', [
      { sourceSheet: 'Form', mapping: { name: 0, sex: 1, nik: 2 } },
    ]).value as ImportResult;
    const finding =
      "Baris 3: NIK tertulis sebagai angka (1,97101E+15): Sheets/Excel memotong digit terakhir; ketik ulang NIK sebagai teks (awali dengan ').";
    expect(result.warnings).toEqual([finding]);
    expect(result.message).toBe(
      `2 baris diimpor, 0 dilewati (sudah ada). Periksa sheet Peserta sebelum membuat laporan; 1 temuan akan masuk Daftar masalah data (NIK tersimpan sebagai angka: 1): ${finding}`,
    );
    // Peserta holds what the source held: the number, not plausible digits.
    expect(valuesOf(sheetOf(workbench, PESERTA))[2][2]).toBe(1971011203750030);
    workbench.run('menuTerpilahReport');
    expect(valuesOf(sheetOf(workbench, REPORT)).flat()).toContain(finding);
  });
});

test('scenario: NIKs typed everywhere stay whole only in Peserta and the sources the person made', () => {
  const workbench = newWorkbench();
  const rec = new Recorder(workbench);
  const spaced = (nik: string) => nik.replace(/(\d{4})(?!$)/g, '$1 ');
  const activityTyped = `Pelatihan ${NIK.activity}`;

  rec.ok('getSidebarState');
  const view = rec.ok<ActivityView>('createActivity', [
    {
      name: activityTyped,
      templateId: 'builtin:penguatan-pug',
      plannedDate: '2026-11-24',
      place: `Aula, kontak NIK ${spaced(NIK.budi)}`,
      personInCharge: `Ana ${NIK.siti}`,
    },
  ]);
  const activity = view.activity.name;
  rec.ok('logStep', [
    {
      activityId: view.activity.id,
      step: 1,
      action: 'start',
      at: '2026-11-24 08:00',
      person: `Budi ${NIK.budi}`,
    },
  ]);
  rec.ok('logStep', [
    {
      activityId: view.activity.id,
      step: 1,
      action: 'finish',
      at: '2026-11-24 09:00',
      evidence: `KTP ${NIK.rina.replace(/(\d{4})(?!$)/g, '$1-')}`,
    },
  ]);
  rec.ok('logStep', [{ activityId: view.activity.id, step: 2, action: 'start', at: '2026-11-24 09:10' }]);
  rec.ok('logStep', [
    {
      activityId: view.activity.id,
      step: 2,
      action: 'revise',
      at: '2026-11-24 09:30',
      note: `Perbaiki data NIK ${NIK.andi} 2024`,
    },
  ]);
  // A refusal quoting what was typed.
  rec.run('logStep', [{ activityId: view.activity.id, step: 99, action: 'start', note: NIK.andi }]);

  // Participants from the form: NIKs in the NIK column and in name, institution and position.
  rec.ok('addParticipant', [
    {
      activity,
      name: `Budi ${NIK.budi}`,
      nik: spaced(NIK.budi),
      sex: 'L',
      institution: `Dinas ${spaced(NIK.andi)} 2024`,
      position: `no. ${NIK.rina.replace(/(\d{4})(?!$)/g, '$1-')}/2020`,
    },
  ]);
  rec.ok('addParticipant', [
    {
      activity: activityTyped,
      name: 'Siti',
      nik: NIK.siti,
      sex: 'P',
      institution: `Bappeda ${NIK.siti.replace(/(\d{4})(?!$)/g, '$1/')}`,
    },
  ]);
  rec.run('addParticipant', [{ activity, name: 'Salah', nik: `${NIK.eko}1` }]);

  // Import: a sheet without a header (refused, quoting it), then one with a header.
  seedSheet(workbench, 'Tanpa judul', [
    ['Rina', 'P', NIK.rina, 'Dinas Sosial'],
    ['Andi', 'L', NIK.andi, 'Dinkes'],
  ]);
  rec.run('previewImport', ['Tanpa judul']);
  rec.run('importParticipants', [{ sourceSheet: 'Tanpa judul', mapping: { name: 0 } }]);
  seedSheet(workbench, 'Form Peserta', [
    ['Nama', 'L/P', 'NIK', 'Instansi', 'Jabatan', 'Keterangan', 'Kegiatan'],
    [
      'Dewi',
      'P',
      NIK.dewi,
      `Dinas ${spaced(NIK.dewi)} 2024`,
      `Staf (NIK ${NIK.dewi})`,
      `lama: ${NIK.dewi}`,
      activityTyped,
    ],
    ['Eko', 'L', NIK.eko, 'Dinkes', '', `catatan ${spaced(NIK.eko)}`, activity],
    ['Tono', 'L', 1971011203750030, 'Bappeda', '', '', activity],
  ]);
  expect(rec.ok<string[]>('listImportSheets')).toEqual(['Sheet1', 'Tanpa judul', 'Form Peserta']);
  const preview = rec.ok<ImportPreview>('previewImport', ['Form Peserta']);
  const imported = rec.ok<ImportResult>('importParticipants', [
    { sourceSheet: 'Form Peserta', mapping: { ...preview.mapping, position: 4 } },
  ]);
  expect(imported.imported).toBe(3);
  expect(imported.warnings).toHaveLength(1);

  // Reports, headline, monitoring, rebuild, and the sidebar's reads.
  rec.ok('terpilahHeadline', [activity]);
  rec.ok('terpilahHeadline', [activityTyped]);
  rec.ok('generateTerpilahReport', [{}]);
  rec.ok('generateTerpilahReport', [{ activity }]);
  rec.ok('generateTerpilahReport', [{ activity: activityTyped }]);
  rec.ok('menuTerpilahReport');
  rec.ok('menuMonitoringReport');
  rec.ok('menuRebuildProgress');
  rec.ok('generateSop', ['builtin:penguatan-pug']);
  rec.ok('listActivities');
  rec.ok('getActivity', [view.activity.id]);
  rec.ok('getSidebarState');

  // Peserta keeps the NIKs whole, by design; the sources keep what the person typed.
  const peserta = valuesOf(sheetOf(workbench, PESERTA)).flat().map(String).join('\n');
  for (const nik of [NIK.budi, NIK.siti, NIK.dewi, NIK.eko]) expect(peserta).toContain(nik);

  // Nowhere else: no cell, sheet name or chart title; no answer, error, alert or toast.
  const sources = ['Tanpa judul', 'Form Peserta'];
  expect(sheetTexts(workbench, [PESERTA, ...sources]).filter(({ text }) => leaks(text).length > 0)).toEqual(
    [],
  );
  expect(rec.shown().filter(({ text }) => leaks(text).length > 0)).toEqual([]);

  // What is not a NIK is kept: the SOP's signatory NIP, the masked names staff can still read.
  const sop = sheetNames(workbench).find((name) => name.startsWith('SOP: ')) ?? '';
  expect(valuesOf(sheetOf(workbench, sop)).flat().map(String).join('\n')).toContain(
    'NIP. 19650713 199203 2 002',
  );
  expect(sheetNames(workbench)).toContain(`${REPORT}: Pelatihan 1971********0035`);
  expect(
    rec
      .shown()
      .map(({ text }) => text)
      .join('\n'),
  ).toContain('Pelatihan 1971********0035');
  // The warning the import gave is the report's finding, word for word.
  const report = valuesOf(sheetOf(workbench, REPORT)).flat().map(String);
  expect(report).toContain(imported.warnings[0]);
});
