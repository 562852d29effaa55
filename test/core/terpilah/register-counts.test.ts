import fc from 'fast-check';
import { BLOCK_ROWS } from '../../../src/core/terpilah/block-counts';
import type { Participant } from '../../../src/core/terpilah/model';
import {
  activityKey,
  addCounts,
  CHUNK_CHARS,
  CODE_CHARS,
  countByActivity,
  decodeCounts,
  encodeCounts,
  fromChunks,
  keyCode,
  NO_CODE,
  rowCodes,
  rowsWithCode,
  toChunks,
  type CountsStamp,
} from '../../../src/core/terpilah/register-counts';

const STAMP: CountsStamp = { mark: 'm1', sheetId: 7, lastRow: 12, lastColumn: 14, timeZone: 'Asia/Jakarta' };
const person = (activity: string, sex: 'L' | 'P' | null) => ({ activity, sex }) as Participant;

describe('counts per activity', () => {
  test('counts of two parts added equal the counts of both together (property)', () => {
    const p = fc.record({
      activity: fc.constantFrom('A', 'B', 'Rapat 1904014505800001', '#x', ''),
      sex: fc.constantFrom<'L' | 'P' | null>('L', 'P', null),
    });
    fc.assert(
      fc.property(fc.array(p), fc.array(p), (a, b) => {
        const all = [...a, ...b].map((x) => person(x.activity, x.sex));
        const parts = addCounts(
          countByActivity(a.map((x) => person(x.activity, x.sex))),
          countByActivity(b.map((x) => person(x.activity, x.sex))),
        );
        expect({ ...parts }).toEqual({ ...countByActivity(all) });
      }),
    );
  });

  test('an activity named with a NIK is kept under a hash; a name starting with # too', () => {
    expect(activityKey('Rapat PUG')).toBe('Rapat PUG');
    expect(activityKey('Rapat 1904014505800001')).toMatch(/^#[0-9a-z]+$/);
    expect(activityKey('#1')).not.toBe('#1');
    expect(activityKey('Rapat 1904014505800001')).not.toBe(activityKey('Rapat 1904014505800002'));
  });

  test('encoded and decoded back; anything incomplete or tampered is no index', () => {
    // STAMP's 12 rows are one block; the counts are the blocks' sum.
    const counts = countByActivity([person('A', 'L'), person('A', 'P'), person('B', null)]);
    const cells = encodeCounts(STAMP, [counts], true, '', { 0: 'm2' }, 'f1');
    expect(decodeCounts(cells)).toEqual({
      stamp: STAMP,
      counts,
      blocks: [counts],
      seen: { 0: 'm2' },
      flag: 'f1',
      keys: true,
      generation: '',
    });
    expect(decodeCounts(encodeCounts(STAMP, [counts], true, 'g1'))?.generation).toBe('g1');
    // The flag and marks counted under must be there, as texts.
    const head = JSON.parse(cells[0]) as Record<string, unknown>;
    for (const broken of [{ seen: [] }, { seen: { 0: 1 } }, { flag: undefined }, { flag: 7 }])
      expect(decodeCounts([JSON.stringify({ ...head, ...broken }), ...cells.slice(1)])).toBeNull();
    // Blocks that do not cover the stamp's rows are no index.
    expect(decodeCounts(encodeCounts(STAMP, [counts, counts], true))).toBeNull();
    expect(
      decodeCounts(encodeCounts({ ...STAMP, lastRow: 2 + BLOCK_ROWS }, [counts, {}], true))?.counts,
    ).toEqual(counts);
    expect(decodeCounts(cells.slice(0, 1))).toBeNull();
    expect(decodeCounts(['x', ...cells.slice(1)])).toBeNull();
    expect(decodeCounts([cells[0], cells[1].slice(1)])).toBeNull(); // the chunk lost its "k"
    expect(decodeCounts([cells[0], 'k{"k":["A"],"b":[[0,-1,0,0,-1]]}'])).toBeNull();
    expect(decodeCounts([cells[0], 'k{"k":["A"],"b":[[0,2,1,0,0]]}'])).toBeNull(); // L + P + unknown ≠ participants
    expect(decodeCounts([])).toBeNull();
  });

  test('long texts go in chunks under the cell limit, each starting with "k"', () => {
    const text = 'ab'.repeat(CHUNK_CHARS + 10);
    const chunks = toChunks(text);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.startsWith('k') && c.length <= CHUNK_CHARS + 1)).toBe(true);
    expect(fromChunks(chunks)).toBe(text);
    expect(fromChunks([...chunks, '12'])).toBeNull();
  });
});

describe('duplicate codes', () => {
  test('six letters, keyed: another secret gives other codes', () => {
    const a = keyCode('s1', 'n1904014505800001');
    expect(a).toMatch(/^[a-z]{6}$/);
    expect(keyCode('s2', 'n1904014505800001')).not.toBe(a);
    expect(keyCode('s1', 'n1904014505800001')).toBe(a);
  });

  test('a row is coded coarser than duplicateRowsOf and DuplicateCheck compare it: NIK digits, activity and name', () => {
    const key = 'rahasia';
    const base = rowCodes(key, {
      activity: 'Rapat',
      name: 'Siti Aminah',
      nik: '1904014505800001',
      institution: 'Bappeda',
    });
    expect(
      rowCodes(key, {
        activity: ' Rapat ',
        name: 'SITI  aminah',
        nik: '1904 0145 0580 0001',
        institution: 'bappeda.',
      }),
    ).toEqual(base);
    // The name code is of the activity (as the normaliser cleans it) and the name, not the
    // institution: every row a name comparison can find shares it.
    expect(
      rowCodes(key, { activity: 'Rapat\t ', name: 'Siti Aminah', nik: '', institution: 'Dinas' }).name,
    ).toBe(base.name);
    expect(
      rowCodes(key, { activity: 'Rapat 2', name: 'Siti Aminah', nik: '', institution: 'Bappeda' }).name,
    ).not.toBe(base.name);
    expect(
      rowCodes(key, { activity: 'Rapat', name: 'Siti Amina', nik: '', institution: 'Bappeda' }).name,
    ).not.toBe(base.name);
    // An empty activity is the normaliser's: one named so shares its code.
    expect(rowCodes(key, { activity: '', name: 'Ana', nik: '', institution: '' }).name).toBe(
      rowCodes(key, { activity: 'Tanpa nama kegiatan', name: 'Ana', nik: '', institution: '' }).name,
    );
    expect(rowCodes(key, { activity: 'Rapat', name: '', nik: '', institution: '' })).toEqual({
      nik: NO_CODE,
      name: NO_CODE,
    });
  });

  test('rows with a code: only whole codes, never one made of two neighbours', () => {
    const codes = ['aaaaab', 'bbbbbb', 'aaaaab', NO_CODE].join('');
    expect(rowsWithCode(codes, 'aaaaab')).toEqual([0, 2]);
    expect(rowsWithCode(codes, 'abbbbb')).toEqual([]); // spans rows 0 and 1
    expect(rowsWithCode(codes, NO_CODE)).toEqual([]);
    expect(codes.length).toBe(4 * CODE_CHARS);
  });
});
