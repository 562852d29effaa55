/**
 * `npm run bench`: service calls and time of each user action at two data sizes, side by side.
 * Prints a table and appends it, dated and with the machine, to BENCHMARKS.md.
 * Speed lives here, never in timed test assertions.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workbench } from '../src/workbench/runtime';
import { shellActions } from './actions/shell';
import { generateSopActions, planWriterActions } from './actions/plan-writers';
import { progressActions } from './actions/progress';
import { terpilahComputations } from './actions/terpilah-core';
import { terpilahReportActions } from './actions/terpilah-report';
import type { BenchAction, BenchComputation } from './types';

const root = join(__dirname, '..');
const actions: BenchAction[] = [
  ...shellActions,
  ...planWriterActions,
  ...generateSopActions,
  ...progressActions,
  ...terpilahReportActions,
];

interface Row {
  action: string;
  size: string;
  calls: number;
  ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(action: BenchAction): Row[] {
  return action.sizes.map((size, index) => {
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < (action.repeat ?? 5); i++) {
      const workbench = new Workbench({ state: size.state(), distDir: join(root, 'dist') });
      const start = performance.now();
      calls = action.run(workbench, index as 0 | 1).calls;
      times.push(performance.now() - start);
    }
    return { action: action.name, size: size.label, calls, ms: median(times) };
  });
}

function table(rows: Row[]): string {
  const lines = ['| aksi | data | panggilan layanan | waktu (median, ms) |', '|---|---|---:|---:|'];
  for (const row of rows) lines.push(`| ${row.action} | ${row.size} | ${row.calls} | ${row.ms.toFixed(1)} |`);
  return lines.join('\n');
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}

const computations: BenchComputation[] = [...terpilahComputations];

/** Median time of a pure computation after one untimed warm-up run (data generation, JIT). */
function time(computation: BenchComputation): number {
  computation.run();
  const times: number[] = [];
  for (let i = 0; i < (computation.repeat ?? 3); i++) {
    const start = performance.now();
    computation.run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Computations named "<what>: ours" and "<what>: arquero" are printed as one comparison line;
 * others alone.
 */
function computationLines(list: BenchComputation[]): string {
  const ms = new Map(list.map((c) => [c.name, time(c)] as const));
  const lines: string[] = [];
  for (const [name, value] of ms) {
    if (name.endsWith(': arquero')) continue;
    if (name.endsWith(': ours')) {
      const what = name.slice(0, -': ours'.length);
      const reference = ms.get(`${what}: arquero`);
      lines.push(
        reference === undefined
          ? `- ${what}: ours ${value.toFixed(1)} ms`
          : `- ${what}: ours ${value.toFixed(1)} ms vs arquero ${reference.toFixed(1)} ms (${(reference / value).toFixed(1)}×)`,
      );
    } else lines.push(`- ${name}: ${value.toFixed(1)} ms`);
  }
  return lines.join('\n');
}

function main(): void {
  const rows = actions.flatMap(measure);
  const computed =
    computations.length > 0
      ? `\nCore computations (median of 3):\n\n${computationLines(computations)}\n`
      : '';
  const report = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\nMachine: ${machine()}\n\n${table(rows)}\n${computed}`;
  console.log(report);
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file))
    writeFileSync(
      file,
      "# Benchmarks\n\nAppended by `npm run bench`. Service calls must not grow with the data (DESIGN §6).\nTimes are the workbench's, in-process: on Apps Script every service call is a round trip\n(tens of milliseconds), so the call count is the figure that predicts real speed.\n\n",
    );
  appendFileSync(file, `${report}\n`);
}

main();
