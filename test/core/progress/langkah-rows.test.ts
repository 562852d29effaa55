import { LANGKAH_HEADERS, parseStepRows, stepRows } from '../../../src/core/progress/langkah-rows';
import { newProgress } from '../../../src/core/progress/reducer';
import { pugActivity, TZ } from './fixtures';

const info = pugActivity();
const fresh = () => stepRows(newProgress(info), '2026-11-24T09:00:00+07:00', TZ);
type Column = (typeof LANGKAH_HEADERS)[number];
const column = (name: Column) => LANGKAH_HEADERS.indexOf(name);

/** The fresh rows with some cells of step 1 changed, read back as rows 5 onwards. */
function readWith(cells: Partial<Record<Column, unknown>>) {
  const rows: unknown[][] = fresh();
  for (const [name, value] of Object.entries(cells)) rows[0][column(name as Column)] = value;
  return parseStepRows(info, rows, 5, TZ);
}

describe('Langkah rows read back', () => {
  test('the rows written read back as the state they came from', () => {
    expect(parseStepRows(info, fresh(), 2, TZ)).toEqual({ ok: true, progress: newProgress(info) });
  });

  const started = { Status: 'Berjalan', Mulai: '2026-11-24 08:00' };
  test.each<[Column, Partial<Record<Column, unknown>>]>([
    ['ID kegiatan', { 'ID kegiatan': 'KGT-0002' }],
    ['No', { No: 9 }],
    ['Status', { Status: 'Mungkin' }],
    ['Mulai', { Mulai: 'kemarin' }],
    ['Mulai', { Status: 'Berjalan' }],
    ['Selesai', { ...started, Selesai: 'nanti' }],
    ['Selesai', { ...started, Status: 'Selesai' }],
    ['Diubah pada', { 'Diubah pada': 'besok' }],
    ['Keputusan', { Keputusan: 'Mungkin' }],
    ['Revisi', { Revisi: -1 }],
    ['Perbaikan diminta', { 'Perbaikan diminta': 1.5 }],
  ])('nonsense in %s names the row, the column and the value', (name, cells) => {
    expect(readWith(cells)).toEqual({
      ok: false,
      row: 5,
      column: name,
      value: String(cells[name] ?? ''),
    });
  });

  test('a missing row is a wrong one', () => {
    expect(parseStepRows(info, fresh().slice(0, 2), 2, TZ)).toMatchObject({ ok: false, row: 4 });
  });

  test('times as Date cells or local text, counts left empty, Paralel as TRUE text', () => {
    const rows: unknown[][] = fresh();
    rows[0][column('Status')] = 'selesai';
    rows[0][column('Mulai')] = new Date('2026-11-24T01:00:00Z');
    rows[0][column('Selesai')] = '2026-11-24 09:30';
    rows[0][column('Revisi')] = '';
    rows[0][column('Paralel')] = 'TRUE';
    rows[0][column('Keputusan')] = 'sesuai';
    const result = parseStepRows(info, rows, 2, TZ);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.progress.steps[0]).toMatchObject({
      status: 'done',
      startedAt: '2026-11-24T08:00:00+07:00',
      finishedAt: '2026-11-24T09:30:00+07:00',
      revisions: 0,
      override: true,
      decision: 'approved',
    });
  });
});
