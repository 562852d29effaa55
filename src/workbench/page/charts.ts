/** Chart cards under the grid: the spec, and a plain HTML bar rendering of the first range. */
import { toA1 } from '../a1';
import type { Cell, ChartSpec } from '../model';
import { fetchWorkbook } from './api';
import { displayValue } from '../format/display';
import { el } from './dom';

/** What a cell's display text depends on besides the cell. */
interface Spreadsheet {
  timeZone: string;
  locale: string;
}

const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

export function renderCharts(
  host: HTMLElement,
  sheetName: string,
  charts: ChartSpec[],
  where: Spreadsheet,
): void {
  host.replaceChildren();
  if (charts.length === 0) return;
  host.append(el('h3', 'charts-title', `Diagram di sheet ini (${charts.length})`));
  for (const chart of charts) {
    const card = el('div', 'chart-card');
    card.dataset.testid = 'chart';
    const title = typeof chart.options.title === 'string' ? chart.options.title : '(tanpa judul)';
    card.append(el('div', 'chart-head', `${chart.type} — ${title}`));
    const ranges = chart.ranges.map((r) => `${r.sheet || sheetName}!${toA1(r.rect)}`).join(', ');
    card.append(el('div', 'chart-meta', `Data: ${ranges || '(tidak ada)'}`));
    const opts = Object.entries({ ...chart.settings, ...chart.options })
      .filter(([k]) => k !== 'title')
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    if (opts.length) card.append(el('div', 'chart-meta', opts.join(' · ')));
    const body = el('div', 'chart-body', 'Memuat data…');
    card.append(body);
    host.append(card);
    const first = chart.ranges[0];
    if (!first) {
      body.textContent = '';
      continue;
    }
    fetchWorkbook({
      sheet: first.sheet || sheetName,
      offset: first.rect.row,
      limit: Math.min(first.rect.numRows, 200),
    })
      .then((wb) => {
        const rows = (wb.sheets[0]?.rows ?? []).map((row) =>
          Array.from({ length: first.rect.numColumns }, (_, i) => row?.[first.rect.column + i] ?? null),
        );
        drawBars(body, rows, where);
      })
      .catch((e: Error) => {
        body.textContent = `Data tidak dapat dimuat: ${e.message}`;
      });
  }
}

function drawBars(body: HTMLElement, rows: (Cell | null)[][], where: Spreadsheet): void {
  body.replaceChildren();
  if (rows.length === 0) return;
  const isNum = (c: Cell | null): boolean => typeof c?.value === 'number';
  const header = rows[0].slice(1).some((c) => c && !isNum(c) && c.value !== '') ? rows[0] : null;
  const data = header ? rows.slice(1) : rows;
  const seriesCount = Math.max(0, rows[0].length - 1);
  if (seriesCount === 0 || data.length === 0) return;
  const max = Math.max(
    1e-9,
    ...data.flatMap((r) => r.slice(1).map((c) => (isNum(c) ? Math.abs(c!.value as number) : 0))),
  );
  if (header) {
    const legend = el('div', 'chart-legend');
    header.slice(1).forEach((c, i) => {
      const item = el(
        'span',
        'legend-item',
        displayValue(c && { value: c.value }, where.timeZone, where.locale),
      );
      item.style.setProperty('--c', COLORS[i % COLORS.length]);
      legend.append(item);
    });
    body.append(legend);
  }
  for (const r of data.slice(0, 50)) {
    const line = el('div', 'bar-row');
    line.append(el('span', 'bar-label', displayValue(r[0], where.timeZone, where.locale)));
    const bars = el('span', 'bars');
    r.slice(1).forEach((c, i) => {
      const v = isNum(c) ? (c!.value as number) : 0;
      const bar = el('span', 'bar');
      bar.style.width = `${(Math.abs(v) / max) * 100}%`;
      bar.style.background = COLORS[i % COLORS.length];
      bar.title = String(v);
      const wrap = el('span', 'bar-wrap');
      wrap.append(bar, el('span', 'bar-value', String(v)));
      bars.append(wrap);
    });
    line.append(bars);
    body.append(line);
  }
}
