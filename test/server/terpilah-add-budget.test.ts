/**
 * Adding a participant from the sidebar: the same calls whatever the register holds, and of its
 * rows only the Nama and NIK columns are read (the duplicate check), never whole rows.
 */
import { seedParticipantRows } from '../../bench/actions/terpilah-report';
import type { Workbench } from '../../src/workbench/runtime';
import { meterCells } from '../support/cell-meter';
import { newWorkbench, runOk } from '../support/workbench';
import { sheetOf, valuesOf } from './template-helpers';

function register(count: number): Workbench {
  const workbench = newWorkbench();
  runOk(workbench, 'addParticipant', [{ name: 'Pertama', activity: 'Kegiatan 1', sex: 'P' }]);
  const sheet = sheetOf(workbench, 'Peserta');
  sheet.rows.length = 2;
  seedParticipantRows(sheet, count);
  sheet.maxRows = count + 500; // room to append: growing the grid is a separate, rare step
  return workbench;
}

test('add participant: the same calls at 100 and 10,000 participants; two cells read a row', () => {
  const runs = [100, 10_000].map((count) => {
    const workbench = register(count);
    const { value: result, cells } = meterCells(() =>
      runOk(workbench, 'addParticipant', [
        { name: 'Baru', activity: 'Kegiatan 2', sex: 'L', nik: '1971011203750002' },
      ]),
    );
    expect(result.value).toMatchObject({ row: count + 2 });
    const values = valuesOf(sheetOf(workbench, 'Peserta'));
    expect(values[count + 1].slice(0, 5)).toEqual(['Kegiatan 2', 'Baru', '1971011203750002', '', 'L']);
    return { result, cells };
  });
  console.log(
    `addParticipant: 100 ${JSON.stringify(runs[0].cells)}, 10,000 ${JSON.stringify(runs[1].cells)}`,
  );
  expect(runs[1].result.callsByMethod).toEqual(runs[0].result.callsByMethod);
  expect(runs[1].cells.written).toEqual(runs[0].cells.written);
  expect(runs[1].cells.written).toBeLessThanOrEqual(2 * 14);
  // Nama and NIK of every row (no one else is called "Baru"): nothing more.
  expect(runs[0].cells.reads).toEqual([`${100}×2`]);
  expect(runs[1].cells.reads).toEqual([`${10_000}×2`]);
});
