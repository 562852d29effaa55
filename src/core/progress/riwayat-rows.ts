/**
 * `Riwayat`: the event log, one row per action and never changed — the source of truth the other
 * two sheets are rebuilt from. An activity's frozen SOP that does not fit in one cell continues
 * on "Data lanjutan" rows (data-cells.ts).
 */
import { minutesRange } from '../sop/minutes';
import { parseTime } from '../time';
import { splitParts } from './data-cells';
import type { ActivityEvent, ActivityInfo } from './model';
import {
  ACTION_BY_LABEL,
  ACTION_LABELS,
  CONTINUATION_LABEL,
  isTrue,
  trimmed,
  type RowValue,
} from './row-labels';

export const RIWAYAT_HEADERS = [
  'Dicatat pada',
  'Oleh',
  'ID kegiatan',
  'Langkah',
  'Aksi',
  'Waktu kejadian',
  'Petugas',
  'Bukti',
  'Catatan',
  'Paralel',
  'Sebelum',
  'Sesudah',
  'ID event',
  'Data',
] as const;

/**
 * The `Riwayat` rows of an event: one, except for an activity whose Data does not fit in one
 * cell, which continues on "Data lanjutan" rows.
 */
export function eventRows(event: ActivityEvent, before: string, after: string): RowValue[][] {
  if (event.kind !== 'create') return [eventRow(event, before, after)];
  const [first, ...rest] = splitParts(JSON.stringify(event.activity));
  const width = RIWAYAT_HEADERS.length;
  const continuation = (part: string): RowValue[] => {
    const row: RowValue[] = new Array<RowValue>(width).fill('');
    row[0] = event.loggedAt;
    row[1] = event.by;
    row[2] = event.activity.id;
    row[4] = CONTINUATION_LABEL;
    row[width - 2] = event.id;
    row[width - 1] = part;
    return row;
  };
  const head = eventRow(event, before, after);
  head[width - 1] = first;
  return [head, ...rest.map(continuation)];
}

/**
 * `Riwayat` rows with each "Buat kegiatan" row's Data joined with its "Data lanjutan" rows; `row`
 * is the sheet row of each logical row. A continuation row without its head is kept as it is
 * (and reported unreadable by parseEventRow, naming its row).
 */
export function joinContinuations(
  rows: unknown[][],
  firstRow: number,
): { values: unknown[]; row: number; parts: number }[] {
  const aksi = RIWAYAT_HEADERS.indexOf('Aksi');
  const id = RIWAYAT_HEADERS.indexOf('ID event');
  const data = RIWAYAT_HEADERS.indexOf('Data');
  const joined: { values: unknown[]; row: number; parts: number }[] = [];
  rows.forEach((values, i) => {
    const last = joined[joined.length - 1];
    const continues =
      trimmed(values[aksi]) === CONTINUATION_LABEL &&
      last !== undefined &&
      last.row + last.parts === firstRow + i &&
      trimmed(last.values[aksi]) === ACTION_LABELS.create &&
      trimmed(last.values[id]) === trimmed(values[id]);
    if (continues) {
      // Raw, not trimmed: a part may begin or end inside a JSON string with spaces.
      last.values[data] = `${String(last.values[data] ?? '')}${String(values[data] ?? '')}`;
      last.parts++;
    } else {
      joined.push({ values: values.slice(), row: firstRow + i, parts: 1 });
    }
  });
  return joined;
}

/** The `Riwayat` row of an event; `before`/`after` are the step status labels around it. */
export function eventRow(event: ActivityEvent, before: string, after: string): RowValue[] {
  if (event.kind === 'create') {
    const { activity } = event;
    return [
      event.loggedAt,
      event.by,
      activity.id,
      '',
      ACTION_LABELS.create,
      activity.createdAt,
      '',
      '',
      '',
      false,
      '',
      activity.name,
      event.id,
      JSON.stringify(activity),
    ];
  }
  return [
    event.loggedAt,
    event.by,
    event.activityId,
    event.step,
    ACTION_LABELS[event.kind],
    event.at,
    event.person,
    event.evidence,
    event.note,
    event.override,
    before,
    after,
    event.id,
    '',
  ];
}

/** An event back from its `Riwayat` row, or what is wrong with the row. */
export function parseEventRow(
  values: unknown[],
  timeZone: string,
): { ok: true; event: ActivityEvent } | { ok: false; column: string; value: string } {
  const col = (name: (typeof RIWAYAT_HEADERS)[number]) => values[RIWAYAT_HEADERS.indexOf(name)];
  const bad = (column: (typeof RIWAYAT_HEADERS)[number]) => ({
    ok: false as const,
    column,
    value: trimmed(col(column)).slice(0, 60),
  });
  const kind = ACTION_BY_LABEL.get(trimmed(col('Aksi')).toLowerCase());
  if (!kind) return bad('Aksi');
  const loggedAt = parseTime(col('Dicatat pada'), timeZone);
  if (!loggedAt) return bad('Dicatat pada');
  const id = trimmed(col('ID event'));
  if (!id) return bad('ID event');
  const by = trimmed(col('Oleh'));
  if (kind === 'create') {
    try {
      const activity = JSON.parse(trimmed(col('Data'))) as ActivityInfo;
      if (
        !activity ||
        typeof activity.id !== 'string' ||
        !Array.isArray(activity.steps) ||
        activity.steps.length === 0
      )
        return bad('Data');
      for (const step of activity.steps)
        if (!Number.isInteger(step.number) || minutesRange(step.minutes).max <= 0) return bad('Data');
      return { ok: true, event: { kind, id, loggedAt, by, activity } };
    } catch {
      return bad('Data');
    }
  }
  const step = Number(col('Langkah'));
  if (!Number.isInteger(step) || step <= 0) return bad('Langkah');
  const at = parseTime(col('Waktu kejadian'), timeZone);
  if (!at) return bad('Waktu kejadian');
  return {
    ok: true,
    event: {
      kind,
      id,
      loggedAt,
      by,
      activityId: trimmed(col('ID kegiatan')),
      step,
      at,
      person: trimmed(col('Petugas')),
      evidence: trimmed(col('Bukti')),
      note: trimmed(col('Catatan')),
      override: isTrue(col('Paralel')),
    },
  };
}
