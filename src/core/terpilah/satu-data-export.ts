/**
 * Summaries → the Satu Data table and its metadata, for the sheet (server) and the files (CLI).
 * The period of an activity comes from its date (the `Kegiatan` sheet's, when there is one);
 * all activities together span their years.
 */
import type { TerpilahSummary } from './model';
import { ALL_ACTIVITIES, periodOf, satuDataRows, type SatuDataRow } from './satu-data';
import { satuDataMetadata, type MetadataElement } from './satu-data-metadata';

export interface SatuDataInput {
  /** ISO date-time of generation; its year is the period of undated activities. */
  generatedAt: string;
  /** Activity → its date (ISO or as typed). */
  activityDates?: Record<string, string>;
  sumber: string;
  penanggungJawab?: string;
}

export interface SatuDataExport {
  kegiatan: string;
  rows: SatuDataRow[];
  metadata: MetadataElement[];
}

export function satuDataExport(summaries: readonly TerpilahSummary[], input: SatuDataInput): SatuDataExport {
  const list: readonly TerpilahSummary[] = Array.isArray(summaries) ? summaries : [];
  const dates = input.activityDates ?? {};
  const dateOf = (activity: string) =>
    Object.prototype.hasOwnProperty.call(dates, activity) ? String(dates[activity]) : undefined;
  const activities = (summary: TerpilahSummary): string[] =>
    summary.activity !== null
      ? [summary.activity]
      : (summary.tables.find((t) => t.dimension === 'activity')?.rows.map((r) => r.category) ?? []);
  const periodeOf = (activity: string | null): string => {
    const summary = list.find((s) => s.activity === activity);
    const names = summary ? activities(summary) : activity === null ? [] : [activity];
    return periodOf(names.map(dateOf), input.generatedAt);
  };
  const all = list.find((s) => s.activity === null);
  const main = all ?? list[0];
  const kegiatan = all || !main ? ALL_ACTIVITIES : (main.activity ?? ALL_ACTIVITIES);
  const rows = satuDataRows(list, { periodeOf });
  const metadata = satuDataMetadata({
    kegiatan,
    periode: periodeOf(main ? main.activity : null),
    generatedAt: input.generatedAt,
    sumber: input.sumber,
    penanggungJawab: input.penanggungJawab,
    participants: main ? main.participants : 0,
  });
  return { kegiatan, rows, metadata };
}
