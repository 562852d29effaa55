/**
 * SpreadsheetApp: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 * There is one spreadsheet: the active one (the add-in is container-bound, currentonly scope).
 */
import { newConditionalFormatRuleBuilder } from './conditional-format';
import type { Execution } from './context';
import { wrap } from './counter';
import { SPREADSHEET_APP_ENUMS } from './enums';
import { activeSheetState, newSpreadsheet, SpreadsheetImpl } from './spreadsheet';
import { newSheet } from './sheet';
import { newTextStyleBuilder } from './text-style';
import { createUi } from './ui';
import { newDataValidationBuilder } from './validation';

export function createSpreadsheetApp(ctx: Execution): unknown {
  return wrap(ctx, 'SpreadsheetApp', {
    ...SPREADSHEET_APP_ENUMS,
    getActive: () => newSpreadsheet(ctx),
    getActiveSpreadsheet: () => newSpreadsheet(ctx),
    getActiveSheet: () => newSheet(ctx, activeSheetState(ctx)),
    getActiveRange: () => new SpreadsheetImpl(ctx).getActiveRange(),
    getUi: () => createUi(ctx),
    /** Makes this execution's buffered writes visible to other executions (see Execution.flush). */
    flush: (): void => ctx.flush(),
    newDataValidation: () => newDataValidationBuilder(ctx),
    newConditionalFormatRule: () => newConditionalFormatRuleBuilder(ctx),
    newTextStyle: () => newTextStyleBuilder(ctx),
  });
}
