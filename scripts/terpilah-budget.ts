/**
 * The terpilah sidebar actions at a small and a large register, measured in the workbench: service
 * calls, cells read and written (test/support/cell-meter.ts) and milliseconds, with an estimate
 * from the issue's figures (50 ms a round trip, 30 µs a cell read, 15 µs a cell written) and the
 * workbench's latency model (estimatedSeconds). Run:
 *   npx esbuild scripts/terpilah-budget.ts --bundle --platform=node --packages=external --outfile=build/terpilah-budget.js && node build/terpilah-budget.js [small] [large]
 */
import { join } from 'node:path';
import { newSheetState, newWorkbookState, type Cell } from '../src/workbench/model';
import { Workbench } from '../src/workbench/runtime';
import { seedParticipantRows } from '../bench/actions/terpilah-report';
import { meterCells } from '../test/support/cell-meter';

const DIST = join(__dirname, '..', 'dist');
const sizes = process.argv.slice(2).map(Number);
const [small, large] = sizes.length === 2 ? sizes : [100, 100_000];

function withPeserta(count: number): Workbench {
  const workbench = new Workbench({ state: newWorkbookState('Bench'), distDir: DIST });
  workbench.run('addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P', age: '40' }]);
  const sheet = workbench.state.sheets.find((s) => s.name === 'Peserta');
  if (!sheet) throw new Error('no Peserta');
  // As a person would have it: the participants right below the header, no pre-formatted blank rows between.
  sheet.rows.length = 2;
  seedParticipantRows(sheet, count);
  return workbench;
}

function withSource(workbench: Workbench, count: number): void {
  const state = workbench.state;
  const sheet = newSheetState(state.nextId++, 'Daftar');
  const rows: Cell['value'][][] = [['Timestamp', 'Nama', 'L/P', 'NIK', 'Umur', 'Kabupaten/Kota', 'Instansi']];
  for (let i = 0; i < count; i++)
    rows.push([
      new Date(Date.UTC(2026, 10, 20, 2, i % 60)),
      `Orang ${i}`,
      i % 2 ? 'L' : 'P',
      `1971014${String(i).padStart(9, '0')}`,
      20 + (i % 40),
      'Bangka',
      `OPD ${i % 20}`,
    ]);
  sheet.rows = rows.map((row) => row.map((value) => ({ value })));
  sheet.maxRows = Math.max(1000, rows.length + 1);
  state.sheets.push(sheet);
}

interface Row {
  action: string;
  size: number;
  calls: number;
  read: number;
  written: number;
  ms: number;
  estimate: number;
  model?: { optimistic: number; typical: number; pessimistic: number };
  byMethod?: Record<string, number>;
}

function measure(action: string, size: number, workbench: Workbench, name: string, args: unknown[]): Row {
  const start = performance.now();
  const { value: result, cells } = meterCells(() => workbench.run(name, args));
  const ms = Math.round(performance.now() - start);
  if (!result.ok) throw new Error(`${action}: ${result.error}`);
  const estimate = result.calls * 0.05 + cells.read * 30e-6 + cells.written * 15e-6;
  return {
    action,
    size,
    calls: result.calls,
    read: cells.read,
    written: cells.written,
    ms,
    estimate,
    model: result.estimatedSeconds,
    byMethod: result.callsByMethod,
  };
}

const rows: Row[] = [];
for (const size of [small, large]) {
  const register = withPeserta(size);
  rows.push(measure('headline', size, register, 'terpilahHeadline', ['Kegiatan 1']));
  rows.push(
    measure('add participant', size, register, 'addParticipant', [
      { name: 'Baru', activity: 'Kegiatan 2', sex: 'L' },
    ]),
  );
  rows.push(measure('report (all)', size, register, 'menuTerpilahReport', []));
  rows.push(
    measure('report (one activity)', size, register, 'generateTerpilahReport', [{ activity: 'Kegiatan 3' }]),
  );
  // The same register with each activity's rows together (as imports and the form leave them).
  const sorted = withPeserta(size);
  const peserta = sorted.state.sheets.find((s) => s.name === 'Peserta');
  if (peserta) {
    const body = peserta.rows
      .slice(1)
      .sort((a, b) => String(a?.[0]?.value).localeCompare(String(b?.[0]?.value)));
    peserta.rows = [peserta.rows[0], ...body];
  }
  rows.push(measure('headline (activities in blocks)', size, sorted, 'terpilahHeadline', ['Kegiatan 3']));
  const importing = new Workbench({ state: newWorkbookState('Bench'), distDir: DIST });
  const importRows = Math.max(size / 2, 50);
  withSource(importing, importRows);
  rows.push(measure(`preview (${importRows} rows)`, size, importing, 'previewImport', ['Daftar']));
  const mapping = { name: 1, sex: 2, nik: 3, age: 4, regency: 5, institution: 6 };
  rows.push(
    measure(`import (${importRows} rows)`, size, importing, 'importParticipants', [
      { sourceSheet: 'Daftar', mapping, activity: 'Rapat' },
    ]),
  );
}
console.log(
  '| action | size | calls | cells read | cells written | workbench ms | issue figures s | latency model s: typical (optimistic–pessimistic) |',
);
console.log('|---|---|---|---|---|---|---|---|');
const f = (v: number) => v.toFixed(1);
for (const r of rows)
  console.log(
    `| ${r.action} | ${r.size} | ${r.calls} | ${r.read} | ${r.written} | ${r.ms} | ${f(r.estimate)} | ${
      r.model ? `${f(r.model.typical)} (${f(r.model.optimistic)}–${f(r.model.pessimistic)})` : ''
    } |`,
  );
if (process.env.BY_METHOD) for (const r of rows) console.log(r.action, r.size, JSON.stringify(r.byMethod));
