import type { Cell } from '../../src/workbench/model';
import type { Workbench } from '../../src/workbench/runtime';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf } from './template-helpers';

/**
 * A `Peserta` the add-in set up (its first participant added through the form), then `rows` put
 * right below its header, as a person would have it (the first participant replaced).
 */
export function pesertaWithRows(rows: Cell['value'][][]): Workbench {
  const workbench = newWorkbench();
  runOk(workbench, 'addParticipant', [{ name: 'x' }]);
  const sheet = sheetOf(workbench, 'Peserta');
  sheet.rows.length = 1;
  for (const row of rows) sheet.rows.push(row.map((value) => ({ value })));
  sheet.maxRows = Math.max(sheet.maxRows, rows.length + 1);
  return workbench;
}
