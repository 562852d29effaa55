/** The headline figures of the sidebar's open activity: one read of `Peserta`, nothing written. */
import { t } from '../../core/i18n';
import { toIsoInZone } from '../../core/time';
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
  const summary = summarise(data.participants, data.quality, name || null);
  const { L, P, unknown } = summary.sex;
  const known = L + P;
  const percentP = known > 0 ? Math.round((P / known) * 100) : null;
  const narrative =
    summary.participants === 0
      ? t(language, 'terpilahHeadlineNone')
      : percentP === null
        ? t(language, 'terpilahHeadlineNoSex', { participants: summary.participants })
        : t(language, 'terpilahHeadlineText', {
            participants: summary.participants,
            L,
            P,
            percentP,
            unknown,
          });
  return { activity: name, participants: summary.participants, L, P, unknown, percentP, narrative };
};
