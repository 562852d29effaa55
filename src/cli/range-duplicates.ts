/**
 * The duplicate check of a CSV counted in byte ranges (parallel-summary.ts), on the main thread:
 * each range's keys replayed in file order (DuplicateKeySet: the keys alone), the rows flagged
 * kept per activity and type (the file's first ones, the rest counted); once every row is
 * replayed, the first row each kept flag repeats is looked up in the keys read again, and the
 * flagged rows are read again from the checkpoint before each, to write each message as one
 * thread writes it.
 */
import {
  DuplicateKeySet,
  flagDuplicateName,
  flagDuplicateNik,
  KeyTable,
  setKeyHi,
  setKeyLo,
} from '../core/terpilah/duplicates';
import type { matchHeaders } from '../core/terpilah/headers';
import type { QualityCode, QualityFinding } from '../core/terpilah/model';
import { rowNormaliser, type NormaliseOptions } from '../core/terpilah/normalise';
import { QUALITY_ROWS_PER_TYPE } from '../core/terpilah/quality-list';
import type { SummaryTally } from '../core/terpilah/tally';
import { readRecordsAt, type CsvRange } from './csv-range';
import type { KeySpill } from './key-spill';
import { LOG_FIELDS } from './range-worker';

/**
 * Rows replayed before the duplicate tables are sized for the whole file: the rows per byte of
 * the first 20,000 rows hold for the file within a percent or so (the reservation has 10 % to
 * spare), and each row replayed before it is rehashed as the tables grow (~0.1 s at 100,000).
 */
const RESERVE_AT = 20_000;
/** Rows whose slots are warmed at a time (a group), as key fields: 8 to 32 rows measured alike. */
const WARM_FIELDS = 16 * LOG_FIELDS;
/** log2 of the bits firstRows rules keys out with (128 KiB). */
const WANTED_BITS = 20;

/** What a range counted tells the duplicates' messages. */
export interface RangeRows {
  checkpoints: number[];
  /** The activity of each logged key's index. */
  activities: string[];
}

/** A duplicate found by the replay: its row (global and in its range) and the row it repeats. */
export interface Flagged {
  code: QualityCode;
  /** Its range, its row in the file and in the range. */
  range: number;
  row: number;
  local: number;
  /** The row it repeats: looked up once every row is replayed (firstRows), for the rows kept. */
  first: number;
  /** Its key (the NIK's or the name's, as logged). */
  hi: number;
  lo: number;
}

type Group = { count: number; first: Flagged[] };

/**
 * Per activity and type: how many, and the first rows (the only ones a summary can show). The
 * range being replayed keeps its flags by its thread's activity index; when it ends, they are
 * folded in by the activity's name. Ranges are replayed in file order, so the first rows kept
 * are the file's first: each range adds at most the rows still missing.
 */
export class FlagGroups {
  readonly byActivity = new Map<string, Map<QualityCode, Group>>();
  private readonly open = new Map<number, Map<QualityCode, Group>>();

  add(activity: number, flagged: Flagged): void {
    let byCode = this.open.get(activity);
    if (!byCode) this.open.set(activity, (byCode = new Map()));
    let group = byCode.get(flagged.code);
    if (!group) byCode.set(flagged.code, (group = { count: 0, first: [] }));
    group.count++;
    if (group.first.length < QUALITY_ROWS_PER_TYPE) group.first.push(flagged);
  }

  /** The range being replayed is done: `activities` names its activity indices. */
  endRange(activities: readonly string[]): void {
    for (const [activity, byCode] of this.open) {
      const name = activities[activity];
      let merged = this.byActivity.get(name);
      if (!merged) this.byActivity.set(name, (merged = new Map()));
      for (const [code, group] of byCode) {
        let into = merged.get(code);
        if (!into) merged.set(code, (into = { count: 0, first: [] }));
        into.count += group.count;
        for (const f of group.first) if (into.first.length < QUALITY_ROWS_PER_TYPE) into.first.push(f);
      }
    }
    this.open.clear();
  }

  /** Every kept flag. */
  kept(): Flagged[] {
    const kept: Flagged[] = [];
    for (const byCode of this.byActivity.values())
      for (const group of byCode.values()) kept.push(...group.first);
    return kept;
  }
}

