/**
 * The data terpilah report within Apps Script's limits: a register too large for one execution is
 * refused before anything is written, with what to do; one activity's report reads only that
 * activity's rows (and the NIK column, for NIKs repeated across activities) and finds exactly what
 * the full read finds.
 */
import type { TerpilahReportResult } from '../../src/server/api';
import { summarise } from '../../src/core/terpilah/summaries';
import { toIsoInZone } from '../../src/core/time';
import { readPeserta } from '../../src/server/terpilah/read';
import { readActivityAll } from '../../src/server/terpilah/read-activity';
import { newSheetState, type Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { inExecution, newWorkbench, runOk, uiOf } from '../support/workbench';
import { sheetNames } from './template-helpers';
import { pesertaWithRows } from './terpilah-helpers';

type Value = Cell['value'];
const PESERTA = 'Peserta';
const NIK_WOMAN = '1904014505800001';
const NIK_MAN = '1971011203750002';

/** Kegiatan, Nama, NIK, NIP, Jenis kelamin, Tanggal lahir, Umur, Peran, Instansi, Jabatan, Kabupaten, Disabilitas, Kehadiran, Sumber. */
function row(activity: Value, name: Value, nik: Value, sex: Value, age: Value = ''): Value[] {
  return [activity, name, nik, '', sex, '', age, 'Peserta', 'Dinkes', '', 'Bateng', 'Tidak', 'Hadir', ''];
}

/** Messy rows over three activities: NIKs repeated within and across activities, names twice, sexes unreadable. */
function messy(count: number): Value[][] {
  const rows: Value[][] = [];
  const activities = ['Rapat PUG', 'Bimtek', ' Rapat  PUG', ''];
  for (let i = 0; i < count; i++)
    rows.push(
      row(
        activities[i % 4],
        i % 9 === 0 ? '' : `Orang ${i % 37}`,
        [NIK_WOMAN, NIK_MAN, '', '123', 1971011203750002][i % 5],
        ['L', 'P', 'x', '', 'PEREMPUAN'][i % 5 === 2 ? 2 : i % 3],
        i % 4 === 0 ? 30 + (i % 20) : '',
      ),
    );
  return rows;
}

describe('one activity’s report reads only its rows', () => {
  test('an activity spread all over the register: read whole instead, never more than the full read', () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      row(i % 2 ? 'Rapat PUG' : 'Bimtek', `Orang ${i}`, '', 'P'),
    );
    const workbench = pesertaWithRows(rows);
    const { value: result, cells } = meterCells(() =>
      runOk(workbench, 'generateTerpilahReport', [{ activity: 'Bimtek' }]),
    );
    expect((result.value as TerpilahReportResult).participants).toBe(200);
    // The header and the activity column, then the register whole once.
    expect(cells.reads).toEqual(['1×14', '400×1', '400×14']);
  });

  test('the same participants and findings as the full read, NIKs repeated across activities included', () => {
    for (const count of [0, 1, 7, 200]) {
      const workbench = pesertaWithRows(messy(count));
      const timeZone = workbench.state.timeZone;
      const options = { referenceDate: toIsoInZone(Date.now(), timeZone).slice(0, 10), timeZone };
      for (const activity of ['Rapat PUG', 'Bimtek', 'Tidak ada']) {
        const { value } = inExecution(workbench, () => {
          const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
          const full = readPeserta(spreadsheet, 'id', options.referenceDate, undefined, timeZone);
          const partial = readActivityAll(spreadsheet, 'id', activity, options, () => undefined);
          return { full, partial };
        });
        const { full, partial } = value;
        if (!full || !partial) throw new Error('no Peserta');
        expect(summarise(partial.participants, partial.quality, activity)).toEqual(
          summarise(full.participants, full.quality, activity),
        );
      }
    }
  });

  test('calls stay the same at 100 and 10,000 participants; cells grow by two a row (activity and NIK)', () => {
    const runs = [100, 10_000].map((count) => {
      const rows = messy(40).concat(
        Array.from({ length: count - 40 }, (_, i) => row('Lain', `Lain ${i}`, '', 'L')),
      );
      const workbench = pesertaWithRows(rows);
      const { value: result, cells } = meterCells(() =>
        runOk(workbench, 'generateTerpilahReport', [{ activity: 'Bimtek' }]),
      );
      expect((result.value as TerpilahReportResult).participants).toBe(10);
      return { result, cells };
    });
    console.log(
      `one-activity report cells: 100 ${JSON.stringify(runs[0].cells.reads)}, 10,000 ${JSON.stringify(runs[1].cells.reads)}`,
    );
    expect(runs[1].result.callsByMethod).toEqual(runs[0].result.callsByMethod);
    expect(runs[1].cells.read - runs[0].cells.read).toBe(2 * (10_000 - 100));
  });
});

