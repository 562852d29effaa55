/**
 * The headline figures of the sidebar's open activity, nothing written. A named activity reads
 * only its columns and rows (./read-activity.ts); "all" and the unnamed activity read `Peserta`.
 */
import { toIsoInZone } from '../../core/time';
import { headlineReadsColumns, terpilahHeadlineOf } from '../../core/terpilah/headline';
import { summarise } from '../../core/terpilah/summaries';
import type { SidebarApi, TerpilahHeadline } from '../api';
import { getLanguage } from '../preferences';
import { readPeserta } from './read';
import { readActivitySex } from './read-activity';

export const terpilahHeadline: SidebarApi['terpilahHeadline'] = (activity: string): TerpilahHeadline => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const name = String(activity ?? '')
    .trim()
    .slice(0, 200);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const referenceDate = toIsoInZone(Date.now(), timeZone).slice(0, 10);
  const data = (headlineReadsColumns(name)
    ? readActivitySex(spreadsheet, language, name, { referenceDate, timeZone })
    : readPeserta(spreadsheet, language, referenceDate, undefined, timeZone)) ?? {
    participants: [],
    quality: [],
  };
  return terpilahHeadlineOf(summarise(data.participants, data.quality, name || null), name, language);
};
