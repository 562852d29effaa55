/**
 * Fewer setBorder calls for the same borders. Range.setBorder / RangeList.setBorder set
 * each side they are given true for and leave a null side unchanged ("Valid values are true (on),
 * false (off) and null (no change)",
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setBorder(Boolean,Boolean,Boolean,Boolean,Boolean,Boolean,String,BorderStyle)).
 * So consecutive border entries of one colour and style, which only ever set sides, leave every
 * cell side they touch with that colour and style whatever their order: the union of what they
 * set is all that counts. Such a run can be regrouped:
 * - entries with the same sides set share one RangeList;
 * - or every entry is split into its outline part (top, left, bottom, right) and its inner part
 *   (vertical, horizontal) — the sides setBorder sets for all six flags are exactly those it sets
 *   for the four outer ones plus those for the two inner ones — and the parts with the same sides
 *   set share one RangeList.
 * The grouping with the fewer calls is taken (an entry of one rect rides applyPlan's one
 * RangeList of single ranges: its setBorder; a RangeList of several: getRangeList and setBorder —
 * with Apps Script's write cache the setBorder rides the run of writes, so the getRangeList is
 * the entry's one round trip), else the run stays as planned. Entries of other styles keep
 * their place, so what a later style sets over these still wins.
 */
import type { BorderSpec, PlanRect } from './plan';

export type BorderEntry = { rects: PlanRect[]; spec: BorderSpec };

const OUTER = ['top', 'left', 'bottom', 'right'] as const;
const INNER = ['vertical', 'horizontal'] as const;
const SIDES = [...OUTER, ...INNER] as const;

/** Calls of an entry in applyPlan: one rect rides the RangeList of single ranges. */
const trips = (entries: BorderEntry[]) => entries.reduce((sum, e) => sum + (e.rects.length === 1 ? 1 : 2), 0);

const flagsKey = (spec: BorderSpec) => SIDES.filter((side) => spec[side]).join(',');

/** Entries with the same sides set joined, in the order their first member came. */
function joinSameSides(entries: BorderEntry[]): BorderEntry[] {
  const joined = new Map<string, BorderEntry>();
  for (const { rects, spec } of entries) {
    const key = flagsKey(spec);
    const found = joined.get(key);
    if (found) found.rects.push(...rects);
    else joined.set(key, { rects: [...rects], spec: { ...spec } });
  }
  return [...joined.values()];
}

/** An entry's outline part and inner part (either empty when it sets no side of that kind). */
function split({ rects, spec }: BorderEntry): BorderEntry[] {
  const { color, style } = spec;
  const part = (sides: readonly (typeof SIDES)[number][]): BorderEntry[] => {
    const set = sides.filter((side) => spec[side]);
    if (set.length === 0) return [];
    return [{ rects, spec: { ...Object.fromEntries(set.map((side) => [side, true])), color, style } }];
  };
  return [...part(OUTER), ...part(INNER)];
}

/** The run regrouped into the fewest calls, or as it was when no grouping saves one. */
function regroup(run: BorderEntry[]): BorderEntry[] {
  const candidates = [joinSameSides(run), joinSameSides(run.flatMap(split))];
  const best = candidates.reduce((a, b) => (trips(b) < trips(a) ? b : a));
  return trips(best) < trips(run) ? best : run;
}

/** The plan's borders with each run of one colour and style in the fewest setBorder calls. */
export function joinBorderRuns(borders: readonly BorderEntry[]): BorderEntry[] {
  const out: BorderEntry[] = [];
  let run: BorderEntry[] = [];
  const same = (a: BorderSpec, b: BorderSpec) => a.color === b.color && a.style === b.style;
  for (const entry of borders) {
    if (run.length && !same(run[0].spec, entry.spec)) {
      out.push(...regroup(run));
      run = [];
    }
    if (entry.rects.length) run.push(entry);
  }
  out.push(...regroup(run));
  return out;
}
