/**
 * The CSV parsed on a second thread (csv-thread.ts) against one thread, as built and run: the
 * same output, byte for byte, on a generated register with duplicates and findings of every kind
 * (order-dependent parts: the first row of a duplicate, the first rows shown per type), on messy
 * records, and on the files that stop early or start over (unrecognised header, Windows-1252).
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

/** A preload that says on stderr whether this process started a worker thread. */
const HOOK =
  "const wt = require('worker_threads'); const W = wt.Worker;" +
  ' wt.Worker = class extends W { constructor(...a) { super(...a); require("fs").writeSync(2, "[worker]\\n"); } };';

function run(threads: '1' | '2', ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['-r', file('hook.js'), CLI, 'ringkas', ...args, '--tanggal', DATE],
    {
      encoding: 'utf8',
      env: { ...process.env, SOP_TERPILAH_THREADS: threads },
      maxBuffer: 1 << 28,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One run on each path: the same exit code, stdout and stderr, and only the second used a worker. */
function expectSame(...args: string[]) {
  const one = run('1', ...args);
  const two = run('2', ...args);
  expect(one.stderr).not.toContain('[worker]');
  expect(two.stderr).toContain('[worker]');
  expect({ ...two, stderr: two.stderr.replace('[worker]\n', '') }).toEqual(one);
  return one;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-thread-'));
  writeFileSync(file('hook.js'), HOOK);
  // 30,000 rows (~3 MB: many chunks and batches); every 97th name repeats, NIKs repeat, blank rows.
  const lines = [HEADER.join(';') + '\n', ...registerLines(30_000, 5)];
  // Messy records among them: quotes, a delimiter and line breaks in cells, a stray quote, a NUL,
  // an emoji, a ragged row, and exact repeats of earlier rows (duplicates with their first row).
  lines.splice(
    12_345,
    0,
    '9;"Kegiatan 1";"Siti ""Ani""";P;;;30;Peserta;"Dinas; Kesehatan";Bangka;Tidak\n',
    '9;Kegiatan 1;"multi\nline";L;;;;;"a\r\nb";;\n',
    '9;Kegiatan 2;"Siti" Ani;P;;;;\n',
    '9;Kegiatan 3;Nul\u0000name;P;;;;;;;\n',
    '9;Kegiatan 3;😀 Emoji;x;;;;;;;;;;\n',
    '9;Kegiatan 7;Budi Dup;L;;;;;Dinas 7 Provinsi;;\n',
    lines[100],
    lines[200],
  );
  lines.splice(25_000, 0, '9;Kegiatan 7;budi  dup;L;;;;;dinas 7 provinsi;;\n');
  writeFileSync(file('register.csv'), lines.join(''));
  writeFileSync(file('unknown.csv'), 'Foo;Bar\n' + '1;2\n'.repeat(50_000));
  writeFileSync(file('empty.csv'), '');
  // A blank first line makes "," the delimiter: the ";" header is one unknown column, and the last
  // row leaves a quote open, which one thread reports because it read the whole (small) file.
  writeFileSync(file('open-quote.csv'), `\n${HEADER.join(';')}\n;","\n`);
  // Not UTF-8 only far into the file: the reading starts over as Windows-1252.
  writeFileSync(
    file('latin1.csv'),
    Buffer.concat([
      Buffer.from(lines.slice(0, 20_000).join(''), 'utf8'),
      Buffer.from('9;K;André;L;;;;;Café;;\n', 'latin1'),
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ringkas with the CSV parsed on a second thread', () => {
  test('prints the same tables, findings and JSON as one thread on a register with duplicates', () => {
    const text = expectSame(file('register.csv'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('sama dengan baris');
    const json = expectSame(file('register.csv'), '--json');
    const all = JSON.parse(json.stdout).summaries[0];
    const types = all.quality.map((q: { type: string }) => q.type);
    expect(types).toEqual(expect.arrayContaining(['duplicateNik', 'duplicateNameInstitution']));
  });

  test('stops, fails and starts over as one thread does', () => {
    expect(expectSame(file('unknown.csv')).code).toBe(2);
    expect(expectSame(file('empty.csv')).code).toBe(2);
    const openQuote = expectSame(file('open-quote.csv'));
    expect(openQuote.code).toBe(2);
    expect(openQuote.stderr).toMatch(/quote|kutip/i);
    expect(expectSame(file('missing.csv')).code).toBe(2);
    const latin1 = expectSame(file('latin1.csv'));
    expect(latin1.code).toBe(0);
    expect(latin1.stderr).toContain('Windows-1252');
  });
});
