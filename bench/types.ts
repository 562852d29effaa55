import type { WorkbookState } from '../src/workbench/model';
import type { Workbench } from '../src/workbench/runtime';

/** One benchmarked user action, measured at two data sizes side by side. */
export interface BenchAction {
  name: string;
  /** Exactly two sizes: the small and the large data set. */
  sizes: [BenchSize, BenchSize];
  /** The measured execution(s) against a prepared workbench; returns the service calls it made. */
  run(workbench: Workbench, size: 0 | 1): { calls: number };
  /** Repetitions for the timing median (default 5). */
  repeat?: number;
}

export interface BenchSize {
  label: string;
  state(): WorkbookState;
}

/** A pure computation timed alone (no service calls), optionally compared with a reference. */
export interface BenchComputation {
  name: string;
  run(): void;
  repeat?: number;
}
