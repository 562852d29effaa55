/** The headline figures of one activity's participants (or all), as the sidebar shows them. */
import { t, type Language } from '../i18n';
import { maskNiksIn } from '../privacy/mask-nik';
import type { TerpilahSummary } from './model';

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
