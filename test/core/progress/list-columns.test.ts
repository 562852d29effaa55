/**
 * The activity list read from `Kegiatan`'s list columns only (Status … Data) is the list read
 * from whole rows: the sidebar's first call reads 8 columns of 15 and must show the same thing.
 */
import fc from 'fast-check';
import { activityRow, KEGIATAN_HEADERS } from '../../../src/core/progress/kegiatan-rows';
import { newProgress } from '../../../src/core/progress/reducer';
import {
  activityListFromListColumns,
  activityListFromRows,
  LIST_COLUMNS,
} from '../../../src/core/progress/views';
import { pugActivity, TZ } from './fixtures';

const WIDTH = KEGIATAN_HEADERS.length;
const narrow = (rows: unknown[][]) =>
  rows.map((row) => row.slice(LIST_COLUMNS.first, LIST_COLUMNS.first + LIST_COLUMNS.count));

/** What a cell of `Kegiatan` may hold after the add-in and a person: text, numbers, dates, blanks. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'Selesai', 'berjalan ', 'Belum mulai', 'KGT-0003', '2026-11-24 08:00', '{"id":1}'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
);

/** An activity row as the add-in writes it, then cells overwritten by a person. */
const activityRowArb = fc
  .record({
    id: fc.integer({ min: 1, max: 40 }).map((n) => `KGT-${String(n).padStart(4, '0')}`),
    name: fc.string({ maxLength: 20 }),
    day: fc.integer({ min: 20, max: 28 }),
    langkahRow: fc.integer({ min: 2, max: 500 }),
    edits: fc.array(fc.tuple(fc.integer({ min: 0, max: WIDTH - 1 }), cell), { maxLength: 4 }),
  })
  .map(({ id, name, day, langkahRow, edits }) => {
    const info = { ...pugActivity(id, name), createdAt: `2026-11-${day}T08:00:00+07:00` };
    const row: unknown[] = activityRow(newProgress(info), langkahRow, TZ);
    for (const [c, value] of edits) row[c] = value;
    return row;
  });

const blankRow = fc.constant(Array.from({ length: WIDTH }, () => ''));
const typedRow = fc.array(cell, { minLength: WIDTH, maxLength: WIDTH });
const register = fc.array(fc.oneof(activityRowArb, activityRowArb, blankRow, typedRow), { maxLength: 25 });

describe('activityListFromListColumns', () => {
  test('the list columns are Status through Data, contiguous', () => {
    expect(KEGIATAN_HEADERS.slice(LIST_COLUMNS.first, LIST_COLUMNS.first + LIST_COLUMNS.count)).toEqual([
      'Status',
      'Progres (%)',
      'Langkah saat ini',
      'Perbaikan',
      'Dibuat oleh',
      'Dibuat pada',
      'Baris Langkah',
      'Data',
    ]);
  });

  test('equals the list from whole rows on any register (typed cells, blank rows, copies)', () => {
    fc.assert(
      fc.property(register, (rows) => {
        expect(activityListFromListColumns(narrow(rows))).toEqual(activityListFromRows(rows));
      }),
      { numRuns: 300 },
    );
  });

  test('a typed name in the Nama column does not change the listed name (Data is the identity)', () => {
    const row: unknown[] = activityRow(newProgress(pugActivity('KGT-0001', 'Rapat')), 2, TZ);
    row[KEGIATAN_HEADERS.indexOf('Nama kegiatan')] = 'Diketik orang';
    const [item] = activityListFromListColumns(narrow([row]));
    expect(item.name).toBe('Rapat');
    expect(activityListFromListColumns([])).toEqual([]);
  });
});
