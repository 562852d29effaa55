/**
 * `ringkas --out` writes a report that prints: A4 landscape, one page wide, only the report's
 * columns, and each chart (exceljs cannot write one) named at its cell and on "Catatan".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CHART_COLUMN } from '../../src/core/terpilah/report-sheet';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');

test('--out: page setup and chart notes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-print-'));
  try {
    const input = join(dir, 'peserta.csv');
    const out = join(dir, 'laporan.xlsx');
    const rows = [['Nama', 'Jenis Kelamin', 'Umur', 'Instansi', 'Kegiatan']];
    for (let i = 0; i < 40; i++)
      rows.push([
        `Peserta ${i}`,
        i % 2 ? 'P' : 'L',
        String(18 + i),
        i % 3 ? 'Bappeda' : 'Dinas Kesehatan',
        `K${i % 2}`,
      ]);
    writeFileSync(input, rows.map((r) => r.join(';')).join('\r\n') + '\r\n');
    const run = spawnSync(
      process.execPath,
      [CLI, 'ringkas', input, '--out', out, '--tanggal', '2024-06-01'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Laporan Data Terpilah')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printArea).toMatch(/^A1:N\d+$/);
    const markers: string[] = [];
    sheet.getColumn(CHART_COLUMN).eachCell((cell) => {
      if (cell.value !== null) markers.push(String(cell.value));
    });
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.every((m) => /^\[Grafik .* tidak digambar\]$/.test(m))).toBe(true);
    expect(workbook.getWorksheet('Catatan')!.rowCount).toBe(3 + markers.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
