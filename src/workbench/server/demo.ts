/**
 * "Buka contoh": a demo spreadsheet built on an empty workbench the way an office would build it,
 * every step a real execution of the add-in's own functions (so the strict emulation, scopes and
 * locks apply) or a person typing through the person layer (person.ts). See README.md,
 * `POST /api/demo`.
 */
import { isEmptyWorkbook, type WorkbookState } from '../model';
import type { ExecutionResult, PageUiEvent } from '../protocol';
import { HttpError } from './errors';
import { manageSheets, typeInto, type PersonActor } from './person';

export const DEMO_ACTIVITY = 'Rapat koordinasi PUG triwulan I';
export const DEMO_SOURCE = 'Form Responses 1';
const TEMPLATE = 'builtin:penguatan-pug';

/** A Google Form's responses, typed the way people type them (spellings, spaces, blanks). */
export const DEMO_RESPONSES: readonly string[][] = [
  ['Timestamp', 'Nama Lengkap', 'L/P', 'NIK', 'Umur', 'Asal Kabupaten/Kota', 'Instansi/OPD', 'Keterangan'],
  [
    '20/11/2026 09:00',
    'Siti Aminah',
    'PEREMPUAN',
    '1904 0145 0580 0001',
    '45 tahun',
    'Bateng',
    'Dinkes',
    'Kasi',
  ],
  [
    '20/11/2026 09:05',
    'Budi Santoso',
    'laki2',
    '1971011203750002',
    '51',
    'pangkalpinang',
    'Bappeda',
    'Analis',
  ],
  ['20/11/2026 09:07', 'Rina', 'Pr', '', '30', 'Bangka Barat', 'DP3ACSKB', ''],
  ['20/11/2026 09:09', 'Andi', 'Lk', '', '', 'Jakarta', 'LSM', ''],
  [
    '20/11/2026 09:12',
    ' dewi lestari ',
    'P',
    '1971 0156 0890 0003',
    '37',
    'Belitung',
    'Dinas Sosial',
    'Staf',
  ],
];

export interface DemoStep {
  functionName: string;
  result: ExecutionResult<PageUiEvent>;
}

export interface DemoHost extends PersonActor {
  readonly state: WorkbookState;
  /** One execution as POST /api/run/<fn> runs it (saved afterwards). */
  execute(functionName: string, args: unknown[]): ExecutionResult<PageUiEvent>;
}

/** "yyyy-mm-ddTHH:mm" of `ms` on the wall clock of `timeZone`. */
function wallClockAt(timeZone: string, ms: number): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16).replace(' ', 'T');
}

/**
 * The demo's "now": the latest Monday–Thursday 15:30 (on `timeZone`'s clock) not after now, so
 * the run logged in the five hours before it falls in office hours and shows working minutes
 * (a demo made in the evening would otherwise count 0 working minutes for every step).
 */
export function officeAfternoon(timeZone: string, nowMs: number): number {
  const step = 30 * 60_000; // zones are whole or half hours off UTC: 15:30 falls on a half hour
  let t = Math.floor(nowMs / step) * step;
  for (let i = 0; i < 8 * 48; i++, t -= step) {
    const wall = wallClockAt(timeZone, t);
    const weekday = new Date(`${wall.slice(0, 10)}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 4 && wall.endsWith('T15:30')) return t;
  }
  return nowMs;
}

/**
 * Builds the demo; stops at the first step that fails (its result is the last of `steps`).
 * Refuses (409) a workbook that is not empty.
 */
export function buildDemo(host: DemoHost): { ok: boolean; steps: DemoStep[] } {
  const { sheets } = host.state;
  if (
    !isEmptyWorkbook(
      sheets.map((s) => s.name),
      sheets[0].rows,
    )
  ) {
    throw new HttpError(409, 'Contoh hanya dibuat di spreadsheet kosong (satu Sheet1 tanpa isi)');
  }
  const steps: DemoStep[] = [];
  const run = (functionName: string, ...args: unknown[]): unknown => {
    const result = host.execute(functionName, args);
    steps.push({ functionName, result });
    if (!result.ok || result.needsInput) throw new DemoStopped();
    return result.value;
  };
  const zone = host.state.timeZone;
  const anchor = officeAfternoon(zone, Date.now());
  try {
    run('generateSop', TEMPLATE);
    const view = run('createActivity', {
      name: DEMO_ACTIVITY,
      templateId: TEMPLATE,
      plannedDate: wallClockAt(zone, anchor).slice(0, 10),
      place: 'Aula DP3ACSKB',
      personInCharge: 'Kabid PUG',
    }) as { activity: { id: string } };
    const activityId = view.activity.id;
    const log = (step: number, action: string, minutesAgo: number, extra: Record<string, unknown> = {}) =>
      run('logStep', {
        activityId,
        step,
        action,
        at: wallClockAt(zone, anchor - minutesAgo * 60_000),
        ...extra,
      });
    // 10:30–11:45, then after the 12:00–13:00 break: every logged span is working time.
    log(1, 'start', 300, { person: 'Kabid PUG', evidence: 'https://example.org/disposisi-1' });
    log(1, 'finish', 260);
    log(2, 'start', 255, { person: 'Kadis' });
    log(2, 'revise', 225, { note: 'Anggaran di RKA belum sesuai KAK' });
    log(1, 'start', 150);
    log(1, 'finish', 110);
    log(2, 'start', 100);
    log(2, 'approve', 80);
    log(3, 'start', 70);
    // the Google Form's answers, as a person pastes them into a new sheet
    manageSheets(host, { op: 'add', name: DEMO_SOURCE });
    typeInto(host, {
      sheet: DEMO_SOURCE,
      range: `A1:H${DEMO_RESPONSES.length}`,
      values: DEMO_RESPONSES.map((row) => [...row]),
    });
    const preview = run('previewImport', DEMO_SOURCE) as { mapping: unknown };
    run('importParticipants', {
      sourceSheet: DEMO_SOURCE,
      mapping: preview.mapping,
      activity: DEMO_ACTIVITY,
    });
    run('generateTerpilahReport', { activity: DEMO_ACTIVITY });
  } catch (e) {
    if (e instanceof DemoStopped) return { ok: false, steps };
    throw e;
  }
  return { ok: true, steps };
}

class DemoStopped extends Error {}
