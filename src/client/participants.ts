import type { ParticipantField } from '../core/terpilah/model';
import type {
  ActivityListItem,
  AddParticipantRequest,
  ImportMapping,
  ImportPreview,
  TerpilahHeadline,
} from '../server/api';
import { formatNumberId } from '../core/format';
import { byId, fillSelect, h, setText, show, type Choice } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';

/**
 * The "Peserta" tab: a form to add one participant, an import from any sheet with a column
 * mapping the person can correct, and the disaggregated report for all or one activity. Also the
 * headline figures (L, P, % perempuan) of the activity open in the "Kegiatan" tab.
 */

/** Fields always offered in the mapping; the Washington Group ones only when a column matched. */
const MAIN_FIELDS: ParticipantField[] = [
  'activity',
  'name',
  'nik',
  'nip',
  'sex',
  'birthDate',
  'age',
  'role',
  'institution',
  'position',
  'regency',
  'disability',
  'attendance',
];

let activities: ActivityListItem[] = [];
let sheetsLoaded = false;
let preview: ImportPreview | null = null;
let headlineFor = '';

const select = (id: string): HTMLSelectElement => byId<HTMLSelectElement>(id);
const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id);

const choice = (value: string, label = value): Choice => ({ value, label });

function activityChoices(empty: string): Choice[] {
  const names = [...new Set(activities.map((a) => a.name))];
  return [choice('', empty), ...names.map((name) => choice(name))];
}

export function setParticipantActivities(list: ActivityListItem[]): void {
  activities = list.slice();
}

/** Draws what depends on the language and the activity list. */
export function renderParticipants(): void {
  fillSelect(select('pes-activity'), activityChoices(tr('sidePesNoActivity')));
  fillSelect(select('pes-import-activity'), activityChoices(tr('sidePesNoActivity')));
  fillSelect(select('pes-report-scope'), activityChoices(tr('sidePesReportAll')));
  for (const id of ['pes-sex', 'pes-role', 'pes-disability', 'pes-attendance']) {
    const target = select(id);
    const values = (target.dataset.values ?? '').split(',');
    fillSelect(target, [choice('', tr('sidePesChoose')), ...values.map((v) => choice(v))]);
  }
  if (preview) renderMapping(preview, currentMapping());
}

/** The tab was shown: the list of sheets is fetched the first time (and on "Muat ulang"). */
export function participantsShown(): void {
  if (!sheetsLoaded) void loadSheets();
}

export function reloadParticipantSheets(): void {
  sheetsLoaded = false;
  if (!byId('panel-participants').hidden) void loadSheets();
}

async function loadSheets(): Promise<void> {
  sheetsLoaded = true;
  try {
    const names = await callServer('listImportSheets');
    fillSelect(
      select('pes-source'),
      names.map((name) => choice(name)),
    );
    show('pes-no-sheets', names.length === 0);
    byId<HTMLButtonElement>('pes-preview').disabled = names.length === 0;
  } catch (error) {
    sheetsLoaded = false;
    outcome('pes-import', { error });
  }
}

function outcome(card: string, result: { message: string } | { error: unknown } | null): void {
  const ok = byId(`${card}-result`);
  const failed = byId(`${card}-error`);
  ok.hidden = !(result && 'message' in result);
  failed.hidden = !(result && 'error' in result);
  ok.textContent = result && 'message' in result ? result.message : '';
  failed.textContent = result && 'error' in result ? describeError(result.error) : '';
}

/**
 * One server call of a card: its outcome cleared, the spinner of its first button shown and its
 * buttons disabled while it runs, then the value, or null with the error shown in the card.
 */
async function run<T>(card: string, buttons: string[], call: () => Promise<T>): Promise<T | null> {
  outcome(card, null);
  const working = (on: boolean): void => {
    show(`${buttons[0]}-progress`, on);
    for (const id of buttons) byId<HTMLButtonElement>(id).disabled = on;
  };
  working(true);
  try {
    return await call();
  } catch (error) {
    outcome(card, { error });
    return null;
  } finally {
    working(false);
  }
}

async function addParticipant(): Promise<void> {
  const value = (id: string) => (byId(id) as HTMLInputElement | HTMLSelectElement).value;
  const request: AddParticipantRequest = {
    activity: value('pes-activity'),
    name: value('pes-name'),
    nik: value('pes-nik'),
    nip: value('pes-nip'),
    sex: value('pes-sex') as AddParticipantRequest['sex'],
    birthDate: value('pes-birth'),
    age: value('pes-age'),
    role: value('pes-role') as AddParticipantRequest['role'],
    institution: value('pes-institution'),
    position: value('pes-position'),
    regency: value('pes-regency'),
    disability: value('pes-disability') as AddParticipantRequest['disability'],
    attendance: value('pes-attendance') as AddParticipantRequest['attendance'],
  };
  if (request.name.trim() === '') {
    outcome('pes-add', { error: new Error(tr('pesertaNameEmpty')) });
    input('pes-name').focus();
    return;
  }
  await submitParticipant(request);
}

/**
 * Sends the form; a duplicate comes back unwritten with the server's question, asked here
 * (Tetap tambahkan / Batal): only a second call with `confirmDuplicate` adds it.
 */
async function submitParticipant(request: AddParticipantRequest): Promise<void> {
  askDuplicate(null);
  const result = await run('pes-add', ['pes-add'], () => callServer('addParticipant', request));
  if (!result) return;
  if (result.duplicateOf && result.row === 0) {
    askDuplicate(result.message, () => void submitParticipant({ ...request, confirmDuplicate: true }));
    return;
  }
  outcome('pes-add', result);
  // The activity and the closed values stay: the next participant is often of the same kind.
  for (const id of ['pes-name', 'pes-nik', 'pes-nip', 'pes-birth', 'pes-age', 'pes-position'])
    input(id).value = '';
  input('pes-name').focus();
  refreshHeadline();
}

