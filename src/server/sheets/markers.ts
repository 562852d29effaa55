/**
 * The add-in recognises its own sheets by developer metadata, never by name alone: a generated
 * sheet (SOP or report) carries GENERATED_KEY, a template sheet TEMPLATE_KEY, a register its own
 * key (all sheet-level, DOCUMENT visibility, so copies of the spreadsheet keep them).
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const GENERATED_KEY = 'sopTerpilah.generated';
export const TEMPLATE_KEY = 'sopTerpilah.template';

export interface GeneratedMarker {
  kind: 'sop' | 'report';
  templateId: string;
  generatedAt: string;
  /** SOPs: the hash of the template content it was made from, and that template's version. */
  templateHash?: string;
  version?: number;
}

export interface TemplateMarker {
  kind: 'template';
  createdAt: string;
}

/** Marks a generated sheet; ids starting with "report:" (the monitoring report) mark a report. */
export function markGenerated(
  sheet: Sheet,
  templateId: string,
  extra: Pick<GeneratedMarker, 'templateHash' | 'version'> = {},
): void {
  const kind = templateId.startsWith('report:') ? 'report' : 'sop';
  const marker: GeneratedMarker = { kind, templateId, generatedAt: new Date().toISOString(), ...extra };
  sheet.addDeveloperMetadata(GENERATED_KEY, JSON.stringify(marker));
}

export function markTemplate(sheet: Sheet): void {
  const marker: TemplateMarker = { kind: 'template', createdAt: new Date().toISOString() };
  sheet.addDeveloperMetadata(TEMPLATE_KEY, JSON.stringify(marker));
}

/** Marks a register (`Kegiatan`, `Peserta`, …) under its key; `kind` is its name in lower case. */
export function markRegister(sheet: Sheet, key: string, kind: string): void {
  sheet.addDeveloperMetadata(key, JSON.stringify({ kind, createdAt: new Date().toISOString() }));
}

/** Whether the sheet carries the marker: 1 call, plus 1 per metadata entry on that sheet. */
export function hasMarker(sheet: Sheet, key: string): boolean {
  return sheet.getDeveloperMetadata().some((metadata) => metadata.getKey() === key);
}

/** Names of the sheets that carry the marker: one finder over the spreadsheet, 3 calls per hit. */
export function sheetNamesWithMarker(spreadsheet: Spreadsheet, key: string): Set<string> {
  const names = new Set<string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) names.add(sheet.getName());
  }
  return names;
}

/**
 * The current name of the register sheet of this kind (`markRegister`) when a person renamed it,
 * else null: one finder call. A register is never made again empty beside its renamed self.
 */
export function renamedRegister(
  spreadsheet: Spreadsheet,
  key: string,
  kind: string,
  name: string,
): string | null {
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
    let marked: unknown;
    try {
      marked = JSON.parse(metadata.getValue() ?? '');
    } catch {
      continue;
    }
    if ((marked as { kind?: unknown } | null)?.kind !== kind) continue;
    const sheet = metadata.getLocation().getSheet();
    if (sheet && sheet.getName() !== name) return sheet.getName();
  }
  return null;
}

/** The generated marker's content on a sheet, or null (none, or not readable): 1 call + 2 per entry. */
export function generatedMarker(sheet: Sheet): GeneratedMarker | null {
  const found = sheet.getDeveloperMetadata().find((metadata) => metadata.getKey() === GENERATED_KEY);
  return found ? markerContent(found) : null;
}

/** A generated marker entry's content, or null when not readable: 1 call. */
export function markerContent(
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata,
): GeneratedMarker | null {
  try {
    return JSON.parse(metadata.getValue() ?? '') as GeneratedMarker;
  } catch {
    return null;
  }
}
