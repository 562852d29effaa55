/**
 * The contract between the sidebar and the server: every function the sidebar may call through
 * google.script.run, with argument and result types that survive the trip (strings, numbers,
 * booleans, plain objects and arrays; dates as ISO strings, never Date).
 * Pure types only: the client compiles this file without Apps Script typings.
 */
import type { Language } from '../core/i18n';
import type { ActivityListItem, ActivityView, StepActionName } from '../core/progress/views';
import type { ImportMapping, ImportPreview } from '../core/terpilah/import';
import type { TerpilahHeadline } from '../core/terpilah/headline';

// Built by core; re-exported so the client imports every type of the contract from here.
export type { ActivityListItem, ActivityView, StepView, StepActionName } from '../core/progress/views';
export type { ImportMapping, ImportPreview } from '../core/terpilah/import';
export type { TerpilahHeadline } from '../core/terpilah/headline';

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
  /** Every activity (kegiatan), newest first. */
  activities: ActivityListItem[];
  /** The sidebar's own strings in `language` (its bundle carries none). */
  strings: SidebarStrings;
}

/**
 * What "Buka panel" hands the sidebar inside its HTML (sidebar-embed.ts), so it renders with no
 * google.script.run before it shows. Either the first state or, when computing it failed, the
 * error as google.script.run would have delivered it ("Exception: …").
 */
export interface EmbeddedSidebarState {
  /** The first state, its activity list cut to the newest ones the first view shows. */
  state?: SidebarState;
  /** How many activities the full list holds (more than `state.activities`: the rest on demand). */
  activityTotal?: number;
  error?: string;
  /** The tab to open on ("Tambah/Impor peserta"); the person's choice otherwise. */
  tab?: 'participants';
}

/**
 * The strings src/client names, by the client's name for each key (`side…` keys are shortened
 * in its bundle, scripts/sidebar-strings.mjs), `{name}` placeholders unfilled.
 */
export type SidebarStrings = Record<string, string>;

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

export interface CreateActivityRequest {
  name: string;
  templateId: string;
  plannedDate: string;
  place: string;
  personInCharge: string;
}

export interface LogStepRequest {
  activityId: string;
  step: number;
  action: StepActionName;
  /** "yyyy-mm-ddTHH:mm" in the spreadsheet's time zone; omitted = now. */
  at?: string;
  person?: string;
  evidence?: string;
  /** Required for "revise" (Perbaikan). */
  note?: string;
  /** Start although an earlier step is unfinished (offices that work in parallel); recorded. */
  override?: boolean;
}

/** A participant typed into the sidebar form (every value as text; "" = not given). */
export interface AddParticipantRequest {
  /** The activity's name (kegiatan), as the `Peserta` sheet keeps it. */
  activity: string;
  name: string;
  /** 16 digits (spaces allowed) or "". */
  nik: string;
  /** 18 digits (spaces allowed) or "". */
  nip: string;
  sex: 'L' | 'P' | '';
  /** yyyy-mm-dd or "". */
  birthDate: string;
  /** Whole years or "". */
  age: string;
  role: 'Peserta' | 'Narasumber' | 'Panitia' | '';
  institution: string;
  position: string;
  regency: string;
  disability: 'Ya' | 'Tidak' | '';
  attendance: 'Hadir' | 'Tidak hadir' | '';
  /** Add although the NIK, or the name and institution in the activity, repeat a row (asked first). */
  confirmDuplicate?: boolean;
}

export interface AddParticipantResult {
  sheetName: string;
  /** The 1-based row written in `Peserta`; 0 when nothing was written (a duplicate to confirm). */
  row: number;
  message: string;
  /**
   * Set when nothing was written: the row repeats these `Peserta` rows; `message` is the question.
   * Sending the request again with `confirmDuplicate` adds it.
   */
  duplicateOf?: number[];
  /** What the report's data-quality list will say about the new row (NIK masked). */
  warnings?: string[];
}

export interface ImportRequest {
  sourceSheet: string;
  mapping: ImportMapping;
  /** The activity for rows without one (or when no column is mapped to it). */
  activity?: string;
}

export interface ImportResult {
  sheetName: string;
  imported: number;
  /** Rows already in `Peserta` from an earlier import (same source sheet and values). */
  skipped: number;
  /** Empty rows of the source, ignored. */
  empty: number;
  /**
   * What the report's data-quality list will say about the imported rows (empty name, duplicates
   * among them, unknown sex, bad dates, NIK/NIP…), located by their `Peserta` row, word for word;
   * NIK masked; the first 100.
   */
  warnings: string[];
  message: string;
}

export interface TerpilahReportRequest {
  /** One activity's name; omitted or "" = every activity. */
  activity?: string;
}

export interface TerpilahReportResult {
  sheetName: string;
  participants: number;
  charts: number;
  message: string;
}

export interface SidebarApi {
  getSidebarState(): SidebarState;
  setLanguage(language: string): SidebarState;
  listTemplates(): TemplateSummary[];
  createTemplate(request: CreateTemplateRequest): CreateTemplateResult;
  generateSop(templateId: string): GenerateSopResult;
  listActivities(): ActivityListItem[];
  createActivity(request: CreateActivityRequest): ActivityView;
  getActivity(activityId: string): ActivityView;
  /** Refused actions throw an Error with a plain Indonesian message (e.g. "Sedang dipakai, coba lagi."). */
  logStep(request: LogStepRequest): ActivityView;
  addParticipant(request: AddParticipantRequest): AddParticipantResult;
  /** Sheet names a participant list may be imported from (the add-in's own sheets left out). */
  listImportSheets(): string[];
  previewImport(sourceSheet: string): ImportPreview;
  importParticipants(request: ImportRequest): ImportResult;
  generateTerpilahReport(request: TerpilahReportRequest): TerpilahReportResult;
  terpilahHeadline(activity: string): TerpilahHeadline;
  /** The same figures recounted from `Peserta` (the sidebar's "Hitung ulang"). */
  recountTerpilahHeadline(activity: string): TerpilahHeadline;
  /** "Buka" in one trip: the activity and its headline (null: ask terpilahHeadline, which may recount). */
  openActivity(activityId: string): OpenedActivity;
}

export interface OpenedActivity {
  view: ActivityView;
  headline: TerpilahHeadline | null;
}
