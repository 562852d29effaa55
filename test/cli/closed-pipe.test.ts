/**
 * The printout read only in part (`sop-terpilah ringkas big.csv | head`): the reader closing the
 * pipe is no error of the CLI's; it stops writing, quietly, with no "unexpected error" on stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER, registerLines } from '../../bench/cli/generate';

const CLI = join(__dirname, '../../build/cli/sop-terpilah.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-pipe-'));
  // Some 400 activities' tables: far more than a pipe holds.
  writeFileSync(join(dir, 'peserta.csv'), [HEADER.join(';') + '\n', ...registerLines(5_000, 7)].join(''));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a reader that stops after the first lines: no error, the exit code of the run', async () => {
  const child = spawn(process.execPath, [
    CLI,
    'ringkas',
    join(dir, 'peserta.csv'),
    '--tanggal',
    '2024-06-01',
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
  );
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(first).toContain('Berkas / file:');
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
