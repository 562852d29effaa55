/**
 * The contract between the sidebar and the server: every function the sidebar may call through
 * google.script.run, with argument and result types that survive the trip (strings, numbers,
 * booleans, plain objects and arrays; dates as ISO strings, never Date).
 * Pure types only: the client compiles this file without Apps Script typings.
 */
import type { Language } from '../core/i18n';

export interface SidebarState {
  language: Language;
  version: string;
  spreadsheetName: string;
  /** "" when Apps Script does not reveal the user's address. */
  userEmail: string;
  timeZone: string;
  /** Server time as ISO 8601 with the spreadsheet's UTC offset, e.g. 2026-11-24T09:30:00+07:00. */
  serverTime: string;
  sheetCount: number;
}

export interface SidebarApi {
  getSidebarState(): SidebarState;
  setLanguage(language: string): SidebarState;
}
