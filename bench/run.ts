/**
 * Turning executions into bench figures: one execution's result, or several summed (an action
 * that makes more than one server call, like opening an activity with its headline).
 */
import type { ExecutionResult } from '../src/workbench/runtime';
import { formatEstimate, SCENARIOS } from '../src/workbench/services/latency';
import type { BenchRun } from './types';

/** Fails loudly: a benchmark of a failed action would measure the error path. */
export function ok(what: string, result: ExecutionResult): ExecutionResult {
  if (!result.ok) throw new Error(`${what}: ${result.error ?? JSON.stringify(result.needsInput)}`);
  const alert = result.ui.find((event) => event.kind === 'alert');
  if (alert) throw new Error(`${what}: alert ${JSON.stringify(alert)}`);
  return result;
}

/** The figures of one or more executions (summed). */
export function benchRun(...results: ExecutionResult[]): BenchRun {
  const seconds = { optimistic: 0, typical: 0, pessimistic: 0 };
  const sum: BenchRun = { calls: 0, cellsRead: 0, cellsWritten: 0, estimatedSeconds: seconds };
  for (const r of results) {
    if (!r.ok) sum.stopped = r.error ?? 'stopped';
    sum.calls += r.calls;
    sum.cellsRead += r.cellsRead ?? 0;
    sum.cellsWritten += r.cellsWritten ?? 0;
    for (const s of SCENARIOS) {
      seconds[s] += r.estimatedSeconds?.[s] ?? 0;
    }
  }
  for (const s of SCENARIOS) seconds[s] = Math.round(seconds[s] * 1000) / 1000;
  return sum;
}

/** "~1.2 s (0.6–2.4 s)", or "—" when no Apps Script execution runs. */
export function estimateText(run: Pick<BenchRun, 'estimatedSeconds' | 'stopped'>): string {
  const text = run.estimatedSeconds ? formatEstimate(run.estimatedSeconds) : '—';
  return run.stopped ? `${text}, dihentikan: ${run.stopped}` : text;
}
