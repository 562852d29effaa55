import fc from 'fast-check';
import type { SheetPlan } from '../../src/core/plan/plan';
import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import type { SopTemplate } from '../../src/core/sop/model';
import { templateSheetPlan } from '../../src/core/sop/template-sheet-plan';
import { readTemplateSheet } from '../../src/core/sop/template-sheet-read';
import { applyPlan } from '../../src/server/sheets/apply-plan';
import type { SheetState } from '../../src/workbench/model';
import { inExecution, newWorkbench } from '../support/workbench';

function withSteps(count: number): SopTemplate {
  const template = structuredClone(PENGUATAN_PUG);
  template.steps = Array.from({ length: count }, (_, i) => ({
    ...PENGUATAN_PUG.steps[i % 9],
    number: i + 1,
    kind: 'process',
  }));
  template.steps.forEach((step) => {
    delete step.onApproved;
    delete step.onRevision;
  });
  return template;
}

function writeAndReadBack(plan: SheetPlan) {
  const workbench = newWorkbench();
  const { result } = inExecution(workbench, () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(plan.sheetName);
    applyPlan(sheet, plan);
  });
  const { value: read } = inExecution(workbench, () => {
    const range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(plan.sheetName)!.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas() };
  });
  return { workbench, calls: result.calls, read };
}

