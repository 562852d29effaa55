import { begin, freshSheet, makeBench } from './harness';

describe('Spreadsheet and Sheet', () => {
  test('insertSheet: default names, duplicate names (any case) throw, new sheet becomes active after the active one', () => {
    const { wb, state } = makeBench();
    const { SpreadsheetApp } = begin(wb);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const peserta = ss.insertSheet('Peserta');
    expect(ss.getActiveSheet().getName()).toBe('Peserta');
    expect(() => ss.insertSheet('peserta')).toThrow(
      'A sheet with the name "peserta" already exists. Please enter another name.',
    );
    ss.setActiveSheet(ss.getSheets()[0]);
    ss.insertSheet();
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet3', 'Peserta']);
    ss.insertSheet('Awal', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Awal', 'Sheet1', 'Sheet3', 'Peserta']);
    expect(peserta.getIndex()).toBe(4);
    expect(ss.getSheetByName('Tidak ada')).toBeNull();
    expect(ss.getSheetById(peserta.getSheetId())!.getName()).toBe('Peserta');
    expect(() => peserta.setName('SHEET1')).toThrow('A sheet with the name "SHEET1" already exists.');
  });

  test('deleteSheet: the last visible sheet cannot go', () => {
    const { wb, state } = makeBench();
    const { SpreadsheetApp } = begin(wb);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const only = ss.getSheets()[0];
    expect(() => ss.deleteSheet(only)).toThrow("You can't remove all the visible sheets in a document.");
    const b = ss.insertSheet('B');
    ss.deleteSheet(b);
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(state.activeSheetId).toBe(state.sheets[0].sheetId);
  });

  test('Spreadsheet.getRange with a quoted sheet name; toast', () => {
    const { wb, state } = makeBench();
    const { SpreadsheetApp, finish } = begin(wb);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Data Peserta');
    ss.getRange("'Data Peserta'!B2:C3").setValue('x');
    expect(state.sheets[1].rows[1][1]).toEqual({ value: 'x' });
    expect(() => ss.getRange('Tidak!A1')).toThrow('Range not found');
    ss.toast('Selesai', 'SOP');
    expect(finish().ui).toEqual([{ kind: 'toast', message: 'Selesai', title: 'SOP', timeoutSeconds: 5 }]);
  });

  test('insertRows/deleteRows shift merges and validations; appendRow grows the grid', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    sheet.getRange('A5:B5').merge();
    sheet.getRange('C5:C6').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.insertRowsBefore(2, 3);
    expect(model.maxRows).toBe(1003);
    expect(model.merges).toEqual([{ row: 7, column: 0, numRows: 1, numColumns: 2 }]);
    expect(model.validations[0].range).toEqual({ row: 7, column: 2, numRows: 2, numColumns: 1 });
    sheet.deleteRows(8, 2);
    expect(model.merges).toEqual([]);
    expect(model.validations).toEqual([]);
    expect(model.maxRows).toBe(1001);

    sheet.deleteRows(2, 1000); // leaves 1 row
    sheet.getRange('A1').setValue('h');
    sheet.appendRow(['a', 1, '2024-02-03', '=A1', "'007"]);
    expect(model.maxRows).toBe(2);
    expect(sheet.getLastRow()).toBe(2);
    const row = sheet.getRange(2, 1, 1, 5).getValues()[0];
    expect(row.slice(0, 2)).toEqual(['a', 1]);
    expect(row[2]).toBeInstanceOf(Date);
    expect(sheet.getRange('D2').getFormula()).toBe('=A1');
    expect(row[4]).toBe('007');
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect(model.maxColumns).toBe(30);
  });

  test('layout setters', () => {
    const { sheet, model } = freshSheet();
    sheet.setFrozenRows(2);
    sheet.setColumnWidths(1, 3, 150);
    sheet.setRowHeight(1, 40);
    sheet.hideColumns(4, 2);
    sheet.setTabColor('#0F0');
    expect(sheet.getFrozenRows()).toBe(2);
    expect(sheet.getColumnWidth(2)).toBe(150);
    expect(sheet.getColumnWidth(9)).toBe(100);
    expect(model.rowHeights).toEqual({ 0: 40 });
    expect(model.hiddenColumns).toEqual([3, 4]);
    expect(model.tabColor).toBe('#00ff00');
    expect(sheet.isColumnHiddenByUser(4)).toBe(true);
  });

  test('charts: the builder spec is stored, read back, modified', () => {
    const { sheet, model, Charts } = freshSheet();
    sheet.getRange('A1:C3').setValues([
      ['Kelompok', 'L', 'P'],
      ['Anak', 3, 4],
      ['Dewasa', 5, 6],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:C3'))
      .setPosition(2, 5, 10, 0)
      .setOption('title', 'Peserta')
      .setNumHeaders(1)
      .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_COLUMNS)
      .build();
    sheet.insertChart(chart);
    expect(model.charts).toHaveLength(1);
    const spec = model.charts[0];
    expect(spec).toMatchObject({
      type: 'BAR',
      ranges: [{ sheet: 'Sheet1', rect: { row: 0, column: 0, numRows: 3, numColumns: 3 } }],
      position: { row: 1, column: 4, offsetX: 10, offsetY: 0 },
      options: { title: 'Peserta' },
      settings: { numHeaders: 1, mergeStrategy: 'MERGE_COLUMNS' },
    });
    const [got] = sheet.getCharts();
    expect(got.getChartId()).toBe(spec.chartId);
    expect(got.getOptions().get('title')).toBe('Peserta');
    expect(got.getRanges()[0].getA1Notation()).toBe('A1:C3');
    sheet.updateChart(got.modify().setOption('title', 'Baru').asColumnChart().build());
    expect(model.charts[0]).toMatchObject({
      chartId: spec.chartId,
      type: 'COLUMN',
      options: { title: 'Baru' },
    });
    sheet.removeChart(sheet.getCharts()[0]);
    expect(model.charts).toEqual([]);
  });

  test('conditional format rules are stored and read back', () => {
    const { sheet, model, SpreadsheetApp } = freshSheet();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$G2>$H2')
      .setBackground('#F4CCCC')
      .setBold(true)
      .setRanges([sheet.getRange('A2:M100')])
      .build();
    const rule2 = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Perbaikan')
      .setFontColor('red')
      .setRanges([sheet.getRange('J2:J')])
      .build();
    sheet.setConditionalFormatRules([rule, rule2]);
    expect(model.conditionalRules).toEqual([
      {
        ranges: [{ row: 1, column: 0, numRows: 99, numColumns: 13 }],
        condition: { type: 'CUSTOM_FORMULA', args: ['=$G2>$H2'] },
        format: { background: '#f4cccc', fontWeight: 'bold' },
      },
      {
        ranges: [{ row: 1, column: 9, numRows: 999, numColumns: 1 }],
        condition: { type: 'TEXT_EQUAL_TO', args: ['Perbaikan'] },
        format: { fontColor: '#ff0000' },
      },
    ]);
    const back = sheet.getConditionalFormatRules();
    const cond = back[0].getBooleanCondition()!;
    expect(String(cond.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(cond.getCriteriaValues()).toEqual(['=$G2>$H2']);
    expect(cond.getBold()).toBe(true);
    expect(back[1].getRanges()[0].getA1Notation()).toBe('J2:J1000');
  });

  test('developer metadata on the spreadsheet and sheets, found by key', () => {
    const { wb, state } = makeBench();
    const { SpreadsheetApp } = begin(wb);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const s = ss.insertSheet('SOP: PUG');
    s.addDeveloperMetadata('sop-generated', 'PUG');
    ss.addDeveloperMetadata('schema', '1');
    const found = ss.createDeveloperMetadataFinder().withKey('sop-generated').find();
    expect(found).toHaveLength(1);
    expect(found[0].getValue()).toBe('PUG');
    expect(found[0].getLocation().getSheet()!.getName()).toBe('SOP: PUG');
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['schema']);
    found[0].setValue('PUG2');
    expect(state.sheets[1].developerMetadata[0]).toMatchObject({
      key: 'sop-generated',
      value: 'PUG2',
      visibility: 'DOCUMENT',
    });
    found[0].remove();
    expect(s.getDeveloperMetadata()).toEqual([]);
  });

  test('RangeList applies to every range in one counted call', () => {
    const { sheet, model, finish } = freshSheet();
    sheet.getRangeList(['A1:B1', 'D4']).setBackground('#ffff00').setFontWeight('bold');
    expect(model.rows[3][3]?.format).toEqual({ background: '#ffff00', fontWeight: 'bold' });
    expect(model.rows[0][1]?.format).toEqual({ background: '#ffff00', fontWeight: 'bold' });
    const res = finish();
    expect(res.callsByMethod['RangeList.setBackground']).toBe(1);
    expect(res.callsByMethod['RangeList.setFontWeight']).toBe(1);
  });
});
