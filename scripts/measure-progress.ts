/**
 * A quick measurement of the progress actions (not the bench: bench/index.ts is the official
 * one): service calls, cells read and written, workbench milliseconds at a small and a large
 * `Riwayat`, and a rough typical estimate with the typical figures of the workbench's latency
 * model (src/workbench/services/latency.ts on main: 44.7 ms per round trip, 52 µs per cell read,
 * 12.2 µs per cell written; every call counted as a read/write round trip, CPU not included).
 * Run: node scripts/measure-progress.mjs
 */
import { RangeValues } from '../src/workbench/services/range-values';
import { RangeFormats } from '../src/workbench/services/range-formats';
import { SheetImpl } from '../src/workbench/services/sheet';
import { Workbench } from '../src/workbench/runtime';
import { nextRequest, progressState, seedEvents } from '../bench/actions/progress';
import { rebuildFromLog } from '../src/core/progress/rebuild';
import { join } from 'node:path';

const cells = { read: 0, written: 0 };
const size = (grid: unknown) =>
  Array.isArray(grid)
    ? grid.reduce((n: number, row: unknown) => n + (Array.isArray(row) ? row.length : 1), 0)
    : 0;
type Proto = Record<string, (...args: unknown[]) => unknown>;
const wrap = (
  proto: Proto,
  name: string,
  kind: 'read' | 'written',
  count: (args: unknown[], out: unknown) => number,
) => {
  const original = proto[name];
  if (typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const out = original.apply(this, args);
    cells[kind] += count(args, out);
    return out;
  };
};
wrap(RangeValues.prototype as unknown as Proto, 'getValues', 'read', (_, out) => size(out));
wrap(RangeValues.prototype as unknown as Proto, 'getDisplayValues', 'read', (_, out) => size(out));
wrap(RangeValues.prototype as unknown as Proto, 'setValues', 'written', (args) => size(args[0]));
for (const name of Object.getOwnPropertyNames(RangeFormats.prototype))
  if (/^set\w+s$/.test(name))
    wrap(RangeFormats.prototype as unknown as Proto, name, 'written', (args) => size(args[0]));
wrap(
  SheetImpl.prototype as unknown as Proto,
  'appendRow',
  'written',
  (args) => (args[0] as unknown[]).length,
);

const DIST = join(__dirname, '..', 'dist');
const typical = (calls: number) => calls * 0.0447 + cells.read * 52e-6 + cells.written * 12.2e-6;

function measure(label: string, events: number, name: string, args: () => unknown[]) {
  const workbench = new Workbench({ state: progressState(events), distDir: DIST });
  const call = args();
  cells.read = 0;
  cells.written = 0;
  const started = performance.now();
  const result = workbench.run(name, call);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  if (process.argv.includes('--by-method')) console.log(result.callsByMethod);
  console.log(
    `${label.padEnd(28)} ${String(events).padStart(6)} events: ${String(result.calls).padStart(4)} calls, ` +
      `${String(cells.read).padStart(8)} cells read, ${String(cells.written).padStart(8)} written, ` +
      `${ms.toFixed(0).padStart(6)} ms, typical ≈ ${typical(result.calls).toFixed(2)} s`,
  );
}

for (const events of [100, 20000]) {
  const request = nextRequest(events);
  measure('getActivity (open)', events, 'getActivity', () => [request.activityId]);
  measure('logStep', events, 'logStep', () => [request]);
  measure('menuRebuildProgress', events, 'menuRebuildProgress', () => []);
}

// The core alone: replaying 20,000 events (parse, reduce, lay out both sheets).
const { riwayat } = seedEvents(20000);
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  rebuildFromLog(riwayat, 2, 'Asia/Jakarta');
  console.log(`core rebuildFromLog 20000 events: ${(performance.now() - started).toFixed(0)} ms`);
}
