import fc from 'fast-check';
import { CELL_LIMIT, kegiatanData, splitParts } from '../../../src/core/progress/data-cells';
import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import { newProgress } from '../../../src/core/progress/reducer';
import { parseActivityRow, activityRow } from '../../../src/core/progress/kegiatan-rows';
import { eventRows, joinContinuations, parseEventRow } from '../../../src/core/progress/riwayat-rows';
import type { ActivityInfo } from '../../../src/core/progress/model';

const info = (activity: string): ActivityInfo => ({
  id: 'KGT-0001',
  name: 'Rapat',
  templateId: 'builtin:penguatan-pug',
  templateName: 'Penguatan PUG',
  plannedDate: '',
  place: '',
  personInCharge: '',
  createdBy: 'ana@example.go.id',
  createdAt: '2026-11-24T09:00:00+07:00',
  steps: PENGUATAN_PUG.steps.map((s) => ({
    number: s.number,
    activity,
    executors: s.executors,
    kind: s.kind,
    minutes: s.minutes,
  })),
});

describe('data cells within 50,000 characters', () => {
  test('property: parts are under the limit, keep surrogate pairs whole and join back exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 2, max: 50 }),
        (text, size) => {
          const parts = splitParts(text, size);
          expect(parts.join('')).toBe(text);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(size);
            expect(/^[\udc00-\udfff]/.test(part) && text.length > 0 && parts.indexOf(part) > 0).toBe(false);
          }
        },
      ),
    );
  });

  test('a big activity: Riwayat rows continue, join back to the event; Kegiatan points to them', () => {
    const big = info('x "y" '.repeat(2000));
    const event = {
      kind: 'create' as const,
      id: 'ev1',
      loggedAt: '2026-11-24T09:00:00+07:00',
      by: 'ana',
      activity: big,
    };
    const rows = eventRows(event, '', '');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) for (const v of row) expect(String(v).length).toBeLessThanOrEqual(CELL_LIMIT);
    const other = eventRows({ ...event, id: 'ev2', activity: info('kecil') }, '', '');
    const joined = joinContinuations([...rows, ...other], 2);
    expect(joined.map((j) => [j.row, j.parts])).toEqual([
      [2, rows.length],
      [2 + rows.length, 1],
    ]);
    const parsed = parseEventRow(joined[0].values, 'Asia/Jakarta');
    expect(parsed.ok && parsed.event.kind === 'create' && parsed.event.activity).toEqual(big);

    const stepsIn = { row: 2, parts: rows.length, eventId: 'ev1' };
    const data = kegiatanData(big, stepsIn);
    expect(data.length).toBeLessThanOrEqual(CELL_LIMIT);
    const kegiatan = parseActivityRow(activityRow(newProgress(big), 2, 'Asia/Jakarta', stepsIn));
    expect(kegiatan?.stepsIn).toEqual(stepsIn);
    expect(kegiatan?.info).toEqual({ ...big, steps: [] });
    // A small one keeps its whole copy in Kegiatan.
    expect(parseActivityRow(activityRow(newProgress(info('kecil')), 2, 'Asia/Jakarta'))?.stepsIn).toBeNull();
  });

  test('a continuation row without its head stays a row of its own (reported unreadable)', () => {
    const rows = eventRows(
      {
        kind: 'create',
        id: 'ev1',
        loggedAt: '2026-11-24T09:00:00+07:00',
        by: 'ana',
        activity: info('x'.repeat(9000)),
      },
      '',
      '',
    );
    const joined = joinContinuations(rows.slice(1), 3);
    expect(joined[0]).toMatchObject({ row: 3, parts: 1 });
    expect(parseEventRow(joined[0].values, 'Asia/Jakarta').ok).toBe(false);
  });
});
