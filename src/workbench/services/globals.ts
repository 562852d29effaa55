/** The global services a script sees in one execution. */
import type { Execution } from './context';
import { wrap } from './counter';
import { AuthMode, ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, Position } from './enums';
import { createHtmlService } from './html-service';
import { createLockService } from './lock';
import { createPropertiesService } from './properties';
import { createSession } from './session';
import { createSpreadsheetApp } from './spreadsheet-app';
import { createConsole, createLogger, createUtilities } from './utilities';

export function createGlobals(ctx: Execution): Record<string, unknown> {
  return {
    SpreadsheetApp: createSpreadsheetApp(ctx),
    Charts: wrap(ctx, 'Charts', { ChartType, ChartMergeStrategy, ChartHiddenDimensionStrategy, Position }),
    HtmlService: createHtmlService(ctx),
    PropertiesService: createPropertiesService(ctx),
    LockService: createLockService(ctx),
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    Logger: createLogger(ctx),
    ScriptApp: wrap(ctx, 'ScriptApp', { AuthMode }),
    console: createConsole(ctx),
  };
}
