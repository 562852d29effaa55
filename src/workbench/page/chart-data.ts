/**
 * What an embedded chart shows, read as Sheets reads it: the chart's ranges (side by side, or
 * transposed), a header row of series names when the first row is text over numbers (numHeaders
 * -1 = detect), the first column as the domain (categories), one series per other column; the
 * orientation from the type (BAR horizontal, COLUMN and the rest vertical), stacking, colours,
 * legend, axis titles and data labels from the options. Pure: no DOM, so it is easy to test.
 */
import type { Cell, ChartSpec } from '../model';

/** Sheets' default series colours, in order. */
export const SHEETS_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7'];
/** Sheets' default size of a new embedded chart, in pixels. */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  color: string;
  /** The number format of the series' first number: Sheets' axis and data labels use it. */
  numberFormat?: string;
  dataLabels: boolean;
}

export type LegendPosition = 'right' | 'left' | 'top' | 'bottom' | 'none';

export interface ChartModel {
  type: string;
  /** Bars run left to right (BAR) rather than bottom to top (COLUMN). */
  horizontal: boolean;
  stacked: boolean;
  /**
   * A stacked bar of one all-negative and one all-positive series (the add-in writes men as
   * negative numbers shown without the minus): drawn as a population pyramid.
   */
  pyramid: boolean;
  title: string;
  hAxisTitle: string;
  vAxisTitle: string;
  legend: LegendPosition;
  categories: string[];
  series: ChartSeries[];
  width: number;
  height: number;
}

type Options = Record<string, unknown>;

const obj = (v: unknown): Options => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Options) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isNumber = (c: Cell | null | undefined): boolean => typeof c?.value === 'number';
const isText = (c: Cell | null | undefined): boolean => typeof c?.value === 'string' && c.value !== '';

/** The cells of the chart's ranges as one table: columns side by side (MERGE_COLUMNS). */
export function chartTable(spec: ChartSpec, blocks: (Cell | null)[][][]): (Cell | null)[][] {
  const height = Math.max(0, ...blocks.map((b) => b.length));
  const table: (Cell | null)[][] = Array.from({ length: height }, (_, r) =>
    blocks.flatMap((b) => b[r] ?? []),
  );
  if (!spec.settings.transposeRowsAndColumns) return table;
  const width = Math.max(0, ...table.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => table.map((r) => r[c] ?? null));
}

function legendOf(options: Options): LegendPosition {
  const raw = typeof options.legend === 'string' ? options.legend : str(obj(options.legend).position);
  const v = raw.toLowerCase();
  return v === 'left' || v === 'top' || v === 'bottom' || v === 'none' ? v : 'right';
}

/** `series.<i>.dataLabel` (Sheets' own option), or `dataLabel` for every series: 'value' shows them. */
function dataLabelsOf(options: Options, i: number): boolean {
  const one = obj(obj(options.series)[String(i)]);
  const label = one.dataLabel ?? options.dataLabel;
  return label === 'value' || label === true;
}

function colorOf(options: Options, i: number): string {
  const one = str(obj(obj(options.series)[String(i)]).color);
  const list = Array.isArray(options.colors) ? options.colors : [];
  return one || str(list[i]) || SHEETS_COLORS[i % SHEETS_COLORS.length];
}

/**
 * The model of `spec` over `table` (chartTable's result); `text` renders a cell as the sheet
 * shows it (category labels and series names are display values).
 */
export function chartModel(
  spec: ChartSpec,
  table: (Cell | null)[][],
  text: (cell: Cell | null) => string,
): ChartModel {
  const options = spec.options;
  const width = Math.max(1, ...table.map((r) => r.length));
  const numHeaders = typeof spec.settings.numHeaders === 'number' ? spec.settings.numHeaders : -1;
  const first = table[0] ?? [];
  const detected = first.slice(1).some(isText) && table.slice(1).some((r) => r.slice(1).some(isNumber));
  const headers = numHeaders >= 0 ? Math.min(numHeaders, table.length) : detected ? 1 : 0;
  const body = table.slice(headers);
  // A first column of numbers with nothing else is itself a series; otherwise it is the domain.
  const hasDomain = width > 1 || !body.some((r) => isNumber(r[0]));
  const firstSeries = hasDomain ? 1 : 0;
  const series: ChartSeries[] = [];
  for (let c = firstSeries; c < width; c++) {
    const i = c - firstSeries;
    const values = body.map((r) => (isNumber(r[c]) ? (r[c]!.value as number) : null));
    const sample = body.find((r) => isNumber(r[c]))?.[c];
    series.push({
      name: headers > 0 ? text(first[c] ?? null) : `Seri ${i + 1}`,
      values,
      color: colorOf(options, i),
      numberFormat: sample?.format?.numberFormat,
      dataLabels: dataLabelsOf(options, i),
    });
  }
  const horizontal = spec.type === 'BAR';
  const stacked =
    options.isStacked === true || options.isStacked === 'true' || spec.settings.stacked === true;
  const allAtMost = (s: ChartSeries) => s.values.every((v) => v === null || v <= 0);
  const allAtLeast = (s: ChartSeries) => s.values.every((v) => v === null || v >= 0);
  const pyramid =
    horizontal &&
    stacked &&
    series.length === 2 &&
    allAtMost(series[0]) &&
    allAtLeast(series[1]) &&
    series[0].values.some((v) => v !== null && v < 0);
  return {
    type: spec.type,
    horizontal,
    stacked,
    pyramid,
    title: str(options.title),
    hAxisTitle: str(obj(options.hAxis).title),
    vAxisTitle: str(obj(options.vAxis).title),
    legend: legendOf(options),
    categories: body.map((r, i) => (hasDomain ? text(r[0] ?? null) : String(i + 1))),
    series,
    width: typeof options.width === 'number' ? options.width : DEFAULT_CHART_WIDTH,
    height: typeof options.height === 'number' ? options.height : DEFAULT_CHART_HEIGHT,
  };
}

/**
 * About five round steps from `min` to `max` and through 0, as an axis shows them; `whole`
 * (counts) never steps by less than 1.
 */
export function niceTicks(min: number, max: number, whole = false, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = whole && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const nice = steps.map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const step = whole ? Math.max(1, nice) : nice;
  // a range too small for a step of its own (denormal numbers): one unit each side
  if (!(step > 0) || !Number.isFinite(step)) return [...(lo < 0 ? [-1] : []), 0, ...(hi > 0 ? [1] : [])];
  const ticks: number[] = [];
  // k × step, rounded to the step's precision (no 0.30000000000000004); -0 shown as 0
  // (a value below 0 needs a tick below 0 even when lo / step underflows to -0)
  const first = lo < 0 ? Math.min(-1, Math.floor(lo / step)) : 0;
  const last = hi > 0 ? Math.max(1, Math.ceil(hi / step)) : 0;
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) || 0);
  return ticks;
}
