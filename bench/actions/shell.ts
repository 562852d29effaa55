import { newWorkbookState, newSheetState, type WorkbookState } from '../../src/workbench/model';
import type { BenchAction, BenchSize } from '../types';

/** An empty spreadsheet, and one already holding 20 sheets and 100,000 filled rows. */
const sizes: [BenchSize, BenchSize] = [
  { label: 'kosong', size: { sheets: 1, rows: 0 }, state: () => newWorkbookState('Bench') },
  { label: '20 sheet, 100.000 baris', size: { sheets: 20, rows: 100_000 }, state: () => bigWorkbook() },
];

function bigWorkbook(): WorkbookState {
  const state = newWorkbookState('Bench');
  for (let i = 1; i < 20; i++) state.sheets.push(newSheetState(i, `Sheet${i + 1}`));
  const sheet = state.sheets[0];
  sheet.maxRows = 100_000;
  sheet.rows = Array.from({ length: 100_000 }, (_, r) =>
    Array.from({ length: 13 }, (_, c) => ({ value: c === 0 ? r + 1 : `teks ${r}-${c}` })),
  );
  state.nextId = 20;
  return state;
}

export const shellActions: BenchAction[] = [
  { name: 'onOpen (menu)', key: 'onOpen', sizes, run: (wb) => wb.run('onOpen', [], { authMode: 'LIMITED' }) },
];
