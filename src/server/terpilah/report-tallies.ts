/**
 * The report's tallies in the counts index (core/terpilah/report-tallies.ts): row 4 of the index
 * sheet, A4 the stamp they were made for (the index's own: they are used only while both match
 * `Peserta`), B4… the JSON in chunks. Made by a report that read `Peserta` whole; the add-in's
 * appends (add, import) add their rows inside the lock of the write, through the index's update
 * (./register-counts.ts countAppendedRows).
 *
 * The findings of appended rows are exactly the normaliser's: a row's own findings need only the
 * row; a duplicate needs the earlier rows with the same NIK or the same name, which the index's
 * codes name (every such row has the code; a code's other rows are read and compared too). Those
 * rows are read from `Peserta` and fed, in row order, to the same duplicate check before the new
 * rows: it then flags the new rows as a check over every row would.
 */
import { matchHeaders } from '../../core/terpilah/headers';
import type { Participant, QualityFinding } from '../../core/terpilah/model';
import { rowNormaliser } from '../../core/terpilah/normalise';
import { DuplicateCheck } from '../../core/terpilah/duplicates';
import { PESERTA_HEADERS } from '../../core/terpilah/peserta';
import { rowBlocks } from '../../core/terpilah/read-plan';
import {
  CODE_CHARS,
  fromChunks,
  NO_CODE,
  sameStamp,
  toChunks,
  type CountsStamp,
} from '../../core/terpilah/register-counts';
import { activityDateResolver, ReportTallies } from '../../core/terpilah/report-tallies';
import { activityDates } from './import';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The index sheet's row holding the tallies. */
export const TALLY_ROW = 4;

const OUR_MAPPING = matchHeaders([...PESERTA_HEADERS]).mapping;

/** The tallies in row 4 when they were made for `stamp`; null otherwise (missing, other, broken). */
export function talliesFor(row: readonly unknown[] | undefined, stamp: CountsStamp): ReportTallies | null {
  if (!row) return null;
  try {
    const head = JSON.parse(String(row[0] ?? '')) as { stamp?: CountsStamp; chunks?: unknown };
    const n = head.chunks;
    if (!head.stamp || typeof n !== 'number' || !Number.isInteger(n) || n < 1) return null;
    if (!sameStamp(head.stamp, stamp)) return null;
    const text = fromChunks(row.slice(1, n + 1));
    return text === null ? null : ReportTallies.parse(text);
  } catch {
    return null;
  }
}

/** Writes the tallies made for `stamp` into row 4 (columns added when they need more). */
export function writeTallies(sheet: Sheet, stamp: CountsStamp, tallies: ReportTallies): void {
  const chunks = toChunks(tallies.text());
  const cells = [JSON.stringify({ stamp, chunks: chunks.length }), ...chunks];
  if (cells.length > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cells.length - sheet.getMaxColumns());
  sheet.getRange(TALLY_ROW, 1, 1, cells.length).setValues([cells]);
}

/** Tallies of a register read whole (participants and findings in row order). */
export function talliesOfRead(
  participants: readonly Participant[],
  quality: readonly QualityFinding[],
  options: { referenceDate: string; timeZone: string; activityDates?: Record<string, string> },
): ReportTallies {
  const tallies = ReportTallies.empty(options.referenceDate);
  const dateOf = activityDateResolver(options.referenceDate, options.activityDates, options.timeZone);
  for (const p of participants) tallies.add(p, dateOf(p.activity));
  for (const f of quality) tallies.addFinding(f);
  return tallies;
}

/** The 0-based rows whose code (in `codes`, CODE_CHARS each) is one of `wanted`. */
function rowsWithCodes(codes: string, wanted: ReadonlySet<string>, into: Set<number>): void {
  if (wanted.size === 0) return;
  for (let at = 0, row = 0; at < codes.length; at += CODE_CHARS, row++)
    if (wanted.has(codes.slice(at, at + CODE_CHARS))) into.add(row);
}

const codesOf = (codes: string): Set<string> => {
  const set = new Set<string>();
  for (let at = 0; at < codes.length; at += CODE_CHARS) set.add(codes.slice(at, at + CODE_CHARS));
  set.delete(NO_CODE);
  return set;
};

/**
 * `tallies` plus the rows the add-in appended below row `lastBefore` (the add-in's columns), inside
 * the write's lock: each row normalised as a read of the whole register would (its activity's
 * date, the duplicate check over the earlier rows its codes point to).
 */
export function appendToTallies(
  peserta: Sheet,
  tallies: ReportTallies,
  append: {
    lastBefore: number;
    rows: readonly unknown[][];
    timeZone: string;
    /** The codes of rows 2…lastBefore, and of the appended rows. */
    before: { nik: string; name: string };
    added: { nik: string; name: string };
  },
): void {
  const { lastBefore, rows, timeZone, before, added } = append;
  const options = {
    firstRow: 2,
    referenceDate: tallies.referenceDate,
    timeZone,
    activityDates: activityDates(peserta.getParent()),
  };
  const dateOf = activityDateResolver(options.referenceDate, options.activityDates, timeZone);
  const duplicates = new DuplicateCheck();
  // The earlier rows a new row may repeat: every row with its NIK or its name, in row order.
  const earlier = new Set<number>();
  rowsWithCodes(before.nik, codesOf(added.nik), earlier);
  rowsWithCodes(before.name, codesOf(added.name), earlier);
  const wanted = [...earlier].sort((a, b) => a - b);
  const width = PESERTA_HEADERS.length;
  const seen = rowNormaliser(OUR_MAPPING, options, { duplicates, quality: [] });
  for (const block of rowBlocks(wanted, width)) {
    const values = peserta.getRange(block.first + 2, 1, block.count, width).getValues();
    values.forEach((line, k) => {
      if (earlier.has(block.first + k)) seen.push(line, block.first + k + 2);
    });
  }
  const quality: QualityFinding[] = [];
  const fresh = rowNormaliser(OUR_MAPPING, options, { duplicates, quality });
  rows.forEach((line, i) => {
    const p = fresh.push(line, lastBefore + 1 + i);
    if (p) tallies.add(p, dateOf(p.activity));
  });
  for (const f of quality) tallies.addFinding(f);
}
