/**
 * The headline figures of the sidebar's open activity, nothing written but the counts index. A
 * named activity's figures come from the counts index (./register-counts.ts: a few cells, or one
 * recount when stale); "all" and the unnamed activity read `Peserta`, as does any activity when a
 * user's sheet holds the index's name (then only its columns and rows: ./read-activity.ts).
 */
import { toIsoInZone } from '../../core/time';
import {
  headlineReadsColumns,
  terpilahHeadlineOf,
  type TerpilahHeadline,
} from '../../core/terpilah/headline';
import { headlineSummary } from '../../core/terpilah/register-counts';
import { summarise } from '../../core/terpilah/summaries';
import type { SidebarApi } from '../api';
import { getLanguage } from '../preferences';
import { PESERTA_SHEET } from '../sheets/names';
import { readPeserta } from './read';
import { readActivitySex } from './read-activity';
import { headlineCounts } from './register-counts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const terpilahHeadline: SidebarApi['terpilahHeadline'] = (activity: string): TerpilahHeadline =>
  headlineOf(SpreadsheetApp.getActiveSpreadsheet(), activity, 'stale') as TerpilahHeadline;

/** "Hitung ulang": the same figures, recounted from `Peserta` whatever the index says. */
export const recountTerpilahHeadline: SidebarApi['recountTerpilahHeadline'] = (
  activity: string,
): TerpilahHeadline =>
  headlineOf(SpreadsheetApp.getActiveSpreadsheet(), activity, 'always') as TerpilahHeadline;

/**
 * `recount`: when the index is stale, 'stale' recounts it, 'always' recounts anyway, 'fresh'
 * answers null instead (openActivity: the view must not wait for a recount).
 */
export function headlineOf(
  spreadsheet: Spreadsheet,
  activity: string,
  recount: 'fresh' | 'stale' | 'always',
  timeZone: string = spreadsheet.getSpreadsheetTimeZone(),
): TerpilahHeadline | null {
  const language = getLanguage();
  const name = String(activity ?? '')
    .trim()
    .slice(0, 200);
  if (headlineReadsColumns(name)) {
    const peserta = spreadsheet.getSheetByName(PESERTA_SHEET);
    if (!peserta) return terpilahHeadlineOf(summarise([], [], name), name, language);
    const kept = headlineCounts(spreadsheet, peserta, language, timeZone, recount);
    if (kept === 'stale') return null;
    if (kept) return terpilahHeadlineOf(headlineSummary(kept.counts, name), name, language);
  }
  const referenceDate = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  const data = (headlineReadsColumns(name)
    ? readActivitySex(spreadsheet, language, name, { referenceDate, timeZone })
    : readPeserta(spreadsheet, language, referenceDate, undefined, timeZone)) ?? {
    participants: [],
    quality: [],
  };
  return terpilahHeadlineOf(summarise(data.participants, data.quality, name || null), name, language);
}
