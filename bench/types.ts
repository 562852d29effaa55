import type { EstimatedSeconds } from '../src/workbench/protocol';
import type { WorkbookState } from '../src/workbench/model';
import type { ExecutionResult, Workbench } from '../src/workbench/runtime';

/** What one benchmarked action cost: its service calls, cells and the latency model's estimate. */
export interface BenchRun {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Seconds in Google Sheets (services/latency.ts); null when no Apps Script execution runs (export, CLI). */
  estimatedSeconds: EstimatedSeconds | null;
  /** Why Apps Script would have stopped the execution (e.g. past 6 minutes); the figures count until then. */
  stopped?: string;
}

/** One benchmarked user action, measured at two data sizes side by side. */
export interface BenchAction {
  name: string;
  /** The key of `npm run bench -- --json <file>` (default: the name). */
  key?: string;
  /** Exactly two sizes: the small and the large data set. */
  sizes: [BenchSize, BenchSize];
  /** The measured execution(s) against a prepared workbench (one execution's result, or figures). */
  run(workbench: Workbench, size: 0 | 1): BenchRun | ExecutionResult | Promise<BenchRun>;
  /** Repetitions for the timing median (default 3). */
  repeat?: number;
}

export interface BenchSize {
  label: string;
  /** The data size in numbers, for the JSON ({ participants: 100000 }, { events: 20000 }…). */
  size?: Record<string, number>;
  state(): WorkbookState;
}

/** A pure computation timed alone (no service calls), optionally compared with a reference. */
export interface BenchComputation {
  name: string;
  run(): void;
  repeat?: number;
}
