/**
 * The report's tallies by block of `Peserta`'s rows (block-counts.ts BLOCK_ROWS), so that after a
 * person's edit the report counts only the edited blocks again (server/terpilah/report-repair.ts).
 * Each block keeps what its rows give alone (report-tallies.ts: counts, institutions and
 * regencies in first-seen order, the findings of each row by itself: per type the count and the
 * first rows); the whole is their in-order merge (ReportTallies.absorb), which is the tallies of
 * one pass over every row. The duplicate findings depend on other rows: they are kept apart, all
 * of them, in row order (NIKs masked), and a repair replaces those of the rows it checks again.
 * Stored one block a row of the index (server/terpilah/report-tallies.ts), beside the merged
 * tallies the fresh report reads alone.
 */
import { maskNiksIn } from '../privacy/mask-nik';
import { BLOCK_ROWS, blockOfRow } from './block-counts';
import type { Participant, QualityCode, QualityFinding, TerpilahSummary } from './model';
import { ReportTallies } from './report-tallies';

/** The findings of the duplicate check (duplicates.ts): the only ones that depend on other rows. */
export const DUPLICATE_CODES: ReadonlySet<QualityCode> = new Set<QualityCode>([
  'duplicateNik',
  'duplicateNameInstitution',
]);

/** Letters of a row's duplicate print. */
const PRINT_CHARS = 10;
/** The print of a row that is no participant (blank in every mapped column). */
export const NO_PRINT = '-'.repeat(PRINT_CHARS);

/**
 * What the duplicate check and its findings take from a row (duplicates.ts: activity, name,
 * institution, NIK), as 47 bits in ten letters: a repair compares a dirty block's rows with their
 * prints to find the rows whose duplicate key changed (others may have been typed into, their
 * duplicate findings stay). Letters only, so that no run of prints looks like a NIK; a NIK
 * cannot be read back from 47 bits of it mixed with the name.
 */
export function duplicatePrint(p: Participant | null): string {
  if (!p) return NO_PRINT;
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  for (const text of [p.activity, p.name, p.institution, p.nik]) {
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x10ffff;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) >>> 0;
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35) >>> 0;
  let high = a >>> 9; // 23 bits
  let low = b >>> 8; // 24 bits
  let print = '';
  for (let i = 0; i < 5; i++) {
    print += String.fromCharCode(97 + (high % 26)) + String.fromCharCode(97 + (low % 26));
    high = Math.floor(high / 26);
    low = Math.floor(low / 26);
  }
  return print;
}

/**
 * The row a duplicate finding says its row repeats (duplicates.ts writes "… baris N …" after the
 * name and institution it quotes: the last such number); null when none.
 */
