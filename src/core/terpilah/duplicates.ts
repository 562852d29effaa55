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

/** The open-addressing tables here (KeyTable, KeySlots) grow past 4/5 full: slots for `keys` keys. */
const capacityFor = (keys: number): number => Math.ceil((keys * 5) / 4) + 1;
const isFull = (count: number, capacity: number): boolean => count * 5 > capacity * 4;

/**
 * A new table's slots, their memory touched in order when it is large. The rehash (and the rows
 * after) would otherwise touch its pages at random, a page fault each: at 5 M rows the two sets'
 * reservation (~100 MB) took 324 ms that way and 115 ms so, while the other thread counted.
 */
function newSlots(length: number): Uint32Array<ArrayBuffer> {
  const slots = new Uint32Array(length);
  if (length >= PREFAULT_LENGTH) slots.fill(0);
  return slots;
}
/** 1 MiB of slots: below it a table's pages are few. */
const PREFAULT_LENGTH = 1 << 18;

/**
 * An open-addressing table of 64-bit keys (two uint32 halves, never both 0) → one int32 value.
 * Grows by half when 4/5 full. A slot is three neighbouring uint32s (hi, lo, value): a lookup in
 * a table of millions is a cache miss, and one slot is one miss instead of three arrays' three.
 */
export class KeyTable {
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 3);
  }

  get size(): number {
    return this.count;
  }

  /** The slot's offset in `slots` (a multiple of 3): the key's, or the empty one it would take. */
  private slot(hi: number, lo: number): number {
    const capacity = this.capacity;
    const slots = this.slots;
    // murmur3's finaliser: NIK digits are far from random, their slots must be.
    let h = hi ^ Math.imul(lo, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    const end = capacity * 3;
    let at = (((h ^ (h >>> 16)) >>> 0) % capacity) * 3;
    while (slots[at] !== 0 || slots[at + 1] !== 0) {
      if (slots[at] === hi && slots[at + 1] === lo) return at;
      at += 3;
      if (at === end) at = 0;
    }
    return at;
  }

  /** The value stored for the key, or undefined; stores `value` when the key is new. */
  getOrSet(hi: number, lo: number, value: number): number | undefined {
    const at = this.slot(hi, lo);
    const slots = this.slots;
    if (slots[at] !== 0 || slots[at + 1] !== 0) return slots[at + 2] | 0;
    slots[at] = hi;
    slots[at + 1] = lo;
    slots[at + 2] = value;
    if (isFull(++this.count, this.capacity)) this.grow();
    return undefined;
  }

  /** The value stored for the key, or undefined (nothing is stored). */
  get(hi: number, lo: number): number | undefined {
    const at = this.slot(hi, lo);
    const slots = this.slots;
    return slots[at] !== 0 || slots[at + 1] !== 0 ? slots[at + 2] | 0 : undefined;
  }

  /** Room for `keys` keys without growing (a stream that can estimate its length asks once). */
  reserve(keys: number): void {
    const capacity = capacityFor(keys);
    if (capacity > this.capacity) this.grow(capacity);
  }

  /** Drops every key, and the memory they took. */
  release(): void {
    this.capacity = 1;
    this.slots = new Uint32Array(3);
    this.count = 0;
  }

  private grow(capacity = Math.ceil(this.capacity * 1.5)): void {
    const old = this.slots;
    this.capacity = capacity;
    this.slots = newSlots(capacity * 3);
    for (let j = 0; j < old.length; j += 3) {
      if (old[j] === 0 && old[j + 1] === 0) continue;
      const at = this.slot(old[j], old[j + 1]);
      this.slots[at] = old[j];
      this.slots[at + 1] = old[j + 1];
      this.slots[at + 2] = old[j + 2];
    }
  }
}

/**
 * A 64-bit hash built from parts: two independent 32-bit lanes (FNV-1a and a murmur-style mix).
 * The lanes are module state, not an object: one key is hashed at a time, and a row allocates
 * nothing (the CLI hashes a key per row of a 5-million-row file). They live in typed arrays, not
 * module `let`s: a closure variable holding a number outside V8's small integers (most hashes)
 * is a new heap number at every store, two per character hashed.
 */
const state = new Int32Array(2);
/** The last name key's halves (hashDone), never both 0. */
const hash = new Uint32Array(2);
/**
 * The last NIK's key (nikKey): module `let`s, as a NIK's halves are below 10⁸ (small integers,
 * stored in place); other lengths keep their exact value here (nothing but readNik's 16 digits
 * reaches the check, but a longer id must not wrap as a Uint32Array would wrap it).
 */
let nikHi = 0;
let nikLo = 0;

