/**
 * The report's repair after a person's edit of `Peserta` (the blocks onEdit marked dirty,
 * ./on-edit.ts): only those blocks' rows are read again (every column of the add-in's layout,
 * one read per run of blocks), and they give at once
 *  - each block's tallies counted again from its rows alone (core/terpilah/block-tallies.ts);
 *  - the index's counts and codes of those blocks (what ./block-repair.ts would make);
 *  - the duplicate findings of every row whose duplicate group a changed row left or joined.
 *
 * Why that is every duplicate finding that can change: a row's finding (duplicates.ts) depends
 * only on the rows with its key (same NIK; same activity, name and institution), in row order,
 * and on what the check takes from them (activity, name, institution, NIK: a row's print in the
 * tallies, core/terpilah/block-tallies.ts). Only rows of dirty blocks whose print differs changed
 * that, so only groups such a row belonged to before the edit or belongs to now (its new code)
 * changed; of the first, only one it was the first row of (checkedAgain: found by the findings
 * that name it, whose rows' codes name the group). The other rows of a dirty block keep their
 * findings, unless their group is one of those. The index's codes are needed right only outside
 * the dirty blocks: a headline's repair of the index since the tallies were made changes nothing. Every row of a key has
 * its key's code (core/terpilah/register-counts.ts rowCodes: a code is of less than the key), so
 * the rows of those codes hold every such group whole: the check over them, in row order, flags
 * their rows as the check over every row would. Reads only; the caller writes, in its lock.
 */
import { duplicatePrint, firstRowOf, type BlockTallies } from '../../core/terpilah/block-tallies';
import { BLOCK_ROWS, blockRuns, blockSpan } from '../../core/terpilah/block-counts';
import { DuplicateCheck } from '../../core/terpilah/duplicates';
import { codesOfRows, countsOfRows } from '../../core/terpilah/index-rows';
import type { QualityFinding } from '../../core/terpilah/model';
import { rowNormaliser } from '../../core/terpilah/normalise';
import { CODE_CHARS, NO_CODE, type ActivityCounts } from '../../core/terpilah/register-counts';
import { activityDateResolver, ReportTallies } from '../../core/terpilah/report-tallies';
import type { BlockCodes } from './block-repair';
import { keyCellsOf, NO_CHECK, OUR_MAPPING } from './report-tallies';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReportRepairInput {
  tallies: BlockTallies;
  /** The index's counts of each block, and its codes of every row (right but for the dirty blocks'). */
  blocks: readonly ActivityCounts[];
  codes: { nik: string; name: string };
  key: string;
  dirty: readonly number[];
  lastRow: number;
  /** `Peserta`'s last column (the add-in's columns: at most PESERTA_HEADERS.length). */
  lastColumn: number;
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> };
}

export interface ReportRepair {
  tallies: BlockTallies;
  blocks: ActivityCounts[];
  codes: BlockCodes[];
}

const codeAt = (codes: string, row: number) => codes.slice(row * CODE_CHARS, (row + 1) * CODE_CHARS);

export function repairReport(peserta: Sheet, input: ReportRepairInput): ReportRepair {
  const { tallies, key, lastRow, lastColumn, options } = input;
  const dateOf = activityDateResolver(options.referenceDate, options.activityDates, options.timeZone);
  const normaliseOptions = { firstRow: 2, ...options };
  const blocks = [...input.blocks];
  const codes: BlockCodes[] = [];
  const replaced = new Map<number, { tallies: ReportTallies; prints: string[] }>();
  /** The dirty blocks' rows (0-based under the header) as read, their new codes; those whose duplicate key changed. */
  const lines = new Map<number, unknown[]>();
  const fresh = new Map<number, { nik: string; name: string }>();
  const changed = new Set<number>();
  for (const run of blockRuns(input.dirty)) {
    const { first } = blockSpan(run.first, lastRow);
    const count = Math.max(0, Math.min(run.count * BLOCK_ROWS, lastRow - first + 1));
    const grid = count > 0 ? peserta.getSheetValues(first, 1, count, lastColumn) : [];
    for (let k = run.first; k < run.first + run.count; k++) {
      const from = (k - run.first) * BLOCK_ROWS;
      const rows = grid.slice(from, from + BLOCK_ROWS);
      const firstRow = first + from;
      blocks[k] = countsOfRows(rows, OUR_MAPPING, options.timeZone);
      const block = ReportTallies.empty(tallies.referenceDate);
      const quality: QualityFinding[] = [];
      const alone = rowNormaliser(OUR_MAPPING, normaliseOptions, { duplicates: NO_CHECK, quality });
      const prints = rows.map((line, i) => {
        const p = alone.push(line, firstRow + i);
        if (p) block.add(p, dateOf(p.activity));
        const print = duplicatePrint(p);
        if (print !== tallies.printOf(firstRow + i)) changed.add(firstRow + i - 2);
        return print;
      });
      for (const f of quality) block.addFinding(f);
      replaced.set(k, { tallies: block, prints });
      if (rows.length === 0) continue;
      const made = codesOfRows(rows, key);
      codes.push({ block: k, ...made });
      rows.forEach((line, i) => {
        const row = firstRow + i - 2;
        lines.set(row, line);
        fresh.set(row, { nik: codeAt(made.nik, i), name: codeAt(made.name, i) });
      });
    }
  }
  const { found, nikCodes, nameCodes } = checkedAgain(
    peserta,
    input,
    lines,
    fresh,
    changed,
    normaliseOptions,
  );
  const codeOf = (row: number) =>
    fresh.get(row) ?? { nik: codeAt(input.codes.nik, row), name: codeAt(input.codes.name, row) };
  // A stored duplicate finding stays unless its row's key changed or its group is checked again.
  const keep = (f: QualityFinding) => {
    const row = f.row - 2;
    if (changed.has(row)) return false;
    const code = codeOf(row);
    return f.code === 'duplicateNik' ? !nikCodes.has(code.nik) : !nameCodes.has(code.name);
  };
  return { tallies: tallies.repaired(replaced, keep, found), blocks, codes };
}

