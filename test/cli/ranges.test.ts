/**
 * A CSV counted in byte ranges on worker threads (parallel-summary.ts) against one thread, as
 * built and run: the same exit code, stdout and stderr, byte for byte — tables, first-seen
 * orders, findings with their rows, duplicates whose first row is in another range — and the
 * path each run took (SOP_TERPILAH_TRACE). A cut inside a quoted field, a file that is not
 * UTF-8 or has no recognised header is read on one thread, with the same output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER, registerLines } from '../../bench/cli/generate';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
const DATE = '2024-06-01';
let dir: string;
const file = (name: string) => join(dir, name);

function run(env: Record<string, string>, ...args: string[]) {
  const cores = env.CORES ? ['-r', file(`cores-${env.CORES}.js`)] : [];
  const result = spawnSync(process.execPath, [...cores, CLI, 'ringkas', ...args, '--tanggal', DATE], {
    encoding: 'utf8',
    env: { ...process.env, SOP_TERPILAH_TRACE: '1', ...env },
    maxBuffer: 1 << 28,
  });
  const trace = /sop-terpilah: \[([^\]]*)\]\n/.exec(result.stderr)?.[1] ?? '';
  return {
    trace,
    out: {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr.replace(/sop-terpilah: \[[^\]]*\]\n/, ''),
    },
  };
}

/** One thread and `ranges` ranges: the same output; returns it with the ranged run's path. */
function compare(ranges: number, ...args: string[]) {
  const one = run({ SOP_TERPILAH_THREADS: '1' }, ...args);
  const many = run({ SOP_TERPILAH_RANGES: String(ranges) }, ...args);
  expect(one.trace).toMatch(/^one thread/);
  expect(many.out).toEqual(one.out);
  return { ...one.out, trace: many.trace };
}