function hashStart(): void {
  state[0] = 0x811c9dc5;
  state[1] = 0x1b873593;
}

function hashAdd(c: number): void {
  state[0] = Math.imul(state[0] ^ c, 0x01000193);
  const b = Math.imul(state[1] ^ c, 0x5bd1e995);
  state[1] = b ^ (b >>> 15);
}

/**
 * Per ASCII code below 0x7f, as nameKey sees it: the lower-case letter or the digit, 0 for any
 * other printable character (a separator), NOT_PLAIN for a control character. One table read
 * instead of four range tests per character.
 */
const NOT_PLAIN = 255;
const KEY_CHARS = (() => {
  const table = new Uint8Array(0x7f).fill(NOT_PLAIN);
  for (let c = 0x20; c < 0x7f; c++)
    table[c] = c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0;
  return table;
})();

/** The text's nameKey, hashed without building it when the text is plain ASCII. */
function hashNameKey(text: string): void {
  // hashAdd's state in locals, stored once at the end (the loop then keeps them in registers).
  let a = state[0];
  let b = state[1];
  // nameKey for ASCII: lower case, every run of other characters one space, trimmed.
  let started = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const c = code < 0x7f ? KEY_CHARS[code] : NOT_PLAIN;
    if (c === NOT_PLAIN) {
      // Not plain ASCII: start the text over through nameKey itself (the lanes are untouched).
      const key = nameKey(text);
      for (let k = 0; k < key.length; k++) hashAdd(key.charCodeAt(k));
      hashAdd(0);
      return;
    }
    if (c !== 0) {
      if (pendingSpace) {
        a = Math.imul(a ^ 32, 0x01000193);
        const m = Math.imul(b ^ 32, 0x5bd1e995);
        b = m ^ (m >>> 15);
        pendingSpace = false;
      }
      started = true;
      a = Math.imul(a ^ c, 0x01000193);
      const m = Math.imul(b ^ c, 0x5bd1e995);
      b = m ^ (m >>> 15);
    } else pendingSpace = started;
  }
  state[0] = a;
  state[1] = b;
  hashAdd(0);
}

/** Finishes the key into hash[0] and hash[1]. */
function hashDone(): void {
  const laneA = state[0];
  const laneB = state[1];
  let a = laneA ^ (laneA >>> 16);
  a = Math.imul(a, 0x85ebca6b) ^ (a >>> 13);
  let b = Math.imul(laneB ^ (laneB >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  a >>>= 0;
  b >>>= 0;
  if (a === 0 && b === 0) a = 1;
  hash[0] = a;
  hash[1] = b;
}

/**
 * Number(text.slice(from, to)) for a NIK's half, without the slice when the half is ASCII digits
 * (readNik's ids always are; anything else takes Number's own road).
 */
function digitsValue(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number(text.slice(from, to));
    n = n * 10 + d;
  }
  return to <= text.length ? n : Number(text.slice(from, to));
}

/** Sizes each table for `rows` rows from what it needed for `seenRows` (with a tenth to spare). */
function reserveTables(
  tables: readonly { readonly size: number; reserve(keys: number): void }[],
  rows: number,
  seenRows: number,
): void {
  if (!(seenRows > 0) || !(rows > seenRows)) return;
  const scale = (rows / seenRows) * 1.1;
  for (const table of tables) table.reserve(Math.ceil(table.size * scale));
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
    reserveTables([this.nikSeen, this.nameSeen], rows, seenRows);
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
      nikKey(nik);
      const first = this.nikSeen.getOrSet(nikHi, nikLo, cells.row);
      if (first !== undefined) flagDuplicateNik(cells, nik, first);
    }
    if (name === '') return;
    let activityId = this.activityIds.get(activity);
    if (activityId === undefined) {
      activityId = this.activityIds.size;
      this.activityIds.set(activity, activityId);
    }
    hashStart();
    hashAdd(activityId);
    hashAdd(activityId >>> 16);
    hashNameKey(name);
    hashNameKey(institution);
    hashDone();
    const first = nameFirst(this.nameSeen, hash[0], hash[1], cells.row, nik !== '');
    if (first !== undefined) flagDuplicateName(cells, name, institution, first);
  }
}

/** The NIK's key into nikHi and nikLo: 16 digits, eight and eight, each below 2³²; +1 so that no NIK is the empty key. */
function nikKey(nik: string): void {
  nikLo = nik.length === 16 ? digitsValue(nik, 8, 16) : Number(nik.slice(8));
  nikHi = digitsValue(nik, 0, 8) + 1;
}

