/**
 * Measuring one benchmarked action at one size: a fresh state per repetition, the median of the
 * workbench's milliseconds, and the action's figures (calls, cells, estimate), which are the same
 * every repetition. Budget tests call {@link figuresOf} for the figures alone, without timing.
 */
import { performance } from 'node:perf_hooks';
import type { ExecutionResult } from '../src/workbench/runtime';
import { Workbench } from '../src/workbench/runtime';
import { DIST } from './dist';
import { benchRun } from './run';
import type { BenchAction, BenchRun } from './types';

export interface Measured extends BenchRun {
  action: string;
  key: string;
  label: string;
  size: Record<string, number>;
  /** Workbench milliseconds, median of the repetitions. */
  ms: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const asRun = (r: BenchRun | ExecutionResult): BenchRun => ('ok' in r ? benchRun(r) : r);

/** The action's calls, cells and estimate at `size` (one run on a fresh state). */
export async function figuresOf(action: BenchAction, size: 0 | 1): Promise<BenchRun> {
  const workbench = new Workbench({ state: action.sizes[size].state(), distDir: DIST });
  return asRun(await action.run(workbench, size));
}

export async function measure(
  action: BenchAction,
  size: 0 | 1,
  repeat = action.repeat ?? 3,
): Promise<Measured> {
  const times: number[] = [];
  let figures: BenchRun | undefined;
  for (let i = 0; i < repeat; i++) {
    const workbench = new Workbench({ state: action.sizes[size].state(), distDir: DIST });
    const start = performance.now();
    figures = asRun(await action.run(workbench, size));
    times.push(performance.now() - start);
  }
  const { label, size: dims = {} } = action.sizes[size];
  return {
    action: action.name,
    key: action.key ?? action.name,
    label,
    size: dims,
    ms: median(times),
    ...(figures as BenchRun),
  };
}
