import type { StringKey } from '../core/i18n';
import { byId, h } from './dom';
import { button, card, field, form, outcome, pair, progress, say } from './form-kit';

/**
 * What each tab holds, built once at start into the shell of sidebar.html (its tab strip and
 * three empty panels), in page order. The modules of each panel find their elements by id and
 * fill them; ids are also the data-testids the browser tests use.
 */

export type Tab = 'activities' | 'sop' | 'participants';
export const TABS: Tab[] = ['activities', 'sop', 'participants'];
const TAB_LABELS: Record<Tab, StringKey> = {
  activities: 'sideTabActivities',
  sop: 'sideTabSop',
  participants: 'sideTabParticipants',
};

/** Roving tab stops (WAI-ARIA tabs): only the selected tab is in the Tab order. */
function tabs(): HTMLElement[] {
  return TABS.map((tab, index) =>
    say('button', TAB_LABELS[tab], {
      id: `tab-${tab}`,
      class: 'tab',
      type: 'button',
      role: 'tab',
      'aria-selected': String(index === 0),
      'aria-controls': `panel-${tab}`,
      tabindex: index === 0 ? undefined : '-1',
      'data-tab': tab,
      testid: `tab-${tab}`,
    }),
  );
}

const FILTERS: [string, StringKey][] = [
  ['all', 'sideActFilterAll'],
  ['notStarted', 'sideActFilterNotStarted'],
  ['running', 'sideActFilterRunning'],
  ['done', 'sideActFilterDone'],
];

function activityList(): HTMLElement {
  const filter = h(
    'select',
    { id: 'activity-filter', testid: 'activity-filter' },
    ...FILTERS.map(([value, label]) => say('option', label, { value })),
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'activity-list-title' },
    h(
      'div',
      { class: 'card-head' },
      say('h2', 'sideActListTitle', { id: 'activity-list-title' }),
      h('label', { class: 'inline-field' }, say('span', 'sideActFilter'), filter),
    ),
    h('ul', { id: 'activity-list', class: 'activity-list' }),
    h('p', { id: 'no-activities', class: 'muted', hidden: true }),
    h(
      'p',
      { id: 'activity-more', class: 'muted small', hidden: true, testid: 'activity-more' },
      h('span', { id: 'activity-more-text' }),
      ' ',
      say('button', 'sideActShowAll', {
        id: 'activity-show-all',
        type: 'button',
        class: 'secondary small-button',
        testid: 'activity-show-all',
      }),
    ),
  );
}

function newActivity(): HTMLElement {
  const text = { maxlength: 200 };
  return card(
    'new-activity',
    'sideActNewTitle',
    form(
      'new-activity-form',
      ...field('text', 'new-activity-name', 'sideActName', {
        required: true,
        maxlength: 200,
        autocomplete: 'off',
        'aria-describedby': 'activity-create-error',
      }),
      ...field('select', 'new-activity-template', 'sideActTemplate'),
      pair(
        field('date', 'new-activity-date', 'sideActDate'),
        field('text', 'new-activity-place', 'sideActPlace', text),
      ),
      ...field('text', 'new-activity-pic', 'sideActPic', text),
      button('create-activity', 'sideActCreate', 'primary', { type: 'submit' }),
      progress('activity-create-progress', 'sideActCreating'),
      h(
        'div',
        { 'aria-live': 'polite' },
        h('p', {
          id: 'activity-create-error',
          class: 'error',
          testid: 'activity-create-error',
          hidden: true,
        }),
      ),
    ),
  );
}

/** The open activity: filled by step-log.ts (its heading takes the focus when nothing else can). */
function activityView(): HTMLElement {
  return h(
    'section',
    { id: 'activity-view', class: 'activity-view', 'aria-labelledby': 'activity-title', hidden: true },
    button('back-to-list', 'sideActBack', 'link'),
    h('h2', { id: 'activity-title', class: 'activity-title', tabindex: '-1', testid: 'activity-title' }),
    h('p', { id: 'activity-meta', class: 'muted small' }),
    h('div', { id: 'activity-progress', class: 'activity-progress big', testid: 'activity-progress' }),
    h('p', { id: 'activity-terpilah', class: 'muted small', testid: 'activity-terpilah', hidden: true }),
    button('activity-recount', 'sidePesRecount', 'link', { hidden: true }),
    progress('activity-loading', 'sideActLoading'),
    h('p', { id: 'activity-load-error', class: 'error', role: 'alert', hidden: true }),
    h('p', {
      id: 'activity-announce',
      class: 'sr-only',
      role: 'status',
      'aria-live': 'polite',
      testid: 'activity-announce',
    }),
    h('ol', { id: 'step-list', class: 'step-list' }),
  );
}

function createSop(): HTMLElement {
  return card(
    'sop',
    'sideSopTitle',
    ...field('select', 'template-select', 'sideTemplateLabel', { disabled: true }),
    say('p', 'sideNoTemplates', { id: 'no-templates', class: 'muted', hidden: true }),
    button('create-sop', 'sideCreateSop', 'primary', { disabled: true }),
    progress('sop-progress', 'sideSopProgress', { testid: 'sop-progress' }),
    h(
      'div',
      { 'aria-live': 'polite' },
      h(
        'div',
        { id: 'sop-result', class: 'success', testid: 'sop-result', hidden: true },
        h('p', { id: 'sop-result-text' }),
        h('p', { id: 'sop-notice', class: 'notice', hidden: true }),
      ),
      h(
        'div',
        { id: 'sop-problems', class: 'error', testid: 'sop-problems', hidden: true },
        h('p', { id: 'sop-problems-title', class: 'strong-line' }),
        h('ul', { id: 'sop-problem-list' }),
      ),
    ),
  );
}