/**
 * The name rule on a key: the first row when this row is a likely duplicate. Two different NIKs
 * are two people with one name, and the same NIK is flagged as such already: only a row without
 * a NIK, or after one without, is a likely duplicate.
 */
function nameFirst(seen: KeyTable, hi: number, lo: number, row: number, hasNik: boolean): number | undefined {
  const entry = seen.getOrSet(hi, lo, row | (hasNik ? HAD_NIK : 0));
  if (entry === undefined) return undefined;
  return (entry & HAD_NIK) === 0 || !hasNik ? entry & ~HAD_NIK : undefined;
}

/** check()'s finding for a repeated NIK. */
export function flagDuplicateNik(cells: RowCells, nik: string, first: number): void {
  cells.flag(
    'duplicateNik',
    'nik',
    `NIK ${maskNik(nik)} sama dengan baris ${first}; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).`,
  );
}

/** check()'s finding for a repeated name and institution in one activity. */
export function flagDuplicateName(cells: RowCells, name: string, institution: string, first: number): void {
  cells.flag(
    'duplicateNameInstitution',
    'name',
    `nama ${cells.quote(name)} dan instansi ${institution ? cells.quote(institution) : '(kosong)'} sama dengan baris ${first} pada kegiatan yang sama; tetap dihitung.`,
  );
}

/**
 * A row's keys as a DuplicateKeyCheck compares them, into `out` [nikHi, nikLo, nameHi, nameLo]
 * (0, 0: no NIK / no name). The activity is hashed as its text, not as its first-seen number:
 * parts of one file read apart (the CLI's byte ranges) give equal keys for equal rows, and the
 * check replayed in row order gives check()'s flags (up to a 64-bit hash collision, as there).
 */
export function duplicateKeys(
  person: { activity: string; name: string; institution: string; nik: string },
  out: Uint32Array,
  /** activityLanes(person.activity), when the caller keeps them per activity (then not hashed again). */
  lanes?: ActivityLanes,
): void {
  const { activity, name, institution, nik } = person;
  if (nik !== '') {
    nikKey(nik);
    out[0] = nikHi;
    out[1] = nikLo;
  } else out[0] = out[1] = 0;
  if (name === '') {
    out[2] = out[3] = 0;
    return;
  }
  const start = lanes ?? activityLanes(activity);
  state[0] = start[0];
  state[1] = start[1];
  hashNameKey(name);
  hashNameKey(institution);
  hashDone();
  out[2] = hash[0];
  out[3] = hash[1];
}

/** The hash of duplicateKeys' name key after the activity's text: a function of the activity alone. */
export type ActivityLanes = readonly [number, number];

export function activityLanes(activity: string): ActivityLanes {
  hashStart();
  for (let i = 0; i < activity.length; i++) hashAdd(activity.charCodeAt(i));
  hashAdd(0);
  return [state[0], state[1]];
}

/** NIK digits back from its key (duplicateKeys' out[0], out[1]). */
export const nikOfKey = (hi: number, lo: number): string =>
  String(hi - 1).padStart(8, '0') + String(lo).padStart(8, '0');

/** check()'s rule on the keys of duplicateKeys, fed in row order: the first row a row repeats, or undefined. */
export class DuplicateKeyCheck {
  private readonly nikSeen = new KeyTable();
  private readonly nameSeen = new KeyTable();

  /** Sizes the tables for `rows` rows from what `seenRows` rows needed (DuplicateCheck.reserve). */
  reserve(rows: number, seenRows: number): void {
    reserveTables([this.nikSeen, this.nameSeen], rows, seenRows);
  }

  nik(hi: number, lo: number, row: number): number | undefined {
    return this.nikSeen.getOrSet(hi, lo, row);
  }

  /** Forgets every key, and the memory the tables took (DuplicateCheck.release): no check after. */
  release(): void {
    this.nikSeen.release();
    this.nameSeen.release();
  }

  name(hi: number, lo: number, row: number, hasNik: boolean): number | undefined {
    return nameFirst(this.nameSeen, hi, lo, row, hasNik);
  }
}

/**
 * DuplicateKeyCheck's rule without the first rows: the keys alone, two uint32s a slot (8 bytes
 * instead of 12; 5 million rows' tables ~90 MB instead of ~140). The CLI's replay of its byte
 * ranges learns so which rows repeat an earlier one, then looks up the first rows of the few a
 * summary shows (range-duplicates.ts). Bit 31 of a key's high half holds whether its first row
 * had a NIK (a name key keeps 63 bits of its hash; a NIK key's high half is below 2³¹).
 */
export class DuplicateKeySet {
  private readonly nikSeen = new KeySlots();
  private readonly nameSeen = new KeySlots();