/** The duplicate question under the form, or none (null). Built here: the layout has no slot for it. */
function askDuplicate(question: string | null, addAnyway?: () => void): void {
  document.getElementById('pes-add-confirm')?.remove();
  if (question === null || !addAnyway) return;
  const box = h(
    'div',
    { id: 'pes-add-confirm', class: 'error', role: 'alert', testid: 'pes-add-confirm' },
    h('p', null, question),
    h(
      'button',
      { type: 'button', class: 'primary', testid: 'pes-add-anyway', onClick: () => addAnyway() },
      tr('sidePesAddAnyway'),
    ),
    h(
      'button',
      {
        type: 'button',
        testid: 'pes-add-cancel',
        onClick: () => {
          askDuplicate(null);
          input('pes-name').focus();
        },
      },
      tr('sidePesAddCancel'),
    ),
  );
  byId('pes-add-error').after(box);
}

async function previewImport(): Promise<void> {
  const source = select('pes-source').value;
  show('pes-mapping-box', false);
  preview = null; // a language switch meanwhile must not draw the old mapping
  preview = await run('pes-import', ['pes-preview'], () => callServer('previewImport', source));
  if (!preview) return;
  const info = tr('sidePesPreviewInfo', { rows: formatNumberId(preview.rowCount), row: preview.headerRow });
  setText('pes-preview-info', [info, preview.tooLarge ?? preview.duration].filter(Boolean).join(' '));
  renderMapping(preview, preview.mapping);
  show('pes-mapping-box', true);
}

/** One row per field: its label and a select of the source's columns ("A · Nama Lengkap"). */
function renderMapping(current: ImportPreview, mapping: ImportMapping): void {
  const labels = new Map(current.fields.map((f) => [f.field, f.label]));
  const fields = current.fields
    .map((f) => f.field)
    .filter((field) => MAIN_FIELDS.includes(field) || mapping[field] !== undefined);
  const rows = fields.map((field) => {
    const label = labels.get(field) ?? field;
    const columns = current.headers.map((header, i) =>
      choice(String(i), `${columnLetters(i + 1)} · ${header}`),
    );
    const chooser = h('select', {
      'data-field': field,
      testid: 'pes-map',
      'aria-label': label,
      onChange: () => (row.className = chooser.value === '-1' ? '' : 'mapped'),
    });
    fillSelect(chooser, [choice('-1', tr('sidePesNotImported')), ...columns]);
    chooser.value = String(mapping[field] ?? -1);
    const row = h(
      'tr',
      { class: mapping[field] === undefined ? '' : 'mapped' },
      h('td', null, label),
      h('td', null, chooser),
    );
    return row;
  });
  byId('pes-mapping-rows').replaceChildren(...rows);
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function currentMapping(): ImportMapping {
  const mapping: ImportMapping = {};
  document.querySelectorAll<HTMLSelectElement>('#pes-mapping-rows select').forEach((chooser) => {
    const index = Number(chooser.value);
    if (index >= 0) mapping[chooser.dataset.field as ParticipantField] = index;
  });
  return mapping;
}

async function importRows(): Promise<void> {
  if (!preview) return;
  const request = {
    sourceSheet: preview.sourceSheet,
    mapping: currentMapping(),
    activity: select('pes-import-activity').value,
  };
  const result = await run('pes-import', ['pes-import', 'pes-preview'], () =>
    callServer('importParticipants', request),
  );
  if (!result) return;
  outcome('pes-import', result);
  refreshHeadline();
}

async function createReport(): Promise<void> {
  const activity = select('pes-report-scope').value;
  const result = await run('pes-report', ['pes-report'], () =>
    callServer('generateTerpilahReport', activity ? { activity } : {}),
  );
  if (!result) return;
  outcome('pes-report', result);
  reloadParticipantSheets();
}

/**
 * The open activity's figures under its progress bar: one call when another activity opens, none
 * when "Buka" brought them (`known`; null: "Buka" had none, they are asked for). "Hitung ulang"
 * recounts from Peserta.
 */
export function showHeadline(
  activity: string,
  force = false,
  known?: TerpilahHeadline | null,
  recount = false,
): void {
  if (!force && known === undefined && activity === headlineFor) return;
  headlineFor = activity;
  const target = byId('activity-terpilah');
  const again = byId<HTMLButtonElement>('activity-recount');
  const draw = (headline: TerpilahHeadline | null) => {
    if (headline && headline.activity !== headlineFor) return;
    target.textContent = headline ? `${tr('sidePesHeadlineTitle')}: ${headline.narrative}` : '';
    target.hidden = !headline;
    again.hidden = !headline;
    again.disabled = false;
  };
  if (known) return draw(known);
  target.hidden = true;
  target.textContent = '';
  again.disabled = true;
  callServer(recount ? 'recountTerpilahHeadline' : 'terpilahHeadline', activity).then(draw, () => {
    // The headline is a courtesy: the step log works without it.
    again.disabled = false;
  });
}

function refreshHeadline(): void {
  if (headlineFor) showHeadline(headlineFor, true);
}

export function wireParticipants(): void {
  byId('pes-add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void addParticipant();
  });
  byId('pes-preview').addEventListener('click', () => void previewImport());
  byId('activity-recount').addEventListener('click', () => showHeadline(headlineFor, true, undefined, true));
  byId('pes-import').addEventListener('click', () => void importRows());
  byId('pes-report').addEventListener('click', () => void createReport());
  select('pes-source').addEventListener('change', () => {
    preview = null;
    show('pes-mapping-box', false);
  });
}
