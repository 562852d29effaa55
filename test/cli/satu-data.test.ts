/**
 * `sop-terpilah ringkas --satu-data <dir>`, run as built: the CSV and the metadata JSON, their
 * figures equal to the CLI's own summaries, and no personal data in either.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const NIK = '1971014505900001';
const HEADER = ['Kegiatan', 'Nama', 'Jenis Kelamin', 'NIK', 'Umur', 'Instansi', 'Kabupaten/Kota', 'Jabatan'];
const DATA = [
  ['Rapat PUG', 'Siti Aminah', 'P', NIK, '34', 'Dinas Kesehatan', 'Pangkalpinang', 'Kepala Seksi'],
  ['Rapat PUG', 'Budi Santoso', 'L', '', '45', 'Bappeda', 'Bateng', 'Analis'],
  ['Bimtek SIGA', 'Rina Marlina', 'Perempuan', '', '28', 'Dinas Kesehatan', 'Palembang', ''],
  ['Bimtek SIGA', 'Ahmad Fauzi', 'laki-laki', '', '61', '=CMD()', '', ''],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-satu-data-'));
  writeFileSync(join(dir, 'peserta.csv'), [HEADER, ...DATA].map((r) => r.join(';')).join('\r\n') + '\r\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CSV as records (simple parser: the test data has quotes only around the one formula). */
function records(csv: string): Record<string, string>[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const split = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i], v])));
}

describe('ringkas --satu-data', () => {
  test('writes the CSV and the metadata JSON; the figures add up; no name, NIK or position', () => {
    const out = join(dir, 'keluaran', 'satu-data');
    const result = cli('ringkas', join(dir, 'peserta.csv'), '--satu-data', out, '--tanggal', '2026-11-20');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Satu Data ditulis \/ written: .*satu-data\.csv \(\d+ baris \/ rows\), .*satu-data\.metadata\.json\n/,
    );
    expect(result.stdout).toContain('Menurut instansi'); // the usual tables still follow

    const csv = readFileSync(join(out, 'satu-data.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFKode wilayah,Nama wilayah,Periode,Kegiatan,Dimensi,Kategori,Laki-laki,Perempuan,Tidak diketahui,Jumlah',
    );
    const rows = records(csv);
    expect(rows[0]).toEqual({
      'Kode wilayah': '19',
      'Nama wilayah': 'Provinsi Kepulauan Bangka Belitung',
      Periode: '2026',
      Kegiatan: 'Semua kegiatan',
      Dimensi: 'Jumlah peserta',
      Kategori: 'Semua peserta',
      'Laki-laki': '2',
      Perempuan: '2',
      'Tidak diketahui': '0',
      Jumlah: '4',
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        'Kode wilayah': '19.71',
        Kategori: 'Pangkalpinang',
        Kegiatan: 'Rapat PUG',
        Jumlah: '1',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ 'Kode wilayah': '19.04', Kategori: 'Bangka Tengah' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ Kategori: "'=CMD()", Dimensi: 'Instansi' }));
    const participants: Record<string, number> = { 'Semua kegiatan': 4, 'Rapat PUG': 2, 'Bimtek SIGA': 2 };
    const sums = new Map<string, number>();
    for (const r of rows) {
      expect(Number(r['Laki-laki']) + Number(r.Perempuan) + Number(r['Tidak diketahui'])).toBe(
        Number(r.Jumlah),
      );
      sums.set(
        `${r.Kegiatan}|${r.Dimensi}`,
        (sums.get(`${r.Kegiatan}|${r.Dimensi}`) ?? 0) + Number(r.Jumlah),
      );
    }
    for (const [key, sum] of sums) expect(sum).toBe(participants[key.split('|')[0]]);

    const json = JSON.parse(readFileSync(join(out, 'satu-data.metadata.json'), 'utf8'));
    expect(json).toMatchObject({
      berkasData: 'satu-data.csv',
      jumlahBaris: rows.length,
      metadata: {
        konsep: 'Peserta Kegiatan',
        satuan: 'Orang',
        sumber: 'Berkas peserta.csv',
        jumlahPeserta: '4',
      },
    });
    expect(json.standar[0]).toBe('Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia');

    const everything = csv + JSON.stringify(json);
    for (const secret of ['Siti', 'Budi', 'Rina', 'Ahmad', 'Kepala Seksi', 'Analis', NIK, NIK.slice(0, 10)])
      expect(everything).not.toContain(secret);
  });

  test('with --json the note goes to stderr and stdout stays JSON', () => {
    const out = join(dir, 'json-run');
    const result = cli('ringkas', join(dir, 'peserta.csv'), '--json', `--satu-data=${out}`);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain('Satu Data ditulis / written:');
    expect(existsSync(join(out, 'satu-data.csv'))).toBe(true);
  });

  test('a missing directory value is a usage error; an unwritable path a data error', () => {
    const usage = cli('ringkas', join(dir, 'peserta.csv'), '--satu-data');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Opsi / option --satu-data perlu nilai / needs a value.');
    writeFileSync(join(dir, 'a-file'), 'x');
    const blocked = cli('ringkas', join(dir, 'peserta.csv'), '--satu-data', join(dir, 'a-file', 'sub'));
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain('tidak dapat menulis / cannot write');
  });
});