/** The check replayed in file order: each range's keys once the ranges before are replayed. */
export class DuplicateReplay {
  private readonly check = new DuplicateKeySet();
  readonly flags = new FlagGroups();
  private replayed = 0;
  /** The file's rows, estimated from the bytes read so far (the tables are sized for it). */
  estimate = 0;
  /** The last group's warm reads, kept so that they are not optimised away. */
  warmth = 0;

  /** `headerRow`: the first range's rows are the file's (after the header); the others' from 1. */
  constructor(private readonly headerRow: number) {}

  /** Range `range`'s next keys, its rows counted from `offset` (the records of the ranges before). */
  replay(range: number, offset: number, keys: Uint32Array): void {
    const { check, flags } = this;
    // One function per batch, not per row: the replay runs once per row of the file.
    const flag = (code: QualityCode, at: number, key: number, row: number, local: number) =>
      flags.add(keys[at + 5], { code, range, row, local, first: 0, hi: keys[key], lo: keys[key + 1] });
    for (let at = 0; at < keys.length; at += LOG_FIELDS) {
      // Each group's slots read ahead of its checks: the reads overlap (DuplicateKeySet.warm).
      if (at % WARM_FIELDS === 0) {
        const end = Math.min(keys.length, at + WARM_FIELDS);
        let warmth = 0;
        for (let w = at; w < end; w += LOG_FIELDS)
          warmth ^= check.warm(keys[w + 1], keys[w + 2], keys[w + 3], keys[w + 4]);
        this.warmth = warmth;
      }
      const row = offset + keys[at];
      const local = range === 0 ? keys[at] - this.headerRow : keys[at];
      const hasNik = keys[at + 1] !== 0;
      if (hasNik && check.nik(keys[at + 1], keys[at + 2])) flag('duplicateNik', at, at + 1, row, local);
      if ((keys[at + 3] !== 0 || keys[at + 4] !== 0) && check.name(keys[at + 3], keys[at + 4], hasNik))
        flag('duplicateNameInstitution', at, at + 3, row, local);
    }
    // The tables sized once for the whole file from the first rows, as one thread sizes them.
    const before = this.replayed;
    this.replayed += keys.length / LOG_FIELDS;
    if (before < RESERVE_AT && this.replayed >= RESERVE_AT && this.estimate > this.replayed)
      check.reserve(this.estimate, this.replayed);
  }

  /** The range being replayed is done: `activities` names its activity indices. */
  endRange(activities: readonly string[]): void {
    this.flags.endRange(activities);
  }

  /** Every row is replayed: the sets (the largest thing kept, ~90 MB at 5 M rows) are freed. */
  release(): void {
    this.check.release();
  }
}

/**
 * The kept flags as findings of `tally` (its rows the file's), each message written from its
 * row read again; every flag counted.
 */
export function addDuplicateFindings(
  tally: SummaryTally,
  flags: FlagGroups,
  ranges: CsvRange[],
  finished: RangeRows[],
  mapping: ReturnType<typeof matchHeaders>['mapping'],
  options: Omit<NormaliseOptions, 'firstRow'>,
): void {
  // Only the rows shown are read again: the first of each activity and type.
  const pending = new Map<number, Flagged[]>(); // range → flagged rows shown
  for (const f of flags.kept()) {
    const list = pending.get(f.range) ?? [];
    pending.set(f.range, list);
    list.push(f);
  }
  const messages = duplicateMessages(ranges, finished, pending, mapping, options);
  for (const [activity, byCode] of flags.byActivity)
    for (const [code, group] of byCode)
      tally.addFindings(
        activity,
        code,
        group.first.map((f) => messages.get(`${code}:${f.row}`)!),
        group.count,
      );
}

/**
 * The row each kept flag repeats: the first row of its key, from every range's keys read again
 * in file order (only the kept flags' keys are looked for: a few per activity and type).
 */