export function firstRowOf(f: QualityFinding): number | null {
  const all = [...String(f.message ?? '').matchAll(/baris (\d+)/g)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : null;
}

/** A duplicate finding as stored: [row, code, column or null, message]. */
type StoredDuplicate = [number, QualityCode, string | null, string];

/** One block as stored (a cell of the index, or a few): its tallies, its rows' prints, its rows' duplicate findings. */
interface StoredPart {
  /** The id of the set of parts it belongs to (server/terpilah/report-tallies.ts). */
  i: string;
  t: unknown;
  p: string;
  d: StoredDuplicate[];
}

const masked = (f: QualityFinding): QualityFinding => {
  const out: QualityFinding = { row: f.row, code: f.code, message: maskNiksIn(String(f.message ?? '')) };
  if (f.column !== undefined) out.column = maskNiksIn(f.column);
  return out;
};

/** Row order; within a row the NIK's finding before the name's (the check flags them so). */
const byRow = (a: QualityFinding, b: QualityFinding) =>
  a.row - b.row || (a.code === b.code ? 0 : a.code === 'duplicateNik' ? -1 : 1);

export class BlockTallies {
  private constructor(
    readonly referenceDate: string,
    /** Per block its rows' tallies (a hole: a block not loaded, ./fromParts). */
    private readonly blocks: (ReportTallies | undefined)[],
    /** Per block, per row of it, the row's duplicate print (holes: NO_PRINT). */
    private readonly prints: string[][],
    /** Every duplicate finding of the blocks loaded, in row order. */
    private duplicateList: QualityFinding[],
  ) {}

  static empty(referenceDate: string): BlockTallies {
    return new BlockTallies(referenceDate, [], [], []);
  }

  /**
   * The blocks from their stored parts (block → its text; `id`: the set they must belong to);
   * null when one is not a complete part of that set. Blocks not given are holes: only the
   * blocks given may be added to, and merged() needs them all.
   */
  static fromParts(
    referenceDate: string,
    parts: ReadonlyMap<number, string>,
    id: string,
  ): BlockTallies | null {
    const blocks: (ReportTallies | undefined)[] = [];
    const prints: string[][] = [];
    const duplicates: QualityFinding[] = [];
    try {
      for (const [k, text] of [...parts].sort((a, b) => a[0] - b[0])) {
        const part = JSON.parse(text) as StoredPart;
        if (!part || part.i !== id || typeof part.p !== 'string' || !Array.isArray(part.d)) return null;
        const block = ReportTallies.fromStored(part.t);
        if (!block || block.referenceDate !== referenceDate) return null;
        if (part.p.length % PRINT_CHARS !== 0 || part.p.length > BLOCK_ROWS * PRINT_CHARS) return null;
        blocks[k] = block;
        const list: string[] = [];
        for (let at = 0; at < part.p.length; at += PRINT_CHARS) list.push(part.p.slice(at, at + PRINT_CHARS));
        prints[k] = list;
        for (const d of part.d) {
          if (!Array.isArray(d) || !Number.isInteger(d[0]) || !DUPLICATE_CODES.has(d[1])) return null;
          if (blockOfRow(d[0]) !== k) return null;
          const f: QualityFinding = { row: d[0], code: d[1], message: String(d[3] ?? '') };
          if (typeof d[2] === 'string') f.column = d[2];
          duplicates.push(f);
        }
      }
    } catch {
      return null;
    }
    for (let k = 0; k < blocks.length; k++) prints[k] ??= [];
    return new BlockTallies(referenceDate, blocks, prints, duplicates.sort(byRow));
  }

  /** How many blocks these tallies hold (the last one with a row counted, or loaded). */
  get blockCount(): number {
    return this.blocks.length;
  }

  /** Blocks `wanted` as stored, in the set `id`: block → its text. */
  partTexts(wanted: Iterable<number>, id: string): Map<number, string> {
    const duplicates = new Map<number, StoredDuplicate[]>();
    for (const f of this.duplicateList) {
      const k = blockOfRow(f.row);
      const list = duplicates.get(k) ?? [];
      list.push([f.row, f.code, f.column ?? null, String(f.message)]);
      duplicates.set(k, list);
    }
    const texts = new Map<number, string>();
    for (const k of wanted) {
      const list = this.prints[k] ?? [];
      const part: StoredPart = {
        i: id,
        t: (this.blocks[k] ?? ReportTallies.empty(this.referenceDate)).stored(),
        p: Array.from({ length: list.length }, (_, i) => list[i] ?? NO_PRINT).join(''),
        d: duplicates.get(k) ?? [],
      };
      texts.set(k, JSON.stringify(part));
    }
    return texts;
  }

  private blockOf(row: number): ReportTallies {
    const k = blockOfRow(row);
    while (this.blocks.length <= k) {
      this.blocks.push(undefined);
      this.prints.push([]);
    }
    return (this.blocks[k] ??= ReportTallies.empty(this.referenceDate));
  }

  /** Counts one participant (rows in sheet order); `date`: its activity's date for ages. */
  add(p: Participant, date: string): void {
    this.blockOf(p.row).add(p, date);
    this.prints[blockOfRow(p.row)][(p.row - 2) % BLOCK_ROWS] = duplicatePrint(p);
  }

  /** The print of sheet row `row` as counted (NO_PRINT: no participant). */
  printOf(row: number): string {
    return this.prints[blockOfRow(row)]?.[(row - 2) % BLOCK_ROWS] ?? NO_PRINT;
  }

  /** Counts one finding (in row order, after its row's participant). */
  addFinding(f: QualityFinding): void {
    if (!DUPLICATE_CODES.has(f.code)) {
      this.blockOf(f.row).addFinding(f);
      return;
    }
    const list = this.duplicateList;
    list.push(masked(f));
    if (list.length > 1 && byRow(list[list.length - 2], list[list.length - 1]) > 0) list.sort(byRow);
  }

  /** The duplicate findings, in row order. */
  duplicates(): readonly QualityFinding[] {
    return this.duplicateList;
  }

  /**
   * These tallies with the blocks of `replaced` counted again (a block's rows alone, no duplicate
   * finding) and the duplicate findings `keep` says to keep, plus `found` (those checked again).
   */
  repaired(
    replaced: ReadonlyMap<number, { tallies: ReportTallies; prints: string[] }>,
    keep: (f: QualityFinding) => boolean,
    found: readonly QualityFinding[],
  ): BlockTallies {
    const blocks = [...this.blocks];
    const prints = [...this.prints];
    for (const [k, block] of replaced) {
      while (blocks.length <= k) {
        blocks.push(undefined);
        prints.push([]);
      }
      blocks[k] = block.tallies;
      prints[k] = block.prints;
    }
    const duplicates = [...this.duplicateList.filter(keep), ...found.map(masked)].sort(byRow);
    return new BlockTallies(this.referenceDate, blocks, prints, duplicates);
  }

  /** One ReportTallies of every row: the blocks merged in order, then the duplicate findings. */
  merged(): ReportTallies {
    const all = ReportTallies.empty(this.referenceDate);
    for (const block of this.blocks) if (block) all.absorb(block);
    for (const f of this.duplicateList) all.addFinding(f);
    return all;
  }

  summaries(): TerpilahSummary[] {
    return this.merged().summaries();
  }

  datesMatch(
    referenceDate: string,
    activityDates: Record<string, string> | undefined,
    timeZone: string,
  ): boolean {
    return this.merged().datesMatch(referenceDate, activityDates, timeZone);
  }

  /** The date an activity's ages were computed at; null when it has no participant yet. */
  dateOf(activity: string): string | null {
    for (const block of this.blocks) {
      const date = block?.dateOf(activity) ?? null;
      if (date !== null) return date;
    }
    return null;
  }
}
