/**
 * The command line never prints a NIK whole — text, --json, the --out workbook — wherever the
 * file holds one, and says the same as the add-in about a NIK stored as a number.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const DATE = '2024-06-01';

const NIKS = [
  '1971011203750009',
  '1971011203750018',
  '1971015203750027',
  '1971011203750036',
  '1971015203750045',
];
const squeezed = (text: string) => text.replace(/[^\d*]/g, '');
const leaks = (text: string) => NIKS.filter((nik) => squeezed(text).includes(nik));

/** NIKs in odd places: spaced then a year, slashed, in a name, an institution, an activity, a header. */
const ROWS = [
  ['Nama', 'Jenis Kelamin', 'NIK', 'Instansi', 'Kegiatan', 'Catatan 1971 0112 0375 0045'],
  ['Budi', 'L', '1971 0112 0375 0009 2024', 'Dinas 1971/0112/0375/0018', 'Pelatihan 1971011203750036', 'x'],
  ['Siti 1971-0152-0375-0027', 'P', '1971/0112/0375/0018', 'Bappeda', 'Pelatihan 1971011203750036', ''],
  ['Ani', 'P', '1,97101E+15', 'Dinas 1971 0152 0375 0027 2024', 'Rapat', 'NIP. 19650713 199203 2 002'],
];

let dir: string;
const file = (name: string) => join(dir, name);
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-nik-'));
  writeFileSync(file('odd.csv'), ROWS.map((row) => row.map((v) => `"${v}"`).join(';')).join('\r\n') + '\r\n');
  writeFileSync(file('no-header.csv'), `Budi;L;1971 0112 0375 0009 2024\r\nSiti;P;${NIKS[2]}\r\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STORED_AS_NUMBER =
  "NIK tertulis sebagai angka (1,97101E+15): Sheets/Excel memotong digit terakhir; ketik ulang NIK sebagai teks (awali dengan ').";

test('the text report masks every NIK, wherever the file holds it', () => {
  const { code, stdout, stderr } = cli('ringkas', file('odd.csv'), '--tanggal', DATE);
  expect([code, stderr]).toEqual([0, '']);
  expect(leaks(stdout)).toEqual([]);
  expect(stdout).toContain('Dinas 1971********0027 2024');
  expect(stdout).toContain('Kegiatan: Pelatihan 1971********0036');
  // A NIK Excel turned into a number: what is wrong and what to do, as the add-in says it.
  expect(stdout).toContain(`- Baris 4: ${STORED_AS_NUMBER}`);
});

test('an XLSX cell holding the NIK as a number gets the same finding as the add-in gives', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Peserta');
  sheet.addRow(['Nama', 'L/P', 'NIK']);
  sheet.addRow(['Budi', 'L', NIKS[0]]);
  sheet.addRow(['Eko', 'L', 1971011203750030]);
  await workbook.xlsx.writeFile(file('number.xlsx'));
  const { code, stdout } = cli('ringkas', file('number.xlsx'), '--tanggal', DATE);
  expect(code).toBe(0);
  expect(stdout).toContain(`- Baris 3: ${STORED_AS_NUMBER}`);
  expect(leaks(stdout)).toEqual([]);
});

test('--json masks every string', () => {
  const { code, stdout } = cli('ringkas', file('odd.csv'), '--tanggal', DATE, '--json');
  expect(code).toBe(0);
  expect(leaks(stdout)).toEqual([]);
  const json = JSON.parse(stdout) as { columns: { unmatched: string[] } };
  expect(json.columns.unmatched).toContain('Catatan 1971********0045');
});

test('--out writes a workbook without a NIK in any cell or sheet name', async () => {
  const out = file('laporan 1971011203750009.xlsx');
  const { code, stdout } = cli('ringkas', file('odd.csv'), '--tanggal', DATE, '--out', out);
  expect(code).toBe(0);
  expect(leaks(stdout)).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
  }
  expect(texts.flatMap(leaks)).toEqual([]);
  expect(texts).toContain('Dinas 1971********0018');
  expect(texts).toContain('Kegiatan: Pelatihan 1971********0036');
});

test('an unrecognised header is named with its NIKs masked', () => {
  const { code, stderr } = cli('ringkas', file('no-header.csv'));
  expect(code).toBe(2);
  expect(stderr).toContain('"1971********0009 2024"');
  expect(leaks(stderr)).toEqual([]);
});
