/**
 * The duplicate keys of a byte range that waits for the ranges before it (parallel-summary.ts):
 * written to a temporary file as they come and read back in order when their turn comes, so
 * memory does not grow with the range (~24 bytes a row: 60 MB for half of 5 million rows). Kept
 * in memory instead when no temporary file can be made.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes read back at a time: a multiple of a logged row (24 bytes). */
const READ_BYTES = 3 << 18;

export class KeySpill {
  private file: { fd: number; dir: string } | null | 'memory' = null;
  private written = 0;
  private read = 0;
  private memory: Uint32Array[] = [];

  write(keys: Uint32Array): void {
    if (this.file === null) {
      try {
        const dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-'));
        this.file = { fd: openSync(join(dir, 'keys'), 'w+'), dir };
      } catch {
        this.file = 'memory';
      }
    }
    if (this.file === 'memory') {
      this.memory.push(keys);
      return;
    }
    // A full disk throws: the caller then reads the file on one thread.
    writeSync(this.file.fd, keys, 0, keys.byteLength, this.written);
    this.written += keys.byteLength;
  }

  /** Hands every key written so far to `each`, in order, once. */
  replay(each: (keys: Uint32Array) => void): void {
    const file = this.file;
    if (file !== null && file !== 'memory' && this.read < this.written) {
      const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
      while (this.read < this.written) {
        const n = readSync(file.fd, buffer, 0, Math.min(READ_BYTES, this.written - this.read), this.read);
        if (n <= 0) throw new Error('temporary file of duplicate keys cut short');
        this.read += n;
        each(new Uint32Array(buffer.buffer, buffer.byteOffset, n / 4));
      }
    }
    for (const keys of this.memory) each(keys);
    this.memory = [];
  }

  /** Deletes the file. */
  close(): void {
    const file = this.file;
    if (file !== null && file !== 'memory') {
      closeSync(file.fd);
      rmSync(file.dir, { recursive: true, force: true });
    }
    this.file = null;
  }
}
