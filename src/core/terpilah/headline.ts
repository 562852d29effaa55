/**
 * The headline figures of one activity's participants (or all), as the sidebar shows them, and
 * which cells they need: the activity column of every row, then the sex column of that activity's
 * rows, then the NIK and NIP only where no sex is stated (the normaliser reads sex from them only
 * then). The same normaliser then reads those cells, so the figures equal a full recount.
 */
import { t, type Language } from '../i18n';
import { maskNiksIn } from '../privacy/mask-nik';
import { cleanText, TEXT_CAP } from './cell-text';
import type { TerpilahSummary } from './model';
import { NO_ACTIVITY } from './normalise';
import { parseSex } from './sex';

/** The headline figures of one activity (or all when ""), for the sidebar. */
export interface TerpilahHeadline {
  /** The activity as asked for, a NIK typed in its name masked. */
  activity: string;
  participants: number;
  L: number;
  P: number;
  unknown: number;
  /** % women of the participants with a known sex; null when none is known. */
  percentP: number | null;
  narrative: string;
}

export function terpilahHeadlineOf(
  summary: Pick<TerpilahSummary, 'participants' | 'sex'>,
  activity: string,
  language: Language,
): TerpilahHeadline {
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
  return {
    activity: maskNiksIn(activity),
    participants: summary.participants,
    L,
    P,
    unknown,
    percentP,
    narrative,
  };
}

/**
 * Whether the headline of `activity` can be read from a few columns: a named activity. The
 * unnamed one ("Tanpa nama kegiatan", the rows with no activity) and "all" need every column,
 * since a row counts only when some mapped cell of it is filled.
 */
export function headlineReadsColumns(activity: string): boolean {
  return activity !== '' && activity !== NO_ACTIVITY;
}

/** The 0-based offsets of the activity column's cells that name `activity`, read as the normaliser reads them. */
export function rowsOfActivity(cells: readonly unknown[], activity: string, timeZone: string): number[] {
  const rows: number[] = [];
  for (let i = 0; i < cells.length; i++)
    if (cleanText(cells[i], TEXT_CAP, timeZone) === activity) rows.push(i);
  return rows;
}

/** Whether the sex cell states L or P the way the normaliser reads it (core/terpilah/read-sex.ts). */
export function statesSex(cell: unknown): boolean {
  return typeof cell === 'string' && parseSex(cell.slice(0, 40)) !== null;
}