const lines = (count: number, seed: number) => [...registerLines(count, seed)];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-ranges-'));
  const rows = lines(30_000, 5);
  // Messy records early (not at a cut): quotes, a delimiter and line breaks in cells, a NUL, an
  // emoji, ragged rows, a blank line; duplicates whose first row is far before, in another range:
  // exact repeats (same NIK and name), a name and institution without NIK written differently,
  // and a name first seen with a NIK and repeated without one (and the other way round).
  rows.splice(
    2_000,
    0,
    '9;"Kegiatan 1";"Siti ""Ani""";P;;;30;Peserta;"Dinas; Kesehatan";Bangka;Tidak\n',
    '9;Kegiatan 1;"multi\nline";L;;;;;"a\r\nb";;\n',
    '9;Kegiatan 3;Nul\u0000name;P;;;;;;;\n',
    '9;Kegiatan 3;😀 Emoji;x;;;;;;;;;;\n',
    '\n',
    '9;Kegiatan 7;Budi Dup;L;;;;;Dinas 7 Provinsi;;\n',
    '9;Kegiatan 8;Ani Nik;P;1901014107900001;;;;Dinas 8;;\n',
    '9;Kegiatan 8;Tono Tanpa;L;;;;;Dinas 8;;\n',
  );
  rows.splice(
    27_000,
    0,
    rows[100],
    rows[200],
    rows[2_005],
    '9;Kegiatan 7;budi  dup;L;;;;;dinas 7 provinsi;;\n',
    '9;Kegiatan 8;Ani Nik;P;;;;;Dinas 8;;\n',
    '9;Kegiatan 8;Tono Tanpa;L;1901010107900002;;;;Dinas 8;;\n',
  );
  const register = [HEADER.join(';') + '\n', ...rows].join('');
  writeFileSync(file('register.csv'), register);
  // Windows line ends and a BOM; the last record without a line break.
  writeFileSync(file('crlf.csv'), '\uFEFF' + register.replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
  // Every row twice, the second time in the second half: the shown duplicates of each activity
  // are far into a range, read again from checkpoints.
  const half = lines(8_000, 9);
  writeFileSync(file('twice.csv'), [HEADER.join(';') + '\n', ...half, ...half].join(''));
  // A quoted cell of many lines across the middle: the first line break after the cut is in it.
  // A range started there reads its closing quote as an opening one, closed by a later quoted
  // cell: that range parses without an error, only the range before can tell.
  const before = lines(5_000, 3);
  const quoted = `9;Kegiatan 1;Panjang;P;;;;;"${'baris\n'.repeat(60_000)}";;\n`;
  const closing = '9;Kegiatan 2;"Rina";P;;;;;;;\n';
  writeFileSync(
    file('quoted-cut.csv'),
    [HEADER.join(';') + '\n', ...before, quoted, closing, ...before].join(''),
  );
  writeFileSync(
    file('latin1.csv'),
    Buffer.concat([Buffer.from(register, 'utf8'), Buffer.from('9;K;André;L;;;;;Café;;\n', 'latin1')]),
  );
  writeFileSync(file('unknown.csv'), 'Foo;Bar\n' + '1;2\n'.repeat(50_000));
  // Over 8 MiB, for SOP_TERPILAH_RANGES=auto; preloads that say how many cores there are.
  writeFileSync(file('big.csv'), [HEADER.join(';') + '\n', ...lines(90_000, 4)].join(''));
  for (const n of [1, 2])
    writeFileSync(file(`cores-${n}.js`), `require('os').availableParallelism = () => ${n};`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ringkas on a CSV in byte ranges', () => {
  test('two and three ranges print what one thread prints, duplicates across ranges included', () => {
    for (const ranges of [2, 3]) {
      const text = compare(ranges, file('register.csv'));
      expect(text.trace).toBe(`ranges: ${ranges}`);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('sama dengan baris 102');
      const json = compare(ranges, file('register.csv'), '--json');
      expect(json.trace).toBe(`ranges: ${ranges}`);
      const all = JSON.parse(json.stdout).summaries[0];
      const types = all.quality.map((q: { type: string }) => q.type);
      expect(types).toEqual(expect.arrayContaining(['duplicateNik', 'duplicateNameInstitution']));
    }
  });

  test('Windows line ends, a BOM and a last record without a line break', () => {
    const json = compare(2, file('crlf.csv'), '--json');
    expect(json.trace).toBe('ranges: 2');
    expect(json.code).toBe(0);
  });

  test('every row repeated in the second range: the first rows of each type, read again', () => {
    const json = compare(2, file('twice.csv'), '--json');
    expect(json.trace).toBe('ranges: 2');
    const all = JSON.parse(json.stdout).summaries[0];
    const nik = all.quality.find((q: { type: string }) => q.type === 'duplicateNik');
    expect(nik.count).toBeGreaterThan(5_000);
    expect(nik.shown[0].row).toBeGreaterThan(8_001);
  });

  test('by default: a range per core for a big CSV (one on one core), one thread for a small one', () => {
    const byDefault = (cores: string, name: string) => run({ CORES: cores }, file(name)).trace;
    expect(byDefault('2', 'big.csv')).toBe('ranges: 2');
    expect(byDefault('1', 'big.csv')).toBe('ranges: 1');
    expect(byDefault('2', 'register.csv')).toBe('one thread: small file');
    expect(run({ SOP_TERPILAH_THREADS: '1' }, file('big.csv')).trace).toBe('one thread: one thread');
    const one = run({ SOP_TERPILAH_THREADS: '1' }, file('big.csv'), '--json');
    expect(run({ CORES: '1' }, file('big.csv'), '--json').out).toEqual(one.out);
  });

  test('a cut inside a quoted field, not UTF-8, an unknown header: read on one thread, same output', () => {
    const quoted = compare(2, file('quoted-cut.csv'), '--json');
    expect(quoted.trace).toMatch(/^one thread: range \d+ ends inside a quoted field$/);
    expect(quoted.code).toBe(0);
    const latin1 = compare(2, file('latin1.csv'));
    expect(latin1.trace).toMatch(/^one thread: /);
    expect(latin1.stderr).toContain('Windows-1252');
    const unknown = compare(2, file('unknown.csv'));
    expect(unknown.trace).toBe('one thread: unrecognised header');
    expect(unknown.code).toBe(2);
  });
});
