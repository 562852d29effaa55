/**
 * An embedded chart drawn as SVG, the way Sheets lays it out: title top left, legend (right by
 * default), value gridlines with round ticks, bars grouped per category (61.8 % of the slot, as
 * Google Charts) or stacked, horizontal for BAR (first row at the top) and vertical for COLUMN,
 * axis titles, optional data labels. A pyramid (chart-data.ts) is drawn with its categories in a
 * middle axis: the negative series to the left, the positive to the right.
 * Built with createElementNS and textContent only: titles, names and categories are user text.
 */
import { niceTicks, type ChartModel, type ChartSeries } from './chart-data';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'Roboto, Arial, sans-serif';
const LABEL = '#444444';
const GRIDLINE = '#e0e0e0';
const BASELINE = '#9e9e9e';
/** Approximate width of one character of the 12px label font (layout without measuring). */
const CHAR = 6.4;
const GROUP_WIDTH = 0.618;

/** Formats a value as the axis or a data label shows it, with the series' number format. */
export type ValueFormat = (value: number, numberFormat?: string) => string;

type Attrs = Record<string, string | number>;

function node<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `text` cut to about `px` pixels, with an ellipsis (the whole text stays in a <title>). */
function fit(text: string, px: number): string {
  const max = Math.max(1, Math.floor(px / CHAR));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function label(
  parent: SVGElement,
  x: number,
  y: number,
  text: string,
  attrs: Attrs & { testid: string },
  width?: number,
): SVGTextElement {
  const { testid, ...rest } = attrs;
  const shown = width === undefined ? text : fit(text, width);
  const t = node('text', { x, y, 'font-size': 12, fill: LABEL, 'data-testid': testid, ...rest }, shown);
  if (shown === text) parent.append(t);
  else {
    // cut: the whole text as its tooltip and in data-full (a <title> inside would join its text)
    t.setAttribute('data-full', text);
    const g = node('g');
    g.append(node('title', {}, text), t);
    parent.append(g);
  }
  return t;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Counts: every value whole, so the axis steps by whole numbers too. */
const whole = (model: ChartModel): boolean =>
  model.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

/** The value range the bars need: per category sums of each sign when stacked. */
function extent(model: ChartModel): [number, number] {
  let min = 0;
  let max = 0;
  model.categories.forEach((_, i) => {
    const values = model.series.map((s) => s.values[i] ?? 0);
    if (model.stacked) {
      min = Math.min(
        min,
        values.filter((v) => v < 0).reduce((a, b) => a + b, 0),
      );
      max = Math.max(
        max,
        values.filter((v) => v > 0).reduce((a, b) => a + b, 0),
      );
    } else for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  });
  return [min, max];
}

function drawLegend(svg: SVGSVGElement, model: ChartModel, box: Box): void {
  if (model.legend === 'none' || model.series.length === 0) return;
  const g = node('g', { 'data-testid': 'chart-legend' });
  const across = model.legend === 'top' || model.legend === 'bottom';
  let x = box.left;
  let y = box.top;
  for (const s of model.series) {
    const item = node('g', { 'data-testid': 'legend-item' });
    item.append(node('circle', { cx: x + 5, cy: y + 6, r: 5, fill: s.color }));
    const w = across ? Math.min(160, s.name.length * CHAR + 8) : box.width - 16;
    label(item, x + 14, y + 10, s.name, { testid: 'legend-label' }, w);
    g.append(item);
    if (across) x += w + 30;
    else y += 20;
  }
  svg.append(g);
}

/** Where a category's bars go: its slot along the category axis. */
function slots(count: number, length: number): { start: (i: number) => number; size: number } {
  const size = length / Math.max(1, count);
  return { start: (i) => i * size, size };
}

interface Scale {
  at: (v: number) => number;
  ticks: number[];
}

function linear(min: number, max: number, from: number, to: number, whole: boolean): Scale {
  const ticks = niceTicks(min, max, whole);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  return { ticks, at: (v) => from + ((v - lo) / (hi - lo)) * (to - from) };
}

/** One rectangle of a bar, with its tooltip and the data the tests read. */
function bar(s: ChartSeries, category: string, value: number, x: number, y: number, w: number, h: number) {
  const r = node('rect', {
    x: Math.min(x, x + w),
    y: Math.min(y, y + h),
    width: Math.max(Math.abs(w), value === 0 ? 0 : 1),
    height: Math.max(Math.abs(h), value === 0 ? 0 : 1),
    fill: s.color,
    'data-testid': 'chart-bar',
    'data-category': category,
    'data-value': value,
  });
  r.append(node('title', {}, `${category} — ${s.name}: ${value}`));
  return r;
}

/** Bars and labels of a BAR (horizontal) or COLUMN (vertical) chart inside `plot`. */
function drawBars(svg: SVGSVGElement, model: ChartModel, plot: Box, format: ValueFormat): void {
  const [min, max] = extent(model);
  const horizontal = model.horizontal;
  const valueAxis = horizontal
    ? linear(min, max, plot.left, plot.left + plot.width, whole(model))
    : linear(min, max, plot.top + plot.height, plot.top, whole(model));
  const catLength = horizontal ? plot.height : plot.width;
  const slot = slots(model.categories.length, catLength);
  const numberFormat = model.series[0]?.numberFormat;

  const grid = node('g', { 'data-testid': 'value-axis' });
  for (const tick of valueAxis.ticks) {
    const p = valueAxis.at(tick);
    const line = horizontal
      ? { x1: p, x2: p, y1: plot.top, y2: plot.top + plot.height }
      : { x1: plot.left, x2: plot.left + plot.width, y1: p, y2: p };
    grid.append(node('line', { ...line, stroke: tick === 0 ? BASELINE : GRIDLINE }));
    const text = format(tick, numberFormat);
    if (horizontal)
      label(grid, p, plot.top + plot.height + 16, text, { testid: 'tick-label', 'text-anchor': 'middle' });
    else label(grid, plot.left - 6, p + 4, text, { testid: 'tick-label', 'text-anchor': 'end' });
  }
  svg.append(grid);

  const zero = valueAxis.at(0);
  const groupSize = slot.size * GROUP_WIDTH;
  const perSeries = model.stacked ? groupSize : groupSize / Math.max(1, model.series.length);
  const groups = model.series.map((s) =>
    node('g', { 'data-testid': 'chart-series', 'data-name': s.name, fill: s.color }),
  );
  const catAxis = node('g', { 'data-testid': 'category-axis' });
  // A label every `every` categories when they would not fit side by side.
  const every = horizontal ? Math.max(1, Math.ceil(16 / slot.size)) : 1;
  model.categories.forEach((category, i) => {
    const start = (horizontal ? plot.top : plot.left) + slot.start(i) + (slot.size - groupSize) / 2;
    let up = 0;
    let down = 0;
    model.series.forEach((s, k) => {
      const value = s.values[i];
      if (value === null) return;
      const base = model.stacked ? (value >= 0 ? up : down) : 0;
      const from = valueAxis.at(base);
      const to = valueAxis.at(base + value);
      if (model.stacked && value >= 0) up += value;
      else if (model.stacked) down += value;
      const across = start + (model.stacked ? 0 : k * perSeries);
      const rect = horizontal
        ? bar(s, category, value, from, across, to - from, perSeries)
        : bar(s, category, value, across, from, perSeries, to - from);
      groups[k].append(rect);
      if (s.dataLabels) {
        const text = format(value, s.numberFormat);
        const mid = across + perSeries / 2;
        if (horizontal)
          label(groups[k], to + (value < 0 ? -4 : 4), mid + 4, text, {
            testid: 'data-label',
            'text-anchor': value < 0 ? 'end' : 'start',
          });
        else
          label(groups[k], mid, to + (value < 0 ? 14 : -4), text, {
            testid: 'data-label',
            'text-anchor': 'middle',
          });
      }
    });
    if (i % every !== 0) return;
    const mid = (horizontal ? plot.top : plot.left) + slot.start(i) + slot.size / 2;
    if (horizontal)
      label(
        catAxis,
        plot.left - 6,
        mid + 4,
        category,
        { testid: 'category-label', 'text-anchor': 'end' },
        plot.left - 16,
      );
    else
      label(
        catAxis,
        mid,
        plot.top + plot.height + 16,
        category,
        { testid: 'category-label', 'text-anchor': 'middle' },
        slot.size - 4,
      );
  });
  svg.append(...groups, catAxis);
  svg.append(
    node(
      'line',
      horizontal
        ? { x1: zero, x2: zero, y1: plot.top, y2: plot.top + plot.height, stroke: BASELINE }
        : { x1: plot.left, x2: plot.left + plot.width, y1: zero, y2: zero, stroke: BASELINE },
    ),
  );
}

/** The pyramid: categories on a middle axis, series 0 (negative) to the left, series 1 to the right. */
function drawPyramid(
  svg: SVGSVGElement,
  model: ChartModel,
  plot: Box,
  gutter: number,
  format: ValueFormat,
): void {
  const [left, right] = model.series;
  const most = Math.max(1, ...left.values.map((v) => Math.abs(v ?? 0)), ...right.values.map((v) => v ?? 0));
  const half = (plot.width - gutter) / 2;
  const centreLeft = plot.left + half;
  const centreRight = centreLeft + gutter;
  const toLeft = linear(-most, 0, plot.left, centreLeft, whole(model));
  const toRight = linear(0, most, centreRight, plot.left + plot.width, whole(model));
  const axes = node('g', { 'data-testid': 'value-axis' });
  const bottom = plot.top + plot.height;
  for (const [scale, s] of [
    [toLeft, left],
    [toRight, right],
  ] as const)
    for (const tick of scale.ticks) {
      const p = scale.at(tick);
      axes.append(
        node('line', { x1: p, x2: p, y1: plot.top, y2: bottom, stroke: tick === 0 ? BASELINE : GRIDLINE }),
      );
      label(axes, p, bottom + 16, format(tick, s.numberFormat), {
        testid: 'tick-label',
        'text-anchor': 'middle',
      });
    }
  svg.append(axes);
  const slot = slots(model.categories.length, plot.height);
  const size = slot.size * GROUP_WIDTH;
  const groups = [left, right].map((s) =>
    node('g', { 'data-testid': 'chart-series', 'data-name': s.name, fill: s.color }),
  );
  const catAxis = node('g', { 'data-testid': 'category-axis' });
  model.categories.forEach((category, i) => {
    const top = plot.top + slot.start(i) + (slot.size - size) / 2;
    const mid = top + size / 2;
    [left, right].forEach((s, k) => {
      const value = s.values[i];
      if (value === null) return;
      const scale = k === 0 ? toLeft : toRight;
      const from = scale.at(0);
      const to = scale.at(value);
      groups[k].append(bar(s, category, value, from, top, to - from, size));
      if (s.dataLabels)
        label(groups[k], to + (k === 0 ? -4 : 4), mid + 4, format(value, s.numberFormat), {
          testid: 'data-label',
          'text-anchor': k === 0 ? 'end' : 'start',
        });
    });
    label(
      catAxis,
      centreLeft + gutter / 2,
      mid + 4,
      category,
      { testid: 'category-label', 'text-anchor': 'middle' },
      gutter - 4,
    );
  });
  svg.append(...groups, catAxis);
}

/** The whole chart as an <svg> of the model's size. */
export function drawChart(model: ChartModel, format: ValueFormat): SVGSVGElement {
  const { width, height } = model;
  const svg = node('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT,
    role: 'img',
    'data-testid': 'chart-svg',
  });
  svg.append(node('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  if (model.title) svg.append(node('title', {}, model.title));
  const pad = 12;
  let top = pad;
  if (model.title) {
    label(
      svg,
      pad,
      pad + 14,
      model.title,
      { testid: 'chart-title', 'font-size': 15, fill: '#202124' },
      width - 2 * pad,
    );
    top += 30;
  }
  let right = width - pad;
  let bottom = height - pad;
  let left = pad;
  const legendSize = Math.min(170, Math.round(width * 0.26));
  if (model.legend === 'right' && model.series.length > 0) {
    drawLegend(svg, model, {
      left: right - legendSize + 10,
      top: top + 4,
      width: legendSize - 10,
      height: 0,
    });
    right -= legendSize;
  } else if (model.legend === 'left' && model.series.length > 0) {
    drawLegend(svg, model, { left, top: top + 4, width: legendSize - 10, height: 0 });
    left += legendSize;
  } else if (model.legend === 'top' && model.series.length > 0) {
    drawLegend(svg, model, { left, top, width: right - left, height: 20 });
    top += 24;
  } else if (model.legend === 'bottom' && model.series.length > 0) {
    drawLegend(svg, model, { left, top: bottom - 14, width: right - left, height: 20 });
    bottom -= 24;
  }
  if (model.hAxisTitle) {
    label(svg, (left + right) / 2, bottom - 2, model.hAxisTitle, {
      testid: 'axis-title',
      'data-axis': 'h',
      'text-anchor': 'middle',
      'font-style': 'italic',
    });
    bottom -= 20;
  }
  if (model.vAxisTitle) {
    const y = (top + bottom) / 2;
    label(svg, left + 10, y, model.vAxisTitle, {
      testid: 'axis-title',
      'data-axis': 'v',
      'text-anchor': 'middle',
      'font-style': 'italic',
      transform: `rotate(-90 ${left + 10} ${y})`,
    });
    left += 20;
  }
  bottom -= 22; // the labels under the plot (ticks of BAR, categories of COLUMN)
  const longest = Math.max(1, ...model.categories.map((c) => c.length)) * CHAR;
  if (model.pyramid) {
    const gutter = Math.min(110, Math.max(40, longest + 12));
    drawPyramid(svg, model, { left, top, width: right - left, height: bottom - top }, gutter, format);
    return svg;
  }
  if (model.series.length === 0 || model.categories.length === 0) return svg;
  const [min, max] = extent(model);
  const widestTick =
    Math.max(
      ...niceTicks(min, max, whole(model)).map((t) => format(t, model.series[0]?.numberFormat).length),
    ) * CHAR;
  left += model.horizontal ? Math.min(140, longest + 12) : widestTick + 10;
  drawBars(
    svg,
    model,
    { left, top, width: Math.max(10, right - left), height: Math.max(10, bottom - top) },
    format,
  );
  return svg;
}
