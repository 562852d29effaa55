/**
 * The duplicate check of the sidebar form can read `Peserta` by column (duplicateCandidates):
 * it finds the same rows as a check over every full row, while reading about two cells a row
 * instead of the whole register.
 */
import fc from 'fast-check';
import { duplicateRowsOf } from '../../src/core/terpilah/entry-check';
import { duplicateCandidates, type PersonCells } from '../../src/server/terpilah/duplicate-reads';
import type { Cell } from '../../src/workbench/model';
import { meterCells } from '../support/cell-meter';
import { inExecution } from '../support/workbench';
import { sheetOf, valuesOf } from './template-helpers';
import { pesertaWithRows } from './terpilah-helpers';

type Value = Cell['value'];

/** The form's duplicate rule, from core (entry-check.ts): the rows' numbers it finds. */
function duplicates(people: PersonCells[], candidate: PersonCells): number[] {
  const found = duplicateRowsOf(people, 2, candidate);
  return found ? [...found.nik, ...found.name].sort((a, b) => a - b) : [];
}

const NIKS = ['1971011203750002', '1971 0112 0375 0002', 1971011203750002, '1904014505800001', ''];
const person = fc.record({
  activity: fc.constantFrom('Rapat', 'Rapat ', 'Bimtek'),
  name: fc.constantFrom('Budi', 'budi.', 'BUDI', 'Ani', '', 'José', 'Jose\u0301'),
  nik: fc.constantFrom<Value>(...NIKS),
  institution: fc.constantFrom('Dinkes', 'dinkes', 'Bappeda', ''),
});
const toRow = (p: { activity: string; name: string; nik: Value; institution: string }): Value[] => [
  p.activity,
  p.name,
  p.nik,
  '',
  'L',
  '',
  '',
  '',
  p.institution,
  '',
  '',
  '',
  '',
  '',
];

test('the same duplicates as over the full rows (property)', () => {
  fc.assert(
    fc.property(fc.array(person, { maxLength: 30 }), person, (people, candidate) => {
      const workbench = pesertaWithRows(people.map(toRow));
      const full: PersonCells[] = valuesOf(sheetOf(workbench, 'Peserta'))
        .slice(1)
        .map((row) => ({
          activity: String(row[0]),
          name: String(row[1]),
          nik: row[2],
          institution: String(row[8]),
        }));
      const { value: sparse } = inExecution(workbench, () => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Peserta');
        if (!sheet) throw new Error('no Peserta');
        return duplicateCandidates(sheet, sheet.getLastRow(), candidate);
      });
      const asked = { ...candidate, nik: String(candidate.nik) };
      expect(duplicates(sparse, asked)).toEqual(duplicates(full, asked));
    }),
    { numRuns: 60 },
  );
});

test('two to four cells a register row (never the whole row), a bounded number of calls', () => {
  const runs = [100, 10_000].map((count) => {
    const rows = Array.from({ length: count }, (_, i) =>
      toRow({ activity: 'Rapat', name: `Orang ${i % 500}`, nik: '', institution: 'Dinkes' }),
    );
    const workbench = pesertaWithRows(rows);
    return meterCells(() =>
      inExecution(workbench, () => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Peserta');
        if (!sheet) throw new Error('no Peserta');
        return duplicateCandidates(sheet, sheet.getLastRow(), { name: 'Orang 7', nik: '1971011203750002' });
      }),
    );
  });
  console.log(
    `duplicateCandidates: 100 ${JSON.stringify(runs[0].cells.reads)}, 10,000 ${JSON.stringify(runs[1].cells.reads)}`,
  );
  for (const run of runs) expect(run.value.result.calls).toBeLessThanOrEqual(2 + 12);
  // Nama and NIK whole, then at most as much again for the same-named rows' activity and institution.
  expect(runs[1].cells.read).toBeLessThanOrEqual(4 * 10_000);
  expect(runs[0].cells.read).toBeLessThanOrEqual(4 * 100);
});