/**
 * The duplicate findings of every row whose NIK code or name code a changed row (its duplicate
 * key: its print differs) had before or has now: those rows read (their key cells; the dirty
 * blocks' rows as read already), checked in row order.
 */
function checkedAgain(
  peserta: Sheet,
  input: ReportRepairInput,
  lines: Map<number, unknown[]>,
  fresh: ReadonlyMap<number, { nik: string; name: string }>,
  changed: ReadonlySet<number>,
  options: {
    firstRow: number;
    referenceDate: string;
    timeZone: string;
    activityDates?: Record<string, string>;
  },
): { found: QualityFinding[]; nikCodes: Set<string>; nameCodes: Set<string> } {
  // A changed row's group before the edit changed only if that row was its first (a later row
  // dropped from a group flags the others as before): then its other rows that the check flags
  // name it; the rows that it does not flag have a NIK, as had the first, and stay unflagged
  // unless the new first is a flagged one (named, then). Their groups, by their codes now.
  const codeNow = (row: number) =>
    fresh.get(row) ?? { nik: codeAt(input.codes.nik, row), name: codeAt(input.codes.name, row) };
  const nikCodes = new Set<string>();
  const nameCodes = new Set<string>();
  for (const row of changed) {
    const made = fresh.get(row) ?? { nik: NO_CODE, name: NO_CODE };
    nikCodes.add(made.nik);
    nameCodes.add(made.name);
  }
  for (const f of input.tallies.duplicates()) {
    const first = firstRowOf(f);
    if (first === null || !changed.has(first - 2)) continue;
    const code = codeNow(f.row - 2);
    if (f.code === 'duplicateNik') nikCodes.add(code.nik);
    else nameCodes.add(code.name);
  }
  nikCodes.delete(NO_CODE);
  nameCodes.delete(NO_CODE);
  nikCodes.delete('');
  nameCodes.delete('');
  const rows = input.lastRow - 1;
  const inNik: boolean[] = [];
  const inName: boolean[] = [];
  const wanted: number[] = [];
  for (let row = 0; row < rows; row++) {
    const made = fresh.get(row);
    const nik = nikCodes.has(made ? made.nik : codeAt(input.codes.nik, row));
    const name = nameCodes.has(made ? made.name : codeAt(input.codes.name, row));
    inNik[row] = nik;
    inName[row] = name;
    if ((nik || name) && !lines.has(row)) wanted.push(row);
  }
  const all = new Map(lines);
  for (const [row, line] of keyCellsOf(peserta, wanted)) all.set(row, line);
  const quality: QualityFinding[] = [];
  const check = rowNormaliser(OUR_MAPPING, options, { duplicates: new DuplicateCheck(), quality });
  const ordered = [...all.keys()].filter((row) => inNik[row] || inName[row]).sort((a, b) => a - b);
  for (const row of ordered) check.push(all.get(row), row + 2);
  const found = quality.filter((f) =>
    f.code === 'duplicateNik'
      ? inNik[f.row - 2]
      : f.code === 'duplicateNameInstitution'
        ? inName[f.row - 2]
        : false,
  );
  return { found, nikCodes, nameCodes };
}
