import type { GenerateSopResult, TemplateSummary } from '../server/api';
import { byId, fillSelect, h, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';

/** The "Buat SOP" panel: the template list, the button, and the outcome of the last run. */

type Outcome = { kind: 'done'; result: GenerateSopResult } | { kind: 'failed'; error: unknown };

let templates: TemplateSummary[] = [];
let busy = false;
let outcome: Outcome | null = null;

const select = (): HTMLSelectElement => byId<HTMLSelectElement>('template-select');
const button = (): HTMLButtonElement => byId<HTMLButtonElement>('create-sop');

/** A built-in template's name with "(bawaan)" once (the server may already name it so). */
export function builtinLabel(name: string): string {
  const marker = tr('sideTemplateBuiltin', { name: '' }).trim();
  return name.endsWith(marker) ? name : tr('sideTemplateBuiltin', { name });
}

function optionLabel(template: TemplateSummary): string {
  if (template.source === 'builtin') return builtinLabel(template.name);
  const sheet = template.sheetName ?? template.name;
  return template.stepCount === 1
    ? tr('sideTemplateSheetOne', { sheet })
    : tr('sideTemplateSheet', { sheet, count: template.stepCount });
}

function updateControls(): void {
  const empty = templates.length === 0;
  select().disabled = busy || empty;
  button().disabled = busy || empty;
  show('no-templates', empty);
  show('sop-progress', busy);
}

/**
 * Fills the list, in the server's order (built-in first). Keeps the current choice when it is
 * still there, else picks the template of `preferSheet`, else the first.
 */
export function renderTemplates(list: TemplateSummary[], preferSheet?: string): void {
  templates = list;
  fillSelect(
    select(),
    list.map((template) => ({ value: template.id, label: optionLabel(template) })),
  );
  const preferred = list.find((template) => preferSheet && template.sheetName === preferSheet);
  if (preferred) select().value = preferred.id;
  updateControls();
  renderOutcome();
}

function renderOutcome(): void {
  const succeeded = outcome?.kind === 'done' && outcome.result.ok ? outcome.result : null;
  show('sop-result', succeeded !== null);
  show('sop-problems', outcome !== null && succeeded === null);
  if (!outcome) return;
  if (succeeded) {
    const { min, max } = succeeded.totalMinutes;
    const params = { sheet: succeeded.sheetName, count: succeeded.stepCount, min, max };
    setText('sop-result-text', tr(min === max ? 'sideSopCreated' : 'sideSopCreatedRange', params));
    setText('sop-notice', succeeded.renamedBecause ?? '');
    show('sop-notice', Boolean(succeeded.renamedBecause));
    return;
  }
  const problems = outcome.kind === 'done' && !outcome.result.ok ? outcome.result.problems : [];
  setText(
    'sop-problems-title',
    outcome.kind === 'failed'
      ? describeError(outcome.error)
      : tr('sideSopProblems', { count: problems.length }),
  );
  const items = byId('sop-problem-list');
  items.replaceChildren(...problems.map((problem) => h('li', { testid: 'problem' }, problem)));
  items.hidden = problems.length === 0;
}

async function generate(): Promise<void> {
  const templateId = select().value;
  if (busy || !templateId) return;
  busy = true;
  outcome = null;
  renderOutcome();
  updateControls();
  try {
    outcome = { kind: 'done', result: await callServer('generateSop', templateId) };
  } catch (error) {
    outcome = { kind: 'failed', error };
  }
  busy = false;
  updateControls();
  renderOutcome();
  button().focus(); // disabling the button dropped keyboard focus
}

export function wireSopPanel(): void {
  button().addEventListener('click', () => void generate());
}
