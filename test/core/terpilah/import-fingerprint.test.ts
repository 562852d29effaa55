/**
 * The import's versioned fingerprints: version 2 hashes the mapped columns only and names them;
 * rows imported before — under another mapping, or by the code that hashed every column (version
 * 1) — are still recognised, so importing again never brings a row in twice.
 */
import fc from 'fast-check';
import { FIELDS, importRows, type ImportRowsInput } from '../../../src/core/terpilah/import';
import {
  columnsKey,
  columnsToRead,
  legacyFingerprint,
  mappedColumns,
  parseColumnsKey,
  printPlan,
  sheetTag,
} from '../../../src/core/terpilah/import-fingerprint';
import type { ColumnMapping } from '../../../src/core/terpilah/model';
import { PESERTA_HEADERS } from '../../../src/core/terpilah/peserta';

const TZ = 'Asia/Jakarta';
const SUMBER = PESERTA_HEADERS.indexOf('Sumber');
const SHEET = 'Form Responses 1';

const input = (rows: unknown[][], mapping: ColumnMapping, sourceSheet = SHEET): ImportRowsInput => ({
  sourceSheet,
  rows,
  firstRow: 2,
  mapping,
  participants: [],
  activity: 'Rapat',
  timeZone: TZ,
});
const printsOf = (out: ReturnType<typeof importRows>) => out.rows.map((row) => String(row[SUMBER]));
const blank = (cell: unknown) => cell === '' || cell === null || cell === undefined;
const blankIn = (row: unknown[], columns: number[]) => columns.every((c) => blank(row[c]));

/** What version 1 wrote in Sumber for a source: every non-blank row, its n-th copy suffixed. */
function versionOnePrints(rows: unknown[][], sheet = SHEET): string[] {
  const seen = new Map<string, number>();
  return rows
    .filter((row) => !row.every(blank))
    .map((row) => {
      const base = legacyFingerprint(sheet, row, TZ);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return n === 1 ? base : `${base}.${n}`;
    });
}

describe('version 1 (every column hashed)', () => {
  test('the prints the code before version 2 wrote, pinned', () => {
    // Recorded with core/terpilah/import.ts `fingerprint` at a93540f.
    const row = [
      new Date('2026-11-20T02:00:00Z'),
      'Siti Aminah',
      'Perempuan',
      '1904014505800001',
      '46 tahun',
    ];
    expect(legacyFingerprint(SHEET, [...row, 'peserta', 'ya'], TZ)).toBe('imp:n3dwfqjz5j');
    expect(legacyFingerprint(SHEET, ['Budi', 'L', 33, '', null], TZ)).toBe('imp:11gg3r25cg0');
  });

  test('a print tells sources and values apart, and dates by their instant', () => {
    const row = ['Budi', 'L', 33];
    expect(legacyFingerprint('A', row, TZ)).toBe(legacyFingerprint('A', [...row], TZ));
    expect(legacyFingerprint('A', row, TZ)).not.toBe(legacyFingerprint('B', row, TZ));
    expect(legacyFingerprint('A', ['x', 1], TZ)).not.toBe(legacyFingerprint('A', ['x', 2], TZ));
    expect(legacyFingerprint('A', [new Date(0)], TZ)).not.toBe(legacyFingerprint('A', [new Date(1000)], TZ));
  });
});

