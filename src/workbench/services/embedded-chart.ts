/**
 * EmbeddedChartBuilder and EmbeddedChart:
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * The spec is plain data (model.ts ChartSpec); its ranges are kept as { sheet, rect }.
 */
import type { ChartSpec, SheetState } from '../model';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, enumName } from './enums';
import { defineMethod } from './methods';
import { rangeFromRef, rangeRef } from './rule-args';

export function newChartBuilder(ctx: Execution, sheet: SheetState, spec?: ChartSpec): unknown {
  return wrap(
    ctx,
    'EmbeddedChartBuilder',
    new EmbeddedChartBuilderImpl(
      ctx,
      sheet,
      spec ?? {
        chartId: -1,
        type: '',
        ranges: [],
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        options: {},
        settings: {},
      },
    ),
  );
}

export function newEmbeddedChart(ctx: Execution, sheet: SheetState, spec: ChartSpec): unknown {
  return wrap(ctx, 'EmbeddedChart', new EmbeddedChartImpl(ctx, sheet, spec));
}

export class EmbeddedChartImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this._spec.chartId >= 0 ? this._spec.chartId : null;
  }
  getId(): string {
    return `u${this._spec.chartId}`;
  }
  getType(): string {
    return this._spec.type;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map((r) => rangeFromRef(this._ctx, r)).filter((r) => r !== null);
  }
  getOptions(): unknown {
    const options = this._spec.options;
    return wrap(this._ctx, 'ChartOptions', {
      get: (key: string): unknown => {
        let v: unknown = options;
        for (const part of String(key).split('.'))
          v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
        return v === undefined ? null : structuredClone(v);
      },
      getOrDefault: (key: string): unknown =>
        options[key] === undefined ? null : structuredClone(options[key]),
    });
  }
  getContainerInfo(): unknown {
    const p = this._spec.position;
    return wrap(this._ctx, 'ContainerInfo', {
      getAnchorRow: () => p.row + 1,
      getAnchorColumn: () => p.column + 1,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    });
  }
  getNumHeaders(): number {
    return (this._spec.settings.numHeaders as number | undefined) ?? -1;
  }
  getMergeStrategy(): unknown {
    const s = this._spec.settings.mergeStrategy as keyof typeof ChartMergeStrategy | undefined;
    return ChartMergeStrategy[s ?? 'MERGE_COLUMNS'];
  }
  getHiddenDimensionStrategy(): unknown {
    const s = this._spec.settings.hiddenDimensionStrategy as
      keyof typeof ChartHiddenDimensionStrategy | undefined;
    return ChartHiddenDimensionStrategy[s ?? 'IGNORE_BOTH'];
  }
  getTransposeRowsAndColumns(): boolean {
    return !!this._spec.settings.transposeRowsAndColumns;
  }
  modify(): unknown {
    return newChartBuilder(this._ctx, this._sheet, structuredClone(this._spec));
  }
}

class EmbeddedChartBuilderImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _sheet: SheetState,
    readonly _spec: ChartSpec,
  ) {}
  build(): unknown {
    return newEmbeddedChart(this._ctx, this._sheet, structuredClone(this._spec));
  }
  addRange(range: unknown): this {
    this._spec.ranges.push(rangeRef(this._ctx, range));
    return this;
  }
  removeRange(range: unknown): this {
    const ref = rangeRef(this._ctx, range);
    this._spec.ranges = this._spec.ranges.filter(
      (r) => !(r.sheet === ref.sheet && JSON.stringify(r.rect) === JSON.stringify(ref.rect)),
    );
    return this;
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map((r) => rangeFromRef(this._ctx, r)).filter((r) => r !== null);
  }
  getChartType(): unknown {
    return ChartType[this._spec.type as keyof typeof ChartType] ?? null;
  }
  setChartType(type: unknown): this {
    this._spec.type = enumName(type);
    return this;
  }
  /** setPosition(anchorRowPos, anchorColPos, offsetX, offsetY), 1-based anchors. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this._spec.position = {
      row: anchorRowPos - 1,
      column: anchorColPos - 1,
      offsetX: offsetX ?? 0,
      offsetY: offsetY ?? 0,
    };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this._spec.options[String(option)] = structuredClone(value);
    return this;
  }
  setNumHeaders(headers: number): this {
    this._spec.settings.numHeaders = headers;
    return this;
  }
  setMergeStrategy(strategy: unknown): this {
    this._spec.settings.mergeStrategy = enumName(strategy);
    return this;
  }
  setHiddenDimensionStrategy(strategy: unknown): this {
    this._spec.settings.hiddenDimensionStrategy = enumName(strategy);
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this._spec.settings.transposeRowsAndColumns = !!transpose;
    return this;
  }
  // Typed-builder conveniences (EmbeddedBarChartBuilder etc.), stored as Charts options.
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setStacked(): this {
    this._spec.settings.stacked = true;
    return this.setOption('isStacked', true);
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', colors);
  }
  setLegendPosition(position: unknown): this {
    return this.setOption('legend', { position: enumName(position).toLowerCase() });
  }
  setXAxisTitle(title: string): this {
    this._spec.options.hAxis = { ...(this._spec.options.hAxis as object), title };
    return this;
  }
  setYAxisTitle(title: string): this {
    this._spec.options.vAxis = { ...(this._spec.options.vAxis as object), title };
    return this;
  }
  setDimensions(width: number, height: number): this {
    this._spec.options.width = width;
    this._spec.options.height = height;
    return this;
  }
}

/** The spec behind a chart given to insertChart/updateChart/removeChart. */
export function chartSpec(ctx: Execution, chart: unknown): ChartSpec {
  const impl = unwrap(chart);
  if (!(impl instanceof EmbeddedChartImpl))
    throw ctx.exception('Workbench: expected an EmbeddedChart (call build())');
  return impl._spec;
}

/** The chart-type shortcuts of the builder: asAreaChart() … asTableChart(). */
const CHART_TYPE_SHORTCUTS: Record<string, keyof typeof ChartType> = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asTableChart: 'TABLE',
};
for (const [name, type] of Object.entries(CHART_TYPE_SHORTCUTS)) {
  defineMethod(EmbeddedChartBuilderImpl, name, function () {
    this._spec.type = type;
    return this;
  });
}
