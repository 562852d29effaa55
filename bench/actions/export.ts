/**
 * Export (.xlsx) of the spreadsheet with its `Peserta` register: the workbench's download, what
 * Sheets' File → Download does itself (no Apps Script execution: no calls, no estimate).
 */
import { exportXlsx } from '../../src/workbench/export/xlsx';
import { participantsState } from '../seed/participants';
import type { BenchAction } from '../types';

export const exportActions: BenchAction[] = [
  {
    name: 'Ekspor .xlsx (unduh)',
    key: 'export',
    sizes: [
      { label: '100 peserta', size: { participants: 100 }, state: participantsState(100) },
      { label: '100.000 peserta', size: { participants: 100_000 }, state: participantsState(100_000) },
    ],
    run: async (wb) => {
      const bytes = await exportXlsx(wb.state);
      if (bytes.length === 0) throw new Error('export: empty file');
      return { calls: 0, cellsRead: 0, cellsWritten: 0, estimatedSeconds: null };
    },
    repeat: 1,
  },
];