/** A hand-made `Peserta` of `rows` rows and `columns` columns (the rest of the header free text). */
function wide(rows: number, columns: number): Workbench {
  const workbench = newWorkbench();
  const sheet = newSheetState(workbench.state.nextId++, PESERTA);
  const header = ['Kegiatan', 'Nama', 'NIK', 'Jenis kelamin'];
  for (let c = header.length; c < columns; c++) header.push(`Catatan ${c}`);
  sheet.rows = [header.map((value) => ({ value }))];
  for (let r = 1; r < rows; r++)
    sheet.rows.push(
      [r % 2 ? 'Rapat PUG' : 'Bimtek', `Orang ${r}`, '', r % 3 ? 'P' : 'L'].map((value) => ({ value })),
    );
  sheet.maxRows = rows;
  sheet.maxColumns = Math.max(sheet.maxColumns, columns);
  workbench.state.sheets.push(sheet);
  return workbench;
}

describe('the size guard', () => {
  test('a register too large for 6 minutes: refused before anything is written, saying what to do', () => {
    const workbench = wide(30_000, 300); // 9 million cells: ~7 minutes of reading alone
    const before = sheetNames(workbench);
    const menu = runOk(workbench, 'menuTerpilahReport');
    const [alert] = uiOf(menu, 'alert');
    expect(alert.prompt).toContain(
      'Peserta terlalu besar untuk satu laporan di Google Sheets: 30.000 baris × 300 kolom',
    );
    expect(alert.prompt).toContain('Tidak ada yang ditulis.');
    expect(alert.prompt).toContain('Buat laporan satu kegiatan saja');
    expect(alert.prompt).toContain('sop-terpilah ringkas');
    expect(sheetNames(workbench)).toEqual(before);
    expect(
      Object.keys(menu.callsByMethod).filter((k) => /\.(set|insert|getValues|getSheetValues)/.test(k)),
    ).toEqual([]);
    // The Satu Data export of every activity reads the report's summaries: refused the same way.
    const satuData = workbench.run('menuSatuDataExport', [], { answers: [{ button: 'OK', text: '' }] });
    expect(satuData.ok).toBe(true);
    const [refused] = uiOf(satuData, 'alert');
    expect(refused.prompt).toContain('Peserta terlalu besar untuk satu ekspor Satu Data di Google Sheets');
    expect(refused.prompt).toContain('Ekspor satu kegiatan saja');
    expect(sheetNames(workbench)).toEqual(before);
    expect(
      Object.keys(satuData.callsByMethod).filter((k) => /\.(set|insert|getValues|getSheetValues)/.test(k)),
    ).toEqual([]);
    const sidebar = workbench.run('generateTerpilahReport', [{}]);
    expect(sidebar.ok).toBe(false);
    expect(String(sidebar.error)).toContain('Peserta terlalu besar');
    // One activity at a time fits: it reads its own rows only.
    const one = runOk(workbench, 'generateTerpilahReport', [{ activity: 'Bimtek' }])
      .value as TerpilahReportResult;
    expect(one.participants).toBe(14_999);
    expect(sheetNames(workbench)).toContain('Laporan Data Terpilah: Bimtek');
  }, 60_000);

  test('English, and a register that fits is reported as before', () => {
    const workbench = wide(2000, 20);
    runOk(workbench, 'setLanguage', ['en']);
    expect(
      (runOk(workbench, 'generateTerpilahReport', [{}]).value as TerpilahReportResult).participants,
    ).toBe(1999);
    const big = wide(30_000, 300);
    runOk(big, 'setLanguage', ['en']);
    expect(String(big.run('generateTerpilahReport', [{}]).error)).toContain(
      'Peserta is too large for one report in Google Sheets: 30.000 rows × 300 columns',
    );
  }, 60_000);
});
