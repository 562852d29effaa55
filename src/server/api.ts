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
  /** The built-in template first, then every `Template: <nama>` sheet. */
  templates: TemplateSummary[];
}

/** A template the office can generate an SOP from. */
export interface TemplateSummary {
  /** "builtin:penguatan-pug", or "sheet:<sheet name>" for a `Template: <nama>` sheet. */
  id: string;
  name: string;
  source: 'builtin' | 'sheet';
  /** The template sheet's name, for sheet templates. */
  sheetName?: string;
  /** Steps counted without validating (a broken sheet still lists). */
  stepCount: number;
}

export interface CreateTemplateRequest {
  /** The SOP name; the sheet is `Template: <name>`. */
  name: string;
  /** Seed from the built-in Penguatan PUG, or blank labels and headers only. */
  from: 'builtin' | 'blank';
}

export interface CreateTemplateResult {
  sheetName: string;
}

/** Either the generated sheet, or every located problem (nothing was written then). */
export type GenerateSopResult =
  | {
      ok: true;
      sheetName: string;
      stepCount: number;
      /** Total standard minutes: min and max differ when a step has alternatives. */
      totalMinutes: { min: number; max: number };
      /** Set when a user's own sheet had the preferred name and was left untouched. */
      renamedBecause?: string;
    }
  | { ok: false; problems: string[] };

export interface SidebarApi {
  getSidebarState(): SidebarState;
  setLanguage(language: string): SidebarState;
  listTemplates(): TemplateSummary[];
  createTemplate(request: CreateTemplateRequest): CreateTemplateResult;
  generateSop(templateId: string): GenerateSopResult;
}