describe('applyPlan on the emulated Sheets', () => {
  test('template → sheet → template loses nothing, through real Sheets value parsing', () => {
    const { read } = writeAndReadBack(templateSheetPlan(PENGUATAN_PUG, 'Template: Penguatan PUG'));
    expect(readTemplateSheet({ ...read, timeZone: 'Asia/Jakarta' })).toEqual({
      // A new template sheet carries its history: version 1, made on Tanggal Pembuatan.
      template: {
        ...PENGUATAN_PUG,
        versions: [{ version: 1, date: '2019-04-01', note: 'Versi pertama', by: '' }],
        historyRow: expect.any(Number),
      },
      problems: [],
    });
  });

  test('writes formats, dropdowns and borders, and the call count does not grow with the steps', () => {
    const small = writeAndReadBack(templateSheetPlan(withSteps(10), 'Template: A'));
    const large = writeAndReadBack(templateSheetPlan(withSteps(60), 'Template: A'));
    expect(large.calls).toBe(small.calls);
    expect(small.calls).toBeLessThanOrEqual(40);

    const sheet = small.workbench.state.sheets.find((s) => s.name === 'Template: A')!;
    const header = sheet.rows.findIndex((row) => row[0]?.value === 'No');
    expect(sheet.rows[header][1]?.format).toMatchObject({ fontWeight: 'bold', background: '#d9e2f3' });
    expect(sheet.validations.map((v) => [v.rule.criteria, v.rule.args[0]])).toEqual([
      ['VALUE_IN_LIST', PENGUATAN_PUG.roles],
      ['VALUE_IN_LIST', ['proses', 'keputusan']],
    ]);
    expect(sheet.rows[header + 1][0]?.format?.borderTop).toEqual({ color: '#999999', style: 'SOLID' });
  });

  test('any text in a plan is stored as that text: no formula, number, date or boolean', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '=1+1',
              '+62812',
              '-5',
              '@x',
              "'a",
              '007',
              '3201234567890123',
              'TRUE',
              '2019-04-15',
              '50%',
              '1 April 2019',
              '\t=x',
            ),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (texts) => {
          const plan: SheetPlan = {
            sheetName: 'Teks',
            values: [texts],
            styles: [texts.map(() => null)],
            merges: [],
            borders: [],
            validations: [],
            columnWidths: {},
            frozenRows: 0,
          };
          const { read } = writeAndReadBack(plan);
          // getDataRange() ends at the last non-blank column: trailing "" cells are not read back.
          expect(texts.map((_, i) => read.values[0]?.[i] ?? '')).toEqual(texts);
          expect((read.formulas[0] ?? []).every((f) => f === '')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
  test('a border of one range and a validation come with the plan range in one RangeList: no getRange of their own', () => {
    const line = { color: '#000000', style: 'SOLID' as const };
    const plan: SheetPlan = {
      sheetName: 'Offset',
      values: [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      styles: [
        [null, null, null],
        [null, null, null],
      ],
      merges: [],
      borders: [
        {
          rects: [{ row: 2, column: 2, numRows: 1, numColumns: 2 }],
          spec: { ...line, top: true, right: true },
        },
        {
          rects: [
            { row: 1, column: 1, numRows: 1, numColumns: 1 },
            { row: 5, column: 5, numRows: 1, numColumns: 1 },
          ],
          spec: { ...line, bottom: true },
        },
      ],
      validations: [
        {
          rect: { row: 2, column: 1, numRows: 3, numColumns: 1 },
          list: ['x', 'y'],
          allowInvalid: false,
          helpText: 'x/y',
        },
      ],
      columnWidths: {},
      frozenRows: 0,
    };
    const { workbench, calls } = writeAndReadBack(plan);
    const { result } = inExecution(newWorkbench(), () =>
      applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet('Offset'), plan),
    );
    expect(result.calls).toBe(calls);
    // One RangeList for the single ranges (the plan's, the one-rect border's, the validation's),
    // one for the spec of two ranges; no getRange.
    expect(result.callsByMethod['Sheet.getRange']).toBeUndefined();
    expect(result.callsByMethod['Sheet.getRangeList']).toBe(2);
    const sheet = workbench.state.sheets.find((s) => s.name === 'Offset')!;
    const format = (r: number, c: number) => sheet.rows[r - 1]?.[c - 1]?.format ?? {};
    expect(format(2, 2).borderTop).toEqual({ color: '#000000', style: 'SOLID' });
    expect(format(2, 3)).toMatchObject({ borderTop: { style: 'SOLID' }, borderRight: { style: 'SOLID' } });
    expect(format(2, 2).borderRight).toBeUndefined();
    expect(format(1, 2).borderTop).toBeUndefined();
    expect(format(5, 5).borderBottom).toEqual({ color: '#000000', style: 'SOLID' });
    // Beyond the plan's values (rows 3-4) the offset range still reaches the planned cells (A2:A4).
    expect(sheet.validations).toEqual([
      expect.objectContaining({ range: { row: 1, column: 0, numRows: 3, numColumns: 1 } }),
    ]);
  });
  test('the plan range comes with the ranges to merge in one RangeList: no getRange', () => {
    const plan: SheetPlan = {
      sheetName: 'Gabung',
      values: [
        ['Judul', '', ''],
        ['a', 'b', ''],
      ],
      styles: [
        [{ fontWeight: 'bold' }, null, null],
        [null, null, null],
      ],
      merges: [
        { rect: { row: 1, column: 1, numRows: 1, numColumns: 3 }, mode: 'all' },
        { rect: { row: 2, column: 2, numRows: 2, numColumns: 2 }, mode: 'across' },
      ],
      borders: [],
      validations: [],
      columnWidths: {},
      frozenRows: 0,
    };
    const { result } = inExecution(newWorkbench(), () =>
      applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet('Gabung'), plan),
    );
    expect(result.callsByMethod['Sheet.getRange']).toBeUndefined();
    expect(result.callsByMethod['Sheet.getRangeList']).toBe(1);
    const { workbench } = writeAndReadBack(plan);
    const sheet = workbench.state.sheets.find((s) => s.name === 'Gabung')!;
    // 0-based in the model: A1:C1, and B2:C2 and B3:C3 (across merges each row).
    expect(sheet.merges).toEqual([
      { row: 0, column: 0, numRows: 1, numColumns: 3 },
      { row: 1, column: 1, numRows: 1, numColumns: 2 },
      { row: 2, column: 1, numRows: 1, numColumns: 2 },
    ]);
    expect(sheet.rows[0][0]).toMatchObject({ value: 'Judul', format: { fontWeight: 'bold' } });
    expect(sheet.rows[1][1]?.value).toBe('b');
  });
  test('with a RangeList fetched anyway, a style setter writes only the rect of the cells using it', () => {
    const plan = (merges: SheetPlan['merges']): SheetPlan => ({
      sheetName: 'Warna',
      values: Array.from({ length: 10 }, (_, r) => Array.from({ length: 5 }, (_, c) => `${r},${c}`)),
      styles: Array.from({ length: 10 }, (_, r) =>
        Array.from({ length: 5 }, (_, c) =>
          r >= 2 && r <= 3 && c >= 1 && c <= 2 ? { fontColor: '#c00000' } : null,
        ),
      ),
      merges,
      borders: [],
      validations: [],
      columnWidths: {},
      frozenRows: 0,
    });
    const write = (p: SheetPlan) => {
      const workbench = newWorkbench();
      const { result } = inExecution(workbench, () =>
        applyPlan(SpreadsheetApp.getActiveSpreadsheet().insertSheet('Warna'), p),
      );
      return { result, sheet: workbench.state.sheets.find((s) => s.name === 'Warna')! };
    };
    const colours = (sheet: SheetState) =>
      sheet.rows.map((row) => row.map((cell) => cell?.format?.fontColor ?? ''));
    // With a merge the RangeList is made anyway: 50 values + the 4 coloured cells (B3:C4).
    const merged = write(plan([{ rect: { row: 10, column: 1, numRows: 1, numColumns: 2 }, mode: 'all' }]));
    expect(merged.result.cellsWritten).toBe(50 + 4);
    expect(merged.result.callsByMethod['Sheet.getRange']).toBeUndefined();
    // Without one a single getRange is cheaper than a RangeList: the setter covers the plan.
    const plain = write(plan([]));
    expect(plain.result.cellsWritten).toBe(50 + 50);
    expect(plain.result.callsByMethod['Sheet.getRangeList']).toBeUndefined();
    // The same colours either way (but the merged cell's), only where planned.
    expect(colours(merged.sheet).slice(0, 9)).toEqual(colours(plain.sheet).slice(0, 9));
    expect(
      colours(plain.sheet)
        .flat()
        .filter((c) => c === '#c00000'),
    ).toHaveLength(4);
    expect(colours(plain.sheet)[2].slice(0, 4)).toEqual(['', '#c00000', '#c00000', '']);
  });
});
