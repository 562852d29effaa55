import type { CreateTemplateRequest } from '../server/api';
import { byId, setText, show } from './dom';
import { describeError } from './errors';
import { tr } from './i18n';
import { callServer } from './server';

/** The "Template baru" form: a name, built-in copy or blank, and one server call. */

type Outcome =
  { kind: 'created'; sheetName: string } | { kind: 'failed'; error: unknown } | { kind: 'noName' };

let busy = false;
let outcome: Outcome | null = null;

const nameInput = (): HTMLInputElement => byId<HTMLInputElement>('new-template-name');

/** Shows the last outcome in the current language (called again after a language switch). */
export function renderTemplateOutcome(): void {
  show('template-result', outcome?.kind === 'created');
  show('template-error', outcome !== null && outcome.kind !== 'created');
  nameInput().setAttribute('aria-invalid', String(outcome?.kind === 'noName'));
  if (!outcome) return;
  if (outcome.kind === 'created') {
    setText('template-result', tr('sideTemplateCreated', { sheet: outcome.sheetName }));
  } else {
    setText(
      'template-error',
      outcome.kind === 'noName' ? tr('sideTemplateNameRequired') : describeError(outcome.error),
    );
  }
}

function setBusy(value: boolean): void {
  busy = value;
  byId<HTMLButtonElement>('create-template').disabled = value;
  nameInput().readOnly = value;
  show('template-progress', value);
}

async function create(onCreated: (sheetName: string) => Promise<void>): Promise<void> {
  if (busy) return;
  const name = nameInput().value.trim();
  if (!name) {
    outcome = { kind: 'noName' };
    renderTemplateOutcome();
    nameInput().focus();
    return;
  }
  const checked = document.querySelector<HTMLInputElement>('input[name="from"]:checked');
  const request: CreateTemplateRequest = { name, from: checked?.value === 'blank' ? 'blank' : 'builtin' };
  outcome = null;
  renderTemplateOutcome();
  setBusy(true);
  let created = '';
  try {
    created = (await callServer('createTemplate', request)).sheetName;
    outcome = { kind: 'created', sheetName: created };
    nameInput().value = '';
  } catch (error) {
    outcome = { kind: 'failed', error };
  }
  setBusy(false);
  renderTemplateOutcome();
  if (created) await onCreated(created);
  else nameInput().focus();
}

/** Enter in the name field submits the form; `onCreated` refreshes the template list. */
export function wireTemplateForm(onCreated: (sheetName: string) => Promise<void>): void {
  byId<HTMLFormElement>('new-template-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void create(onCreated);
  });
}
