/**
 * The command line, run as built (build/cli/sop-terpilah.js; jest's globalSetup builds it) on
 * CSV and XLSX fixtures written to a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { summariseAll } from '../../src/core/terpilah/summaries';
import type { TerpilahSummary } from '../../src/core/terpilah/model';
import { jsonSummary, toMaskedJson } from '../../src/cli/main';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const DATE = '2024-06-01';
const NIK = '1971014505900001'; // Pangkalpinang, perempuan, lahir 5 Mei 1990

const HEADER = ['No', 'Nama', 'Jenis Kelamin', 'NIK', 'Umur', 'Instansi'];
const DATA = [
  ['1', 'Siti Aminah', 'P', NIK, '34', 'Dinas Kesehatan'],
  ['2', 'Budi Santoso', 'L', '', '45', 'Bappeda'],
  ['3', 'Rina Marlina', 'Perempuan', '', '28', 'Dinas Kesehatan'],
  ['4', 'Ahmad Fauzi', 'laki-laki', '', '61', 'Bappeda'],
  ['5', 'Dewi Lestari', 'Wanita', '', '17', 'Dinas Pendidikan'],
];

let dir: string;
const file = (name: string) => join(dir, name);

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const csv = (rows: string[][], delimiter: string) =>
  rows.map((row) => row.map((v) => (v.includes(delimiter) ? `"${v}"` : v)).join(delimiter)).join('\r\n') +
  '\r\n';

/** The figures of a summary list (JSON round trip, NIK masked as the CLI prints them). */
const figures = (summaries: TerpilahSummary[]) => JSON.parse(toMaskedJson(summaries.map(jsonSummary)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-cli-'));
  writeFileSync(file('comma.csv'), csv([HEADER, ...DATA], ','));
  writeFileSync(file('semicolon-bom.csv'), '\uFEFF' + csv([HEADER, ...DATA], ';'));
  writeFileSync(file('unknown.csv'), 'Foo,Bar Baz,Qux\n1,2,3\n');
  writeFileSync(file('empty.csv'), '');
  writeFileSync(file('data.txt.json'), '{}');
  // As Excel on Windows saves "CSV": Windows-1252, "é" as one byte.
  writeFileSync(
    file('latin1.csv'),
    Buffer.from('Nama;Jenis Kelamin;Instansi\r\nAndré;L;Café Dinas\r\n', 'latin1'),
  );
  writeFileSync(
    file('utf16.csv'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([HEADER, ...DATA], ';'), 'utf16le')]),
  );
  writeFileSync(file('binary.csv'), Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(file('renamed-xlsx.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  writeFileSync(
    file('wide.csv'),
    Array.from({ length: 200_000 }, (_, i) => `Kolom ${i}`).join(',') + '\n1\n',
  );

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Peserta');
  sheet.addRow(HEADER);
  // XLSX as staff keep it: numbers as numbers, the NIK as text.
  for (const row of DATA) sheet.addRow([Number(row[0]), row[1], row[2], row[3], Number(row[4]), row[5]]);
  await workbook.xlsx.writeFile(file('peserta.xlsx'));

  // Birth dates typed as dates: exceljs reads them back as Dates, as Sheets gives Dates.
  const dated = new ExcelJS.Workbook();
  const datedSheet = dated.addWorksheet('Daftar hadir');
  datedSheet.addRow(['Nama', 'L/P', 'Tanggal Lahir']);
  datedSheet.addRow(['Siti', 'P', new Date(Date.UTC(1990, 4, 5))]);
  datedSheet.addRow(['Budi', 'L', new Date(Date.UTC(2010, 0, 31))]);
  await dated.xlsx.writeFile(file('dated.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sop-terpilah ringkas', () => {
  test('the build produces an executable bundle with a node shebang', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('prints the tables of a comma CSV: 5 participants, 3 P and 2 L', () => {
    const { code, stdout, stderr } = cli('ringkas', file('comma.csv'), '--tanggal', DATE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Perempuan 60,0% dari 5 peserta');
    // The sex line: L | P | Tidak diketahui | Jumlah | %L | %P | Rasio JK.
    expect(stdout).toMatch(/Jenis kelamin\s*\|\s*2 \|\s*3 \|\s*0 \|\s*5 \|\s*40,0% \|\s*60,0% \|\s*66,7/);
    expect(stdout).toMatch(/Jumlah\s*\|\s*2 \|\s*3 \|\s*0 \|\s*5 \|/);
    expect(stdout).toContain('Kelengkapan / completeness:');
    expect(stdout).toContain('Kualitas data / data quality');
    // NIK is personal data: never printed unmasked.
    expect(stdout).not.toContain(NIK);
  });

  test('prints where the values came from, as the report sheet does; --json carries the counts', () => {
    const { stdout } = cli('ringkas', file('comma.csv'), '--tanggal', DATE);
    // "Wanita" is a corrected spelling; 4 sexes as typed; one NIK, four without.
    expect(stdout).toContain('Asal nilai: jenis kelamin: 4 tertulis, 1 ejaan dibakukan;');
    expect(stdout).toContain('NIK: 1 tertulis, 4 tidak diketahui;');
    const json = JSON.parse(cli('ringkas', file('comma.csv'), '--json', '--tanggal', DATE).stdout);
    const all = json.summaries.find((s: TerpilahSummary) => s.activity === null) ?? json.summaries[0];
    expect(all.provenance.sex).toMatchObject({ read: 4, corrected: 1 });
  });

  test('--json gives the figures of the core run directly on the same rows', () => {
    const { code, stdout } = cli('ringkas', file('comma.csv'), '--json', '--tanggal', DATE);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(stdout).not.toContain(NIK);
    const { mapping } = matchHeaders(HEADER);
    const { participants, quality } = normaliseRows(DATA, mapping, { firstRow: 2, referenceDate: DATE });
    expect(output.summaries).toEqual(figures(summariseAll(participants, quality)));
    const all = output.summaries.find((s: TerpilahSummary) => s.activity === null) ?? output.summaries[0];
    expect(all.participants).toBe(5);
    expect(all.sex).toMatchObject({ L: 2, P: 3, unknown: 0, total: 5 });
  });

  test('a semicolon CSV with a UTF-8 BOM and an XLSX give the same figures as the comma CSV', () => {
    const reference = JSON.parse(cli('ringkas', file('comma.csv'), '--json', '--tanggal', DATE).stdout);
    for (const name of ['semicolon-bom.csv', 'peserta.xlsx']) {
      const { code, stdout, stderr } = cli('ringkas', file(name), '--json', '--tanggal', DATE);
      expect({ name, code, stderr }).toEqual({ name, code: 0, stderr: '' });
      const output = JSON.parse(stdout);
      expect(output.columns.mapping).toEqual(reference.columns.mapping);
      expect(output.summaries).toEqual(reference.summaries);
    }
  });

  test('XLSX dates are read as dates: ages at the reference date', () => {
    const { code, stdout } = cli('ringkas', file('dated.xlsx'), '--json', '--tanggal', DATE);
    expect(code).toBe(0);
    const [all] = JSON.parse(stdout).summaries as TerpilahSummary[];
    const ages = all.tables.find((t) => t.dimension === 'ageGroup')!;
    expect(ages.rows.find((r) => r.category === '30-34')).toMatchObject({ P: 1, total: 1 });
    expect(ages.rows.find((r) => r.category === '10-14')).toMatchObject({ L: 1, total: 1 });
    expect(ages.completeness).toBe(100);
  });

  test('--out writes the report workbook', async () => {
    const out = file('laporan.xlsx');
    const { code, stdout } = cli('ringkas', file('peserta.xlsx'), '--out', out, '--tanggal', DATE);
    expect(code).toBe(0);
    expect(stdout).toContain(out);
    // exceljs cannot draw the report's charts: said on screen and on a note sheet.
    expect(stdout).toMatch(/grafik tidak digambar/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Laporan Data Terpilah');
    expect(sheet).toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts[0]).toBe('LAPORAN DATA TERPILAH'); // the report title in A1
    // A total row of a table: "Jumlah" followed by 2, 3, 0, 5.
    let totalFound = false;
    sheet!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      const at = values.findIndex((v) => v === 'Jumlah');
      if (at >= 0 && values[at + 1] === 2 && values[at + 2] === 3 && values[at + 4] === 5) totalFound = true;
    });
    expect(totalFound).toBe(true);
    expect(texts.join('\n')).not.toContain(NIK);
    expect(String(workbook.getWorksheet('Catatan')?.getCell('A1').value)).toMatch(/grafik tidak digambar/);
  });

  test('an unrecognised header exits 2 and names the headers found', () => {
    const { code, stdout, stderr } = cli('ringkas', file('unknown.csv'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"Foo", "Bar Baz", "Qux"');
    expect(stderr).toMatch(/tidak dikenali/);
  });

  test('a missing, empty or unsupported file exits 2 with a clear message', () => {
    const missing = cli('ringkas', file('tidak-ada.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('tidak ditemukan / file not found');
    expect(missing.stderr).toContain('tidak-ada.csv');
    const empty = cli('ringkas', file('empty.csv'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('kosong / empty');
    const unsupported = cli('ringkas', file('data.txt.json'));
    expect(unsupported.code).toBe(2);
    expect(unsupported.stderr).toContain('.json');
  });

  test('a Windows-1252 CSV is decoded, with a warning naming the encoding', () => {
    const { code, stdout, stderr } = cli('ringkas', file('latin1.csv'), '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('Windows-1252');
    expect(stdout).toContain('Café Dinas');
    expect(stdout).not.toContain('\ufffd');
  });

  test('a UTF-16 CSV gives the same figures as the UTF-8 one', () => {
    const utf16 = cli('ringkas', file('utf16.csv'), '--json', '--tanggal', DATE);
    const utf8 = cli('ringkas', file('comma.csv'), '--json', '--tanggal', DATE);
    expect(utf16.code).toBe(0);
    expect(utf16.stderr).toContain('UTF-16 LE');
    expect(JSON.parse(utf16.stdout).summaries).toEqual(JSON.parse(utf8.stdout).summaries);
  });

  test('binary content is refused in one short line, never echoed', () => {
    for (const [name, expected] of [
      ['binary.csv', 'biner / its content is binary'],
      ['renamed-xlsx.csv', '.xlsx'],
    ]) {
      const { code, stdout, stderr } = cli('ringkas', file(name));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(expected);
      expect(stderr.length).toBeLessThan(300);
    }
  });

  test('a header of 200,000 fields is named by its first few, not echoed whole', () => {
    const { code, stderr } = cli('ringkas', file('wide.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain('"Kolom 0"');
    expect(stderr).toContain('199988 lainnya / more');
    expect(stderr.length).toBeLessThan(2000);
  });

  test('--out naming the input file is refused: the register is never overwritten', () => {
    const before = readFileSync(file('peserta.xlsx'));
    for (const out of [file('peserta.xlsx'), join(dir, '.', 'x', '..', 'peserta.xlsx')]) {
      const { code, stderr } = cli('ringkas', file('peserta.xlsx'), '--out', out);
      expect(code).toBe(1);
      expect(stderr).toContain('sama dengan berkas masukan / is the input file');
    }
    expect(readFileSync(file('peserta.xlsx'))).toEqual(before);
  });

  test('bad usage exits 1 with the help text; --help exits 0', () => {
    for (const args of [
      [],
      ['hitung', file('comma.csv')],
      ['ringkas'],
      ['ringkas', file('comma.csv'), '--bogus'],
      ['ringkas', file('comma.csv'), '--out'],
      ['ringkas', file('comma.csv'), '--out', 'laporan.csv'],
      ['ringkas', file('comma.csv'), '--tanggal', '2024-02-30'],
    ]) {
      const { code, stdout, stderr } = cli(...args);
      expect({ args, code }).toEqual({ args, code: 1 });
      expect(stdout).toBe('');
      expect(stderr).toContain('Pemakaian / usage:');
    }
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sop-terpilah ringkas <berkas.csv|berkas.xlsx>');
  });
});

describe('what a run loads', () => {
  test('a CSV run never loads exceljs (~28 MB of memory); an XLSX run does', () => {
    // A preload that says on stderr, at exit, whether exceljs was loaded (in this process and in
    // the one the CLI starts under its heap limit: both get the preload).
    const hook = file('hook.js');
    writeFileSync(
      hook,
      "process.on('exit', () => { if (Object.keys(require.cache).some((k) => k.includes('/node_modules/exceljs/')))" +
        " require('fs').writeSync(2, '[exceljs loaded]\\n'); });",
    );
    const loads = (name: string) =>
      spawnSync(process.execPath, ['-r', hook, CLI, 'ringkas', file(name), '--tanggal', DATE], {
        encoding: 'utf8',
      });
    const csvRun = loads('comma.csv');
    expect(csvRun.status).toBe(0);
    expect(csvRun.stderr).not.toContain('[exceljs loaded]');
    const xlsxRun = loads('peserta.xlsx');
    expect(xlsxRun.status).toBe(0);
    expect(xlsxRun.stderr).toContain('[exceljs loaded]');
  });
});