  /** Sizes the sets for `rows` rows from what `seenRows` rows needed (DuplicateCheck.reserve). */
  reserve(rows: number, seenRows: number): void {
    reserveTables([this.nikSeen, this.nameSeen], rows, seenRows);
  }

  /** Whether the NIK key was seen before (DuplicateKeyCheck.nik gave a first row). */
  nik(hi: number, lo: number): boolean {
    return this.nikSeen.add(hi, lo, 0) >= 0;
  }

  /** Whether the row is a likely duplicate by name (DuplicateKeyCheck.name gave a first row). */
  name(hi: number, lo: number, hasNik: boolean): boolean {
    const firstHadNik = this.nameSeen.add(hi, lo, hasNik ? 1 : 0);
    return firstHadNik === 0 || (firstHadNik === 1 && !hasNik);
  }

  /**
   * Reads the slots a row's keys (0, 0: none) will probe first, and nothing else. A replay of
   * millions of keys waits on memory at nearly every key (~170 ns); warming a group of rows'
   * slots before checking them lets those reads overlap (DuplicateReplay.replay: 10 M keys
   * ~1.6 → ~1.2 s in a microbenchmark). The answer means nothing: it keeps the reads from being
   * dropped as unused.
   */
  warm(nikHi: number, nikLo: number, nameHi: number, nameLo: number): number {
    const nik = nikHi !== 0 ? this.nikSeen.warm(nikHi, nikLo) : 0;
    return nameHi !== 0 || nameLo !== 0 ? nik ^ this.nameSeen.warm(nameHi, nameLo) : nik;
  }

  /** Forgets every key, and the memory the sets took. */
  release(): void {
    this.nikSeen.release();
    this.nameSeen.release();
  }
}

/** A key as DuplicateKeySet stores it: bit 31 of the high half cleared, never both halves 0. */
export const setKeyHi = (hi: number): number => hi & 0x7fffffff;
export const setKeyLo = (hi: number, lo: number): number => ((hi & 0x7fffffff) === 0 && lo === 0 ? 1 : lo);

/** Open addressing of keys with one flag bit each (DuplicateKeySet), grown by half when 4/5 full. */
class KeySlots {
  private slots = new Uint32Array(2 * 1024);
  private capacity = 1024;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Stores the key with `flag` when new (-1); else the flag its first add gave (0 or 1). */
  add(rawHi: number, rawLo: number, flag: number): number {
    const hi = setKeyHi(rawHi);
    const lo = setKeyLo(rawHi, rawLo);
    const at = this.slot(hi, lo);
    const slots = this.slots;
    if (slots[at] !== 0 || slots[at + 1] !== 0) return slots[at] >>> 31;
    slots[at] = (hi | (flag << 31)) >>> 0;
    slots[at + 1] = lo;
    if (isFull(++this.count, this.capacity)) this.grow();
    return -1;
  }

  reserve(keys: number): void {
    const capacity = capacityFor(keys);
    if (capacity > this.capacity) this.grow(capacity);
  }

  release(): void {
    this.capacity = 1;
    this.slots = new Uint32Array(2);
    this.count = 0;
  }

  /** The first word of the key's home slot: read only to bring its cache line in (DuplicateKeySet.warm). */
  warm(rawHi: number, rawLo: number): number {
    return this.slots[this.home(setKeyHi(rawHi), setKeyLo(rawHi, rawLo))];
  }

  /** Where the key's probe starts (a multiple of 2); `hi` without its flag. */
  private home(hi: number, lo: number): number {
    let h = hi ^ Math.imul(lo, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (((h ^ (h >>> 16)) >>> 0) % this.capacity) * 2;
  }

  /** The key's slot (a multiple of 2), or the empty one it would take; `hi` without its flag. */
  private slot(hi: number, lo: number): number {
    const slots = this.slots;
    const end = this.capacity * 2;
    let at = this.home(hi, lo);
    while (slots[at] !== 0 || slots[at + 1] !== 0) {
      if ((slots[at] & 0x7fffffff) === hi && slots[at + 1] === lo) return at;
      at += 2;
      if (at === end) at = 0;
    }
    return at;
  }

  private grow(capacity = Math.ceil(this.capacity * 1.5)): void {
    const old = this.slots;
    this.capacity = capacity;
    this.slots = newSlots(capacity * 2);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0 && old[j + 1] === 0) continue;
      const at = this.slot(old[j] & 0x7fffffff, old[j + 1]);
      this.slots[at] = old[j];
      this.slots[at + 1] = old[j + 1];
    }
  }
}
