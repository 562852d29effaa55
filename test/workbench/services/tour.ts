import type { Workbench } from '../../../src/workbench/runtime';
import { begin } from './harness';

/**
 * Creates one object of every emulated class (so the scope table can be checked against all
 * of them) and returns the execution's result. A newly emulated class must be added here.
 */
export function tourEveryClass(wb: Workbench) {
  const g = begin(wb, { answers: [{ button: 'OK', text: 'x' }] });
  const { SpreadsheetApp: app, Session, PropertiesService, LockService, Utilities, HtmlService } = g;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  const range = sheet.getRange('A1:B2');
  sheet.getRangeList(['A1', 'B2']);
  app.newDataValidation().requireCheckbox().build();
  app.newTextStyle().setBold(true).build().copy();
  const rule = app.newConditionalFormatRule().whenCellEmpty().setRanges([range]).build();
  rule.getBooleanCondition();
  const chart = sheet.newChart().asBarChart().addRange(range).setPosition(1, 1, 0, 0).build();
  chart.getOptions();
  chart.getContainerInfo();
  const protection = sheet.protect();
  protection.getEditors();
  sheet.addDeveloperMetadata('k', 'v');
  const md = sheet.getDeveloperMetadata()[0];
  md.getLocation();
  sheet.createDeveloperMetadataFinder();
  const ui = app.getUi();
  ui.createMenu('M');
  ui.prompt('Nama?');
  HtmlService.createHtmlOutput('<b>x</b>');
  PropertiesService.getScriptProperties();
  LockService.getScriptLock();
  Session.getActiveUser();
  Utilities.newBlob('x');
  const globals = g.globals as { Logger: { getLog(): string }; Charts: unknown; ScriptApp: unknown };
  globals.Logger.getLog();
  void globals.Charts;
  void globals.ScriptApp;
  return g.finish();
}