describe('version 2 (the mapped columns)', () => {
  test('columns named as runs of letters, read back; anything else is no key', () => {
    expect(columnsKey([1, 2, 3, 4, 5, 6])).toBe('B-G');
    expect(columnsKey([0, 2, 3, 27])).toBe('A,C-D,AB');
    expect(parseColumnsKey('A,C-D,AB')).toEqual([0, 2, 3, 27]);
    for (const key of ['', 'panel', 'b-g', 'G-B', 'B,B', 'C,A', 'A-ZZZZ', 'B-G:'])
      expect(parseColumnsKey(key)).toBeNull();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 30 }),
        (cols) => {
          const sorted = [...cols].sort((a, b) => a - b);
          expect(parseColumnsKey(columnsKey(sorted))).toEqual(sorted);
        },
      ),
    );
  });

  test('a print hashes the mapped cells only: the Timestamp and unmapped answers change nothing', () => {
    const mapping = { name: 1, sex: 2 };
    const [a] = printsOf(importRows(input([[new Date(0), 'Budi', 'L', 'x']], mapping), []));
    const [b] = printsOf(importRows(input([[new Date(5e9), 'Budi', 'L', 'y']], mapping), []));
    const [c] = printsOf(importRows(input([[new Date(0), 'Budi', 'P', 'x']], mapping), []));
    const [d] = printsOf(importRows(input([[new Date(0), 'Budi', 'L', 'x']], mapping, 'Other'), []));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(d).not.toBe(a);
    expect(a).toBe(`imp2:${sheetTag(SHEET)}:B-C:${a.split(':')[3]}`);
  });

  test('a row blank in every mapped column is empty (a form’s Timestamp alone is no participant)', () => {
    const out = importRows(
      input(
        [
          [new Date(0), '', ''],
          ['', '', ''],
          [new Date(0), 'Ani', ''],
        ],
        { name: 1, sex: 2 },
      ),
      [],
    );
    expect(out).toMatchObject({ empty: 2, skipped: 0 });
    expect(out.rows).toHaveLength(1);
  });

  test('the plan: the columns of this source’s earlier prints are read too; version 1 reads every column', () => {
    const mapping = { name: 1, sex: 2 };
    expect(printPlan([], SHEET, mapping)).toEqual({ legacy: false, columnSets: [[1, 2]] });
    const earlier = `imp2:${sheetTag(SHEET)}:B,E:abc`;
    const otherSheet = `imp2:${sheetTag('Lain')}:H:abc`;
    const plan = printPlan(['panel', earlier, `${earlier}.2`, otherSheet, 'imp2:zzzz:B-C:x'], SHEET, mapping);
    expect(plan).toEqual({
      legacy: false,
      columnSets: [
        [1, 2],
        [1, 4],
      ],
    });
    expect(columnsToRead(plan, 8)).toEqual([1, 2, 4]);
    expect(columnsToRead(plan, 3)).toEqual([1, 2]);
    const legacy = printPlan(['imp:abc'], SHEET, mapping);
    expect(legacy.legacy).toBe(true);
    expect(columnsToRead(legacy, 4)).toEqual([0, 1, 2, 3]);
  });
});

// Random sources: few distinct cells, so that identical and blank rows are common.
const cellArb = fc.constantFrom<unknown>(
  '',
  '',
  'Budi',
  'Ani',
  'L',
  'p',
  7,
  null,
  new Date(0),
  new Date(86_400_000),
);
const WIDTH = 5;
const rowsArb = fc.array(fc.array(cellArb, { minLength: WIDTH, maxLength: WIDTH }), { maxLength: 25 });
/** A mapping of some fields onto some columns (two fields may share a column). */
const mappingArb = fc
  .array(fc.option(fc.integer({ min: 0, max: WIDTH - 1 }), { nil: undefined }), {
    minLength: 6,
    maxLength: 6,
  })
  .map((columns) => {
    const mapping: ColumnMapping = {};
    columns.forEach((c, i) => c !== undefined && (mapping[FIELDS[i]] = c));
    return mapping;
  })
  .filter((mapping) => Object.keys(mapping).length > 0);

describe('importing twice never duplicates (fast-check)', () => {
  test('new then new, under any two mappings, with rows appended between', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, mappingArb, mappingArb, (before, added, first, second) => {
        const one = importRows(input(before, first), []);
        const c1 = mappedColumns(first);
        const c2 = mappedColumns(second);
        expect(one.rows).toHaveLength(before.filter((row) => !blankIn(row, c1)).length);
        const two = importRows(input([...before, ...added], second), printsOf(one));
        // Only rows never imported: the old ones blank under the first mapping, and the new ones.
        const fresh =
          before.filter((row) => blankIn(row, c1) && !blankIn(row, c2)).length +
          added.filter((row) => !blankIn(row, c2)).length;
        expect(two.rows).toHaveLength(fresh);
        // And a third time, under either mapping: nothing.
        const known = [...printsOf(one), ...printsOf(two)];
        expect(importRows(input([...before, ...added], first), known).rows).toHaveLength(
          added.filter((row) => blankIn(row, c2) && !blankIn(row, c1)).length,
        );
        expect(importRows(input([...before, ...added], second), known).rows).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  test('old (version 1) then new: nothing imported before comes in again, new rows do', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, mappingArb, (before, added, mapping) => {
        const old = versionOnePrints(before);
        const all = [...before, ...added];
        const next = importRows(input(all, mapping), ['panel', ...old]);
        const columns = mappedColumns(mapping);
        expect(next.rows).toHaveLength(added.filter((row) => !blankIn(row, columns)).length);
        // The new rows' prints are version 2; a third import takes nothing.
        for (const print of printsOf(next)) expect(print.startsWith('imp2:')).toBe(true);
        expect(importRows(input(all, mapping), [...old, ...printsOf(next)]).rows).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });
});