function newTemplate(): HTMLElement {
  const choice = (value: string, testid: string, label: StringKey, checked = false): HTMLElement =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'from', value, checked, testid }),
      say('span', label),
    );
  return card(
    'new-template',
    'sideNewTemplateTitle',
    form(
      'new-template-form',
      ...field('text', 'new-template-name', 'sideNewTemplateName', {
        required: true,
        maxlength: 90,
        autocomplete: 'off',
        'aria-describedby': 'template-error',
      }),
      h(
        'fieldset',
        null,
        say('legend', 'sideNewTemplateFrom', { class: 'field-label' }),
        choice('builtin', 'new-template-from-builtin', 'sideNewTemplateFromBuiltin', true),
        choice('blank', 'new-template-blank', 'sideNewTemplateBlank'),
      ),
      button('create-template', 'sideCreateTemplate', 'primary', { type: 'submit' }),
      progress('template-progress', 'sideTemplateProgress'),
      outcome('template'),
    ),
  );
}

/** Closed lists (data-values) are filled by participants.ts with a "—" first. */
function addParticipant(): HTMLElement {
  const text = { maxlength: 200 };
  const digits = { inputmode: 'numeric', maxlength: 24, autocomplete: 'off' };
  return card(
    'pes-add',
    'sidePesAddTitle',
    form(
      'pes-add-form',
      ...field('select', 'pes-activity', 'pesertaFieldActivity'),
      ...field('text', 'pes-name', 'pesertaFieldName', {
        required: true,
        maxlength: 200,
        autocomplete: 'off',
      }),
      pair(
        field('select', 'pes-sex', 'pesertaFieldSex', { 'data-values': 'L,P' }),
        field('select', 'pes-role', 'pesertaFieldRole', { 'data-values': 'Peserta,Narasumber,Panitia' }),
      ),
      pair(
        field('text', 'pes-nik', 'pesertaFieldNik', digits),
        field('text', 'pes-nip', 'pesertaFieldNip', digits),
      ),
      pair(
        field('date', 'pes-birth', 'pesertaFieldBirthDate'),
        field('number', 'pes-age', 'pesertaFieldAge', { min: 0, max: 120 }),
      ),
      ...field('text', 'pes-institution', 'pesertaFieldInstitution', text),
      pair(
        field('text', 'pes-position', 'pesertaFieldPosition', text),
        field('text', 'pes-regency', 'pesertaFieldRegency', text),
      ),
      pair(
        field('select', 'pes-disability', 'pesertaFieldDisability', { 'data-values': 'Ya,Tidak' }),
        field('select', 'pes-attendance', 'pesertaFieldAttendance', { 'data-values': 'Hadir,Tidak hadir' }),
      ),
      button('pes-add', 'sidePesAdd', 'primary', { type: 'submit' }),
      progress('pes-add-progress', 'sidePesAdding'),
      outcome('pes-add'),
    ),
  );
}

function importParticipants(): HTMLElement {
  const mapping = h(
    'table',
    { id: 'pes-mapping', class: 'mapping', testid: 'pes-mapping' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        say('th', 'sidePesMappingField', { scope: 'col' }),
        say('th', 'sidePesMappingColumn', { scope: 'col' }),
      ),
    ),
    h('tbody', { id: 'pes-mapping-rows' }),
  );
  return card(
    'pes-import',
    'sidePesImportTitle',
    say('p', 'sidePesImportHint', { class: 'muted small' }),
    ...field('select', 'pes-source', 'sidePesSource'),
    say('p', 'sidePesNoSheets', { id: 'pes-no-sheets', class: 'muted', hidden: true }),
    button('pes-preview', 'sidePesPreview', 'secondary'),
    progress('pes-preview-progress', 'sidePesPreviewing'),
    h(
      'div',
      { id: 'pes-mapping-box', hidden: true },
      h('p', { id: 'pes-preview-info', class: 'muted small', testid: 'pes-preview-info' }),
      mapping,
      ...field('select', 'pes-import-activity', 'sidePesImportActivity'),
      button('pes-import', 'sidePesImport', 'primary'),
    ),
    progress('pes-import-progress', 'sidePesImporting'),
    outcome('pes-import'),
  );
}

function report(): HTMLElement {
  return card(
    'pes-report',
    'sidePesReportTitle',
    ...field('select', 'pes-report-scope', 'sidePesReportScope'),
    button('pes-report', 'sidePesReportCreate', 'primary'),
    progress('pes-report-progress', 'sidePesReportCreating'),
    outcome('pes-report'),
  );
}

/** Builds the tab strip and the three panels (once, before anything is wired). */
export function buildLayout(): void {
  byId('tabs').append(...tabs());
  byId('panel-activities').append(
    h('div', { id: 'activity-home' }, activityList(), newActivity()),
    activityView(),
  );
  byId('panel-sop').append(createSop(), newTemplate());
  byId('panel-participants').append(addParticipant(), importParticipants(), report());
}
