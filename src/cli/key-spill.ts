/**
 * The duplicate keys of a byte range (parallel-summary.ts): written to a temporary file as they
 * come, read back in order when the range's turn comes (a range waits for the ones before it),
 * and once more at the end (replayAll: the first rows of the duplicates shown), so memory does
 * not grow with the range (~24 bytes a row: 60 MB for half of 5 million rows). Kept in memory
 * instead when no temporary file can be made.
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
  /** Arrays of `memory` handed out by replay already. */
  private memoryRead = 0;

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

  /**
   * Writes keys that are replayed now, by the caller from `keys` itself (nothing written before
   * is left to replay): kept for replayAll, not read back for replay.
   */
  writeReplayed(keys: Uint32Array): void {
    this.write(keys);
    this.read = this.written;
    this.memoryRead = this.memory.length;
  }

  /** Hands every key written since the last replay to `each`, in order, once. */
  replay(each: (keys: Uint32Array) => void): void {
    this.read = this.readFrom(this.read, each);
    while (this.memoryRead < this.memory.length) each(this.memory[this.memoryRead++]);
  }

  /**
   * Hands every key written so far to `each`, in order, from the first, until `each` returns
   * false (the rest is not read); whether every key was handed out.
   */
  replayAll(each: (keys: Uint32Array) => boolean | void): boolean {
    if (this.readFrom(0, each) < 0) return false;
    for (const keys of this.memory) if (each(keys) === false) return false;
    return true;
  }

  /** Reads the file from byte `from` to its end into `each`; the end, or -1 when `each` stopped it. */
  private readFrom(from: number, each: (keys: Uint32Array) => boolean | void): number {
    const file = this.file;
    if (file === null || file === 'memory' || from >= this.written) return from;
    const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
    let at = from;
    while (at < this.written) {
      const n = readSync(file.fd, buffer, 0, Math.min(READ_BYTES, this.written - at), at);
      if (n <= 0) throw new Error('temporary file of duplicate keys cut short');
      at += n;
      if (each(new Uint32Array(buffer.buffer, buffer.byteOffset, n / 4)) === false) return -1;
    }
    return at;
  }

  /** Deletes the file. */
  close(): void {
    const file = this.file;
    if (file !== null && file !== 'memory') {
      closeSync(file.fd);
      rmSync(file.dir, { recursive: true, force: true });
    }
    this.file = null;
    this.memory = [];
  }
}
