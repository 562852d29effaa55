/**
 * `npm run bench`: every user action at two data sizes, side by side: service calls, cells read
 * and written, the workbench's milliseconds and the seconds the latency model estimates in
 * Google Sheets (services/latency.ts). Prints a table and appends it, dated and with the machine,
 * to BENCHMARKS.md. Speed lives here, never in timed test assertions.
 *
 *   npm run bench [-- --json <file>] [--small] [--only <text>]
 *
 * --json writes { "<action>": { "small": {…}, "large": {…} } }; --small runs the small sizes only
 * (while developing: nothing is appended); --only runs the actions whose name or key contains text.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliActions } from './actions/cli';
import { exportActions } from './actions/export';
import { planWriterActions } from './actions/plan-writers';
import { shellActions } from './actions/shell';
import { terpilahComputations } from './actions/terpilah-core';
import { userActions } from './actions/user-actions';
import { measure, type Measured } from './measure';
import { estimateText } from './run';
import type { BenchAction, BenchComputation } from './types';

const root = join(__dirname, '..');
export const actions: BenchAction[] = [
  ...shellActions,
  ...userActions,
  ...exportActions,
  ...cliActions,
  ...planWriterActions,
];

const int = (n: number) => n.toLocaleString('id-ID');

function table(rows: Measured[]): string {
  const lines = [
    '| aksi | data | panggilan | sel dibaca | sel ditulis | workbench (ms) | estimasi Sheets, tipikal (optimis–pesimis) |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.action} | ${r.label} | ${r.calls} | ${int(r.cellsRead)} | ${int(r.cellsWritten)} | ${r.ms.toFixed(1)} | ${estimateText(r)} |`,
    );
  return lines.join('\n');
}

/** { "<action>": { "small": {…}, "large": {…} } } */
function json(rows: Measured[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  rows.forEach((r, i) => {
    const which = i > 0 && rows[i - 1].key === r.key ? 'large' : 'small';
    (out[r.key] ??= {})[which] = {
      label: r.label,
      ...r.size,
      calls: r.calls,
      cellsRead: r.cellsRead,
      cellsWritten: r.cellsWritten,
      estimatedSeconds: r.estimatedSeconds,
      ms: Math.round(r.ms * 10) / 10,
    };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}

const computations: BenchComputation[] = [...terpilahComputations];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const NOTE =
  'Estimasi: latency model of the workbench (src/workbench/services/latency.ts, sources in docs/FIDELITY.md "Latency model"): ' +
  'a round trip per service call by class (a run of writes shares one: the write cache of Apps Script), a cost per cell read and written; sidebar calls include the google.script.run trip. ' +
  'Export and CLI run no Apps Script execution (—).';

async function main(): Promise<void> {
  const smallOnly = process.argv.includes('--small');
  const only = option('--only');
  const chosen = actions.filter((a) => !only || a.name.includes(only) || (a.key ?? '').includes(only));
  const rows: Measured[] = [];
  for (const action of chosen) {
    for (const size of smallOnly ? ([0] as const) : ([0, 1] as const)) {
      const row = await measure(action, size);
      rows.push(row);
      console.error(
        `${row.action} | ${row.label}: ${row.calls} calls, ${estimateText(row)}, ${row.ms.toFixed(0)} ms`,
      );
    }
  }
  const jsonFile = option('--json');
  if (jsonFile) writeFileSync(jsonFile, json(rows));
  const computed =
    !smallOnly && !only && computations.length > 0
      ? `\nCore computations (median of 3):\n\n${computationLines(computations)}\n`
      : '';
  const report = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\nMachine: ${machine()}\n\n${NOTE}\n\n${table(rows)}\n${computed}`;
  console.log(report);
  if (smallOnly || only) return; // a partial run is not a benchmark record
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nAppended by `npm run bench`.\n\n');
  appendFileSync(file, `\n${report}\n`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
