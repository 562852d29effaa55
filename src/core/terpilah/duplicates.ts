/**
 * Rows that may be one person counted twice: the same NIK, or the same name and institution in
 * the same activity. Flagged on the later row and still counted — only staff can tell whether two
 * rows are one person.
 *
 * Memory is bounded per person, whatever the text: a NIK is kept as its 16 digits in two 32-bit
 * numbers (exact), a name key as a 64-bit hash, each with the first row, in flat typed arrays
 * (12 bytes a slot; 5 million people in about 150 MB, the CLI streams registers that large).
 * Name keys are hashed as they are read, without building the key's text.
 * Two different name keys share a hash with odds of about n² / 2⁶⁵ (10⁻⁶ at 5 million).
 */
import { maskNik } from '../privacy/mask-nik';
import type { RowCells } from './row-cells';

/** Name or institution as compared: case, accents' composition and punctuation do not matter. */
export const nameKey = (name: string): string =>
  // Plain ASCII (most names) takes the short road: NFKC changes nothing and \p{L}\p{N} is [a-z0-9].
  /^[\x20-\x7e]*$/.test(name)
    ? name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : name
        .toLowerCase()
        .normalize('NFKC')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();

/**
 * An open-addressing table of 64-bit keys (two uint32 halves, never both 0) → one int32 value.
 * Grows by half when 4/5 full.
 */
export class KeyTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  private slot(hi: number, lo: number): number {
    const capacity = this.hi.length;
    // murmur3's finaliser: NIK digits are far from random, their slots must be.
    let h = hi ^ Math.imul(lo, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let i = ((h ^ (h >>> 16)) >>> 0) % capacity;
    while (this.hi[i] !== 0 || this.lo[i] !== 0) {
      if (this.hi[i] === hi && this.lo[i] === lo) return i;
      i = i + 1 === capacity ? 0 : i + 1;
    }
    return i;
  }

  /** The value stored for the key, or undefined; stores `value` when the key is new. */
  getOrSet(hi: number, lo: number, value: number): number | undefined {
    const i = this.slot(hi, lo);
    if (this.hi[i] !== 0 || this.lo[i] !== 0) return this.values[i];
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.values[i] = value;
    if (++this.count * 5 > this.hi.length * 4) this.grow();
    return undefined;
  }

  /** Room for `keys` keys without growing (a stream that can estimate its length asks once). */
  reserve(keys: number): void {
    const capacity = Math.ceil((keys * 5) / 4) + 1;
    if (capacity > this.hi.length) this.grow(capacity);
  }

  /** Drops every key, and the memory they took. */
  release(): void {
    this.hi = new Uint32Array(1);
    this.lo = new Uint32Array(1);
    this.values = new Int32Array(1);
    this.count = 0;
  }

  private grow(capacity = Math.ceil(this.hi.length * 1.5)): void {
    const { hi, lo, values } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    for (let j = 0; j < hi.length; j++) {
      if (hi[j] === 0 && lo[j] === 0) continue;
      const i = this.slot(hi[j], lo[j]);
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.values[i] = values[j];
    }
  }
}

/** A 64-bit hash built from parts: two independent 32-bit lanes (FNV-1a and a murmur-style mix). */
class Hash64 {
  a = 0x811c9dc5;
  b = 0x1b873593;
  add(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }
  /** The text's nameKey, hashed without building it when the text is plain ASCII. */
  addNameKey(text: string): void {
    if (!/^[\x20-\x7e]*$/.test(text)) {
      const key = nameKey(text);
      for (let i = 0; i < key.length; i++) this.add(key.charCodeAt(i));
      this.add(0);
      return;
    }
    // nameKey for ASCII: lower case, every run of other characters one space, trimmed.
    let pendingSpace = false;
    let started = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (pendingSpace && started) this.add(32);
        pendingSpace = false;
        started = true;
        this.add(c);
      } else pendingSpace = true;
    }
    this.add(0);
  }
  /** [hi, lo], never both 0. */
  done(): [number, number] {
    let a = this.a ^ (this.a >>> 16);
    a = Math.imul(a, 0x85ebca6b) ^ (a >>> 13);
    let b = Math.imul(this.b ^ (this.b >>> 13), 0xc2b2ae35);
    b ^= b >>> 16;
    a >>>= 0;
    b >>>= 0;
    return a === 0 && b === 0 ? [1, 0] : [a, b];
  }
}

/** The high bit of a name entry says whether its first row had a NIK; the rest is the row. */
const HAD_NIK = 0x40000000;

export class DuplicateCheck {
  private readonly nikSeen = new KeyTable();
  private readonly nameSeen = new KeyTable();
  private readonly activityIds = new Map<string, number>();

  /**
   * Sizes the tables for `rows` rows from what `seenRows` rows needed: growing a table holds the
   * old and the new one at once, so a stream that knows its length early grows at most once.
   */
  reserve(rows: number, seenRows: number): void {
    if (!(seenRows > 0) || !(rows > seenRows)) return;
    const scale = (rows / seenRows) * 1.1;
    this.nikSeen.reserve(Math.ceil(this.nikSeen.size * scale));
    this.nameSeen.reserve(Math.ceil(this.nameSeen.size * scale));
  }

  /** Forgets every row (the tables are the largest thing a long stream keeps): no check after. */
  release(): void {
    this.nikSeen.release();
    this.nameSeen.release();
    this.activityIds.clear();
  }

  /** Remembers the row and flags it when it repeats an earlier one. */
  check(cells: RowCells, person: { activity: string; name: string; institution: string; nik: string }): void {
    const { activity, name, institution, nik } = person;
    if (nik !== '') {
      // 16 digits: eight and eight, each below 2³²; +1 so that no NIK is the empty key.
      const first = this.nikSeen.getOrSet(Number(nik.slice(0, 8)) + 1, Number(nik.slice(8)), cells.row);
      if (first !== undefined)
        cells.flag(
          'duplicateNik',
          'nik',
          `NIK ${maskNik(nik)} sama dengan baris ${first}; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).`,
        );
    }
    if (name === '') return;
    let activityId = this.activityIds.get(activity);
    if (activityId === undefined) {
      activityId = this.activityIds.size;
      this.activityIds.set(activity, activityId);
    }
    const hash = new Hash64();
    hash.add(activityId);
    hash.add(activityId >>> 16);
    hash.addNameKey(name);
    hash.addNameKey(institution);
    const [hi, lo] = hash.done();
    const entry = this.nameSeen.getOrSet(hi, lo, cells.row | (nik !== '' ? HAD_NIK : 0));
    if (entry === undefined) return;
    // Two different NIKs are two people with one name, and the same NIK was flagged above
    // already: only a row without a NIK, or after one without, is a likely duplicate.
    if ((entry & HAD_NIK) === 0 || nik === '')
      cells.flag(
        'duplicateNameInstitution',
        'name',
        `nama ${cells.quote(name)} dan instansi ${institution ? cells.quote(institution) : '(kosong)'} sama dengan baris ${entry & ~HAD_NIK} pada kegiatan yang sama; tetap dihitung.`,
      );
  }
}
