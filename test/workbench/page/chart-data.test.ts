import fc from 'fast-check';
import type { Cell, ChartSpec } from '../../../src/workbench/model';
import { chartModel, chartTable, niceTicks, SHEETS_COLORS } from '../../../src/workbench/page/chart-data';

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  chartId: 1,
  type: 'COLUMN',
  ranges: [],
  position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
  options: {},
  settings: {},
  ...over,
});
const cells = (rows: (string | number | null)[][]): (Cell | null)[][] =>
  rows.map((r) => r.map((v) => (v === null ? null : { value: v })));
const text = (c: Cell | null) => (c ? String(c.value) : '');

describe('chartModel: the chart as Sheets reads its range', () => {
  test('a text header over numbers names the series; the first column is the domain', () => {
    const m = chartModel(
      spec(),
      cells([
        ['Kegiatan', 'L', 'P'],
        ['A', 2, 3],
        ['B', 0, 1],
      ]),
      text,
    );
    expect(m.categories).toEqual(['A', 'B']);
    expect(m.series.map((s) => [s.name, s.values, s.color])).toEqual([
      ['L', [2, 0], SHEETS_COLORS[0]],
      ['P', [3, 1], SHEETS_COLORS[1]],
    ]);
    expect([m.horizontal, m.stacked, m.pyramid]).toEqual([false, false, false]);
  });

  test('numbers in the first row: no header (numHeaders -1 detects), unnamed series', () => {
    const m = chartModel(
      spec(),
      cells([
        ['A', 1],
        ['B', 2],
      ]),
      text,
    );
    expect(m.categories).toEqual(['A', 'B']);
    expect(m.series.map((s) => s.name)).toEqual(['Seri 1']);
    expect(
      chartModel(
        spec({ settings: { numHeaders: 1 } }),
        cells([
          ['A', 1],
          ['B', 2],
        ]),
        text,
      ).categories,
    ).toEqual(['B']);
  });

  test('a stacked BAR of a negative and a positive series is a pyramid; a stacked one of two positives is not', () => {
    const table = cells([
      ['Umur', 'Laki-laki', 'Perempuan'],
      ['75+', -1, 2],
      ['0-4', 0, 0],
    ]);
    const bar = spec({ type: 'BAR', options: { isStacked: true } });
    expect(chartModel(bar, table, text)).toMatchObject({ horizontal: true, stacked: true, pyramid: true });
    const positive = cells([
      ['Umur', 'L', 'P'],
      ['75+', 1, 2],
    ]);
    expect(chartModel(bar, positive, text).pyramid).toBe(false);
    expect(chartModel(spec({ type: 'BAR' }), table, text).pyramid).toBe(false);
  });

  test('options: title, axis titles, legend, colours, data labels, size', () => {
    const m = chartModel(
      spec({
        options: {
          title: 'T',
          hAxis: { title: 'H' },
          vAxis: { title: 'V' },
          legend: { position: 'bottom' },
          colors: ['#111111'],
          series: { 1: { color: '#222222', dataLabel: 'value' } },
          width: 400,
          height: 200,
        },
      }),
      cells([
        ['K', 'a', 'b'],
        ['x', 1, 2],
      ]),
      text,
    );
    expect([m.title, m.hAxisTitle, m.vAxisTitle, m.legend, m.width, m.height]).toEqual([
      'T',
      'H',
      'V',
      'bottom',
      400,
      200,
    ]);
    expect(m.series.map((s) => [s.color, s.dataLabels])).toEqual([
      ['#111111', false],
      ['#222222', true],
    ]);
  });

  test('ranges side by side, and transposed', () => {
    const domain = cells([['K'], ['x'], ['y']]);
    const values = cells([['L'], [1], [2]]);
    const s = spec({ ranges: [] });
    expect(chartTable(s, [domain, values]).map((r) => r.map(text))).toEqual([
      ['K', 'L'],
      ['x', '1'],
      ['y', '2'],
    ]);
    const t = spec({ settings: { transposeRowsAndColumns: true } });
    expect(
      chartTable(t, [
        cells([
          ['K', 'x', 'y'],
          ['L', 1, 2],
        ]),
      ]).map((r) => r.map(text)),
    ).toEqual([
      ['K', 'L'],
      ['x', '1'],
      ['y', '2'],
    ]);
  });
});

describe('niceTicks', () => {
  test('round steps through 0 that cover the values; counts step by whole numbers', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-1, 0, true)).toEqual([-1, 0]);
    expect(niceTicks(0, 3, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  test('for any range: ascending, evenly spaced, through 0, covering min and max, at most a dozen', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.boolean(),
        (a, b, whole) => {
          const [min, max] = [Math.min(a, b), Math.max(a, b)];
          const ticks = niceTicks(min, max, whole);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
          expect(ticks).toContain(0);
          expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min));
          expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(Math.max(0, max));
          const step = ticks[1] - ticks[0];
          for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeCloseTo(step, 6);
          if (whole) expect(step).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
