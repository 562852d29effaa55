/** The headline figures of the sidebar's open activity: one read of `Peserta`, nothing written. */
import { toIsoInZone } from '../../core/time';
import { terpilahHeadlineOf } from '../../core/terpilah/headline';
import { summarise } from '../../core/terpilah/summaries';
import type { SidebarApi, TerpilahHeadline } from '../api';
import { getLanguage } from '../preferences';
import { readPeserta } from './read';

export const terpilahHeadline: SidebarApi['terpilahHeadline'] = (activity: string): TerpilahHeadline => {
  const language = getLanguage();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const name = String(activity ?? '')
    .trim()
    .slice(0, 200);
  const today = toIsoInZone(Date.now(), spreadsheet.getSpreadsheetTimeZone()).slice(0, 10);
  const data = readPeserta(spreadsheet, language, today) ?? { participants: [], quality: [] };
  return terpilahHeadlineOf(summarise(data.participants, data.quality, name || null), name, language);
};