export function firstRows(flags: FlagGroups, spills: KeySpill[], bases: number[]): void {
  const kept = flags.kept();
  if (kept.length === 0) return;
  // Per kind, key → index of its first row in `first` (0 until found).
  const niks = new KeyTable(Math.max(16, kept.length * 2));
  const names = new KeyTable(Math.max(16, kept.length * 2));
  const first: number[] = [];
  // A bit per hashed key wanted (either kind): most rows' keys are ruled out by one bit, not
  // looked up in the tables (5 M rows, ~16,000 keys wanted: 1 bit in 64 set).
  const bits = new Int32Array(1 << (WANTED_BITS - 5));
  const bit = (hi: number, lo: number) =>
    Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> (32 - WANTED_BITS);
  const indexOf = (table: KeyTable, f: Flagged) => {
    const hi = setKeyHi(f.hi);
    const lo = setKeyLo(f.hi, f.lo);
    const b = bit(hi, lo);
    bits[b >>> 5] |= 1 << (b & 31);
    return table.getOrSet(hi, lo, first.length) ?? first.push(0) - 1;
  };
  const wanted = kept.map((f) => indexOf(f.code === 'duplicateNik' ? niks : names, f));
  const find = (table: KeyTable, rawHi: number, rawLo: number, row: number) => {
    const hi = setKeyHi(rawHi);
    const lo = setKeyLo(rawHi, rawLo);
    const b = bit(hi, lo);
    if ((bits[b >>> 5] & (1 << (b & 31))) === 0) return;
    const i = table.get(hi, lo);
    if (i !== undefined && first[i] === 0) {
      first[i] = row;
      missing--;
    }
  };
  // The keys are read only until every first row is found: at 1 M generated rows the last one
  // is row 306,426, so ~70 % of the keys (17 MB of 24) are not read (firstRows, median of 3: 92 → 57 ms).
  let missing = first.length;
  for (let k = 0; k < spills.length && missing > 0; k++)
    spills[k].replayAll((keys) => {
      const base = bases[k];
      for (let at = 0; at < keys.length; at += LOG_FIELDS) {
        if (keys[at + 1] !== 0) find(niks, keys[at + 1], keys[at + 2], base + keys[at]);
        if (keys[at + 3] !== 0 || keys[at + 4] !== 0)
          find(names, keys[at + 3], keys[at + 4], base + keys[at]);
      }
      return missing > 0;
    });
  kept.forEach((f, n) => (f.first = first[wanted[n]]));
}

/** The findings of the flagged rows, each row normalised again as one thread normalised it. */
function duplicateMessages(
  ranges: CsvRange[],
  finished: RangeRows[],
  pending: Map<number, Flagged[]>,
  mapping: ReturnType<typeof matchHeaders>['mapping'],
  options: Omit<NormaliseOptions, 'firstRow'>,
): Map<string, QualityFinding> {
  const out = new Map<string, QualityFinding>();
  const scratch: QualityFinding[] = [];
  let current: Flagged[] = [];
  const { push } = rowNormaliser(
    mapping,
    { ...options, firstRow: 1 },
    {
      quality: scratch,
      duplicates: {
        check: (cells, person) => {
          for (const f of current) {
            const before = scratch.length;
            if (person.nik !== '' && f.code === 'duplicateNik') flagDuplicateNik(cells, person.nik, f.first);
            else if (f.code === 'duplicateNameInstitution')
              flagDuplicateName(cells, person.name, person.institution, f.first);
            if (scratch.length > before) out.set(`${f.code}:${f.row}`, scratch[scratch.length - 1]);
          }
        },
      },
    },
  );
  for (const [k, flagged] of pending) {
    const range = ranges[k];
    const { checkpoints } = finished[k];
    // Rows by the checkpoint block they are in: each block is parsed once.
    const blocks = new Map<number, Flagged[]>();
    for (const f of flagged) {
      let c = 0;
      while (c + 2 < checkpoints.length && checkpoints[c + 2] < f.local) c += 2;
      const list = blocks.get(c) ?? [];
      blocks.set(c, list);
      list.push(f);
    }
    for (const [c, list] of blocks) {
      const before = checkpoints[c];
      const to = c + 3 < checkpoints.length ? checkpoints[c + 3] : range.end;
      const records = readRecordsAt(
        range,
        checkpoints[c + 1],
        to,
        Math.max(...list.map((f) => f.local)) - before,
      );
      const byLocal = new Map<number, Flagged[]>();
      for (const f of list) byLocal.set(f.local, [...(byLocal.get(f.local) ?? []), f]);
      for (const [local, items] of byLocal) {
        current = items;
        scratch.length = 0;
        push(records[local - before - 1], items[0].row);
      }
    }
  }
  return out;
}
