import { freshSheet } from './harness';

describe('Range values', () => {
  test('ranges are 1-based; the model is 0-based', () => {
    const { sheet, model } = freshSheet();
    sheet.getRange(2, 3).setValue('x');
    expect(model.rows[1][2]).toEqual({ value: 'x' });
    const r = sheet.getRange('B2:D5');
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 2, 4, 3, 5, 4]);
    expect(r.getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange(1, 1, 2, 2).getA1Notation()).toBe('A1:B2');
  });

  test('setValues shape mismatch throws Apps Script’s exact messages', () => {
    const { sheet } = freshSheet();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3, 4], [5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    try {
      range.setValues([[1]]);
    } catch (e) {
      expect(String(e)).toMatch(/^Exception: The number of rows/);
    }
  });

  test('blank cells read as "", dates read back as Dates', () => {
    const { sheet } = freshSheet();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    const d = new Date('2024-03-01T02:03:04.000Z');
    sheet.getRange('A1').setValue(d);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(d.getTime());
    expect(back).not.toBe(d);
  });

  test('getLastRow/getLastColumn: 0 on an empty sheet, last row with content after writes', () => {
    const { sheet } = freshSheet();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange(5, 3).setValue('a');
    sheet.getRange(7, 1).setBackground('#ff0000'); // formatting only: not content
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange(5, 3).clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  test('written strings are parsed like typed input', () => {
    const { sheet, model } = freshSheet();
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('A1:A9').setValues([
      ['=SUM(1,2)'],
      ["'=not a formula"],
      ['007'],
      ['3201234567890123'],
      ['TRUE'],
      ['2024-01-05'],
      [null],
      ['1,5'], // id_ID (the default locale): "," is the decimal separator
      ['Laki-laki'],
    ]);
    sheet.getRange('B1').setValue('007');
    const v = sheet
      .getRange('A1:A9')
      .getValues()
      .map((r) => r[0]);
    expect(v[0]).toBe(''); // formulas are not evaluated
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(1,2)');
    expect(v[1]).toBe('=not a formula');
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(v[2]).toBe(7);
    expect(v[3]).toBe(3201234567890120); // 15 significant digits, like Sheets
    expect(v[4]).toBe(true);
    expect(v[5]).toBeInstanceOf(Date);
    expect((v[5] as Date).toISOString()).toBe('2024-01-04T17:00:00.000Z'); // midnight in Asia/Jakarta
    expect(sheet.getRange('A6').getDisplayValue()).toBe('2024-01-05');
    expect(v[6]).toBe('');
    expect(v[7]).toBe(1.5);
    expect(v[8]).toBe('Laki-laki');
    sheet.getRange('A8').setValue('1.5'); // id_ID: not a number but day.month, a date
    expect(sheet.getRange('A8').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('B1').getValue()).toBe('007'); // plain text format keeps the string
    expect(model.rows[6][0] ?? null).toBeNull();
  });

  test('display values, rendered for the spreadsheet locale', () => {
    const { sheet, SpreadsheetApp } = freshSheet();
    sheet.getRange('A1:D1').setValues([[1234.5, true, new Date('2024-01-05T03:04:05Z'), '']]);
    // id_ID (default): decimal ",", group ".", d/M/yyyy
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1234,5', 'TRUE', '5/1/2024 10:04:05', '']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    sheet.getRange('C1').setNumberFormat('dd/mm/yyyy hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1.234,50');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('05/01/2024 10:04');
    SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale('en_US');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1,234.50');
    sheet.getRange('C1').setNumberFormat(null as unknown as string);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/5/2024 10:04:05');
  });

  test('formats: singular, plural with shape check, getters with defaults', () => {
    const { sheet, model } = freshSheet();
    const r = sheet.getRange('A1:B2');
    expect(r.getBackground()).toBe('#ffffff');
    r.setBackgrounds([
      ['#FF0000', null as unknown as string],
      ['red', '#0f0'],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ['#ff0000', '#ffffff'],
      ['#ff0000', '#00ff00'],
    ]);
    expect(() => r.setFontWeights([['bold']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    r.setFontWeight('bold')
      .setHorizontalAlignment('center')
      .setWrap(true)
      .setNumberFormat('0.00')
      .setFontSize(12);
    expect(model.rows[0][0]?.format).toMatchObject({
      fontWeight: 'bold',
      horizontalAlignment: 'center',
      wrap: true,
      wrapStrategy: 'WRAP',
      numberFormat: '0.00',
      fontSize: 12,
    });
    r.setFontWeight(null);
    expect(r.getFontWeight()).toBe('normal');
    r.setNotes([
      ['n1', ''],
      ['', 'n4'],
    ]);
    expect(r.getNotes()).toEqual([
      ['n1', ''],
      ['', 'n4'],
    ]);
    expect(sheet.getRange('C3').getNumberFormat()).toBe('0.###############');
  });

  test('setBorder: outer sides, internal lines, null = unchanged, false = removed', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    sheet
      .getRange('A1:B2')
      .setBorder(true, true, true, true, true, true, '#000', SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
    const solid = { color: '#000000', style: 'SOLID_MEDIUM' };
    expect(model.rows[0][0]?.format).toMatchObject({
      borderTop: solid,
      borderLeft: solid,
      borderRight: solid,
      borderBottom: solid,
    });
    sheet.getRange('A1:B2').setBorder(false, null, null, null, null, false);
    expect(model.rows[0][0]?.format?.borderTop).toBeUndefined();
    expect(model.rows[0][0]?.format?.borderBottom).toBeUndefined(); // internal horizontal removed
    expect(model.rows[1][0]?.format?.borderBottom).toEqual(solid); // outer bottom unchanged
    expect(model.rows[0][0]?.format?.borderLeft).toEqual(solid);
    sheet.getRange('D4').setBorder(true, null, null, null, null, null);
    expect(model.rows[3][3]?.format?.borderTop).toEqual({ color: '#000000', style: 'SOLID' });
  });

  test('merges: merge clears non-top-left values, overlap throws, breakApart', () => {
    const { sheet, model } = freshSheet();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('A1:C1').merge();
    expect(model.merges).toEqual([{ row: 0, column: 0, numRows: 1, numColumns: 3 }]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', '', '']]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(() => sheet.getRange('B1:D1').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('B1').breakApart()).toThrow('You must select all cells');
    sheet.getRange('A1:D2').merge(); // contains the old merge: replaces it
    expect(model.merges).toEqual([{ row: 0, column: 0, numRows: 2, numColumns: 4 }]);
    sheet.getRange('A1:D2').breakApart();
    expect(model.merges).toEqual([]);
    sheet.getRange('A5:B6').mergeAcross();
    expect(
      sheet
        .getRange('A1:Z10')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A5:B5', 'A6:B6']);
  });

  test('data validation: a later rule replaces the older one on the same cells', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    const list = SpreadsheetApp.newDataValidation()
      .requireValueInList(['L', 'P'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A10').setDataValidation(list);
    const num = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 120).setHelpText('Umur').build();
    sheet.getRange('A4:A5').setDataValidation(num);
    expect(model.validations.map((v) => v.range)).toEqual([
      { row: 0, column: 0, numRows: 3, numColumns: 1 },
      { row: 5, column: 0, numRows: 5, numColumns: 1 },
      { row: 3, column: 0, numRows: 2, numColumns: 1 },
    ]);
    const got = sheet.getRange('A4').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(got.getCriteriaValues()).toEqual([0, 120]);
    expect(got.getHelpText()).toBe('Umur');
    const first = sheet.getRange('A1').getDataValidation()!;
    expect(first.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(first.getCriteriaValues()).toEqual([['L', 'P'], true]);
    expect(first.getAllowInvalid()).toBe(false);
    sheet.getRange('A1:A10').clearDataValidations();
    expect(model.validations).toEqual([]);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    sheet.getRange('B1:C1').setDataValidations([[list, list]]);
    expect(model.validations).toHaveLength(1);
  });

  test('protections', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    const p = sheet.protect().setDescription('SOP').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getDescription()).toBe('SOP');
    expect(sheet.protect().getDescription()).toBe('SOP'); // same protection
    const rp = sheet.getRange('A1:B2').protect().setDescription('kunci');
    expect(model.protections.map((x) => x.type)).toEqual(['SHEET', 'RANGE']);
    expect(model.protections[1].range).toEqual({ row: 0, column: 0, numRows: 2, numColumns: 2 });
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    expect(rp.getRange().getA1Notation()).toBe('A1:B2');
    expect(rp.canEdit()).toBe(true);
    rp.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('coordinates outside the grid throw like Sheets', () => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('AA1')).toThrow('Range not found');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
  });

  test('offset and getCell', () => {
    const { sheet } = freshSheet();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.getCell(3, 1)).toThrow('Cell reference out of range');
  });

  test('100,000 rows × 13 columns round trip', () => {
    const { sheet } = freshSheet();
    sheet.insertRowsAfter(1000, 99_000);
    const data = Array.from({ length: 100_000 }, (_, i) =>
      Array.from({ length: 13 }, (__, j) => (j === 0 ? i : j === 1 ? `Nama ${i}` : j)),
    );
    sheet.getRange(1, 1, 100_000, 13).setValues(data);
    const back = sheet.getRange(1, 1, 100_000, 13).getValues();
    expect(back.length).toBe(100_000);
    expect(back[99_999][0]).toBe(99_999);
    expect(back[12_345][1]).toBe('Nama 12345');
    expect(sheet.getLastRow()).toBe(100_000);
  });

  test('clear variants', () => {
    const { sheet } = freshSheet();
    const r = sheet.getRange('A1');
    r.setValue(5).setBackground('#ff0000');
    r.clear({ contentsOnly: true });
    expect(r.getValue()).toBe('');
    expect(r.getBackground()).toBe('#ff0000');
    r.setValue(5).clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getValue()).toBe(5);
    r.clear();
    expect(r.isBlank()).toBe(true);
  });
});
