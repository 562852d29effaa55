import type { StringKey } from '../core/i18n';
import { h, type Child, type Props } from './dom';
import { tr } from './i18n';

/**
 * The parts every card of the sidebar is made of, so that each is written once: a translated
 * text, a labelled field, two fields side by side, a button, a "working…" line, the live region
 * for a result and an error, and the card itself. Every translated text carries data-i18n, so
 * translatePage redraws it in the other language. A field's id is also its data-testid.
 */

/** `tag` holding the text of `key` now and after every language switch. */
export function say<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: StringKey,
  props?: Props,
): HTMLElementTagNameMap[K] {
  return h(tag, { ...props, 'data-i18n': key }, tr(key));
}

type Control = 'text' | 'number' | 'date' | 'select';

/** A label over a full-width input or select: `field('text', 'pes-name', 'pesertaFieldName')`. */
export function field(control: Control, id: string, label: StringKey, props?: Props): Node[] {
  const common = { id, class: 'wide', testid: id, ...props };
  return [
    say('label', label, { class: 'field-label', for: id }),
    control === 'select' ? h('select', common) : h('input', { type: control, ...common }),
  ];
}

/** Two fields side by side (the panel is ~300 px: short values only). */
export function pair(left: Node[], right: Node[]): HTMLElement {
  return h('div', { class: 'two-fields' }, h('div', null, ...left), h('div', null, ...right));
}

export function button(
  id: string,
  label: StringKey,
  kind: 'primary' | 'secondary' | 'link',
  props?: Props,
): HTMLButtonElement {
  return say('button', label, { id, class: kind, type: 'button', testid: id, ...props });
}

/** The spinner line shown while a call runs (hidden unless `props` say otherwise). */
export function progress(id: string | null, label: StringKey, props?: Props): HTMLElement {
  return h(
    'p',
    { id, class: 'progress', role: 'status', hidden: true, ...props },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    say('span', label),
  );
}

/** The polite live region holding `<prefix>-result` and `<prefix>-error`, both hidden. */
export function outcome(prefix: string): HTMLElement {
  const line = (suffix: string, kind: string): HTMLElement =>
    h('p', { id: `${prefix}-${suffix}`, class: kind, testid: `${prefix}-${suffix}`, hidden: true });
  return h('div', { 'aria-live': 'polite' }, line('result', 'success'), line('error', 'error'));
}

/** A card with its heading (`<id>-title`) and its content. */
export function card(id: string, title: StringKey, ...content: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-title` },
    say('h2', title, { id: `${id}-title` }),
    ...content,
  );
}

/** A form that checks its own input (novalidate): Enter in a field submits it. */
export function form(id: string, ...content: Child[]): HTMLFormElement {
  return h('form', { id, novalidate: true }, ...content);
}
