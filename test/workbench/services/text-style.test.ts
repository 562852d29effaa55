import { freshSheet } from './harness';

describe('text styles and banded merges', () => {
  test('setTextStyles writes bold, size and colour per cell in one call, as the single setters store them', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    const bold = SpreadsheetApp.newTextStyle().setBold(true).setFontSize(12).build();
    const red = SpreadsheetApp.newTextStyle().setForegroundColor('#C00000').setFontSize(10).build();
    sheet.getRange('A1:B1').setTextStyles([[bold, red]]);
    // The same cells written with the single setters: the stored formats are equal.
    sheet.getRange('C1').setFontWeight('bold').setFontSize(12);
    sheet.getRange('D1').setFontColor('#C00000').setFontSize(10);
    expect(model.rows[0][0]?.format).toEqual(model.rows[0][2]?.format);
    expect(model.rows[0][1]?.format).toEqual(model.rows[0][3]?.format);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'normal']]);
    expect(sheet.getRange('A1:B1').getFontColors()).toEqual([['#000000', '#c00000']]);
    const [[a, b]] = sheet.getRange('A1:B1').getTextStyles();
    expect([a.isBold(), a.getFontSize(), b.getForegroundColor(), b.isItalic()]).toEqual([
      true,
      12,
      '#c00000',
      false,
    ]);
  });

  test('an attribute a style leaves unset stays as it was; a style of bold false clears bold', () => {
    const { sheet, SpreadsheetApp } = freshSheet();
    sheet.getRange('A1').setFontWeight('bold').setFontColor('#0000ff');
    sheet.getRange('A1').setTextStyle(SpreadsheetApp.newTextStyle().setFontSize(8).build());
    expect([sheet.getRange('A1').getFontWeight(), sheet.getRange('A1').getFontColor()]).toEqual([
      'bold',
      '#0000ff',
    ]);
    sheet.getRange('A1').setTextStyle(SpreadsheetApp.newTextStyle().setBold(false).build());
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });

  test('a builder or null in place of a built style is refused with the signature message, nothing written', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    const builder = SpreadsheetApp.newTextStyle().setBold(true);
    expect(() =>
      sheet
        .getRange('A1:B1')
        .setTextStyles([[builder.build(), builder as unknown as GoogleAppsScript.Spreadsheet.TextStyle]]),
    ).toThrow("don't match the method signature for SpreadsheetApp.Range.setTextStyles");
    expect(() =>
      sheet.getRange('A1').setTextStyle(null as unknown as GoogleAppsScript.Spreadsheet.TextStyle),
    ).toThrow('The parameters (null)');
    expect(() => sheet.getRange('A1:B1').setTextStyles([[builder.build()]])).toThrow('number of columns');
    expect(model.rows.flat().filter(Boolean)).toEqual([]);
  });

  test('mergeVertically over several columns merges each column; mergeAcross over several rows each row', () => {
    const { sheet } = freshSheet();
    sheet.getRange('A14:B15').mergeVertically();
    sheet.getRange('D15:E16').mergeAcross();
    expect(
      sheet
        .getRange('A1:Z20')
        .getMergedRanges()
        .map((r) => r.getA1Notation())
        .sort(),
    ).toEqual(['A14:A15', 'B14:B15', 'D15:E15', 'D16:E16']);
    // A band over part of a merged range is refused, as merge() is.
    expect(() => sheet.getRange('A15:B16').mergeAcross()).toThrow(
      'You must select all cells in a merged range',
    );
  });
});
