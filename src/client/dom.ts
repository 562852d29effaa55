/**
 * Tiny DOM helpers. User and server text always goes in as text (textContent, or a string child
 * of `h`, which becomes a Text node), never through innerHTML.
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing element #${id}`);
  return element as T;
}

export function setText(id: string, text: string): void {
  byId(id).textContent = text;
}

export function show(id: string, visible: boolean): void {
  byId(id).hidden = !visible;
}

type AttributeValue = string | number | boolean | null | undefined;
type Listeners = {
  [K in keyof HTMLElementEventMap as `on${Capitalize<K>}`]?: (event: HTMLElementEventMap[K]) => void;
};
/**
 * What `h` sets on a new element: `onClick`, `onInput`… add listeners; `value` is set as the
 * property (a textarea or select has no such attribute); `testid` is data-testid; anything else is
 * an attribute (`true` sets it empty, `false`, null and undefined leave it out).
 */
export type Props = Listeners & { [attribute: string]: AttributeValue | ((event: never) => void) };
/** A child of `h`: a string is text, never markup; false, null and undefined are left out. */
export type Child = Node | string | false | null | undefined;

/** A new element: `h('p', { class: 'hint', id: 'x' }, 'text', h('span', null, 'more'))`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value as (event: Event) => void);
    } else if (key === 'value') {
      Object.assign(node, { value: String(value) });
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(key === 'testid' ? 'data-testid' : key, value === true ? '' : String(value));
    }
  }
  for (const child of children)
    if (child !== false && child !== null && child !== undefined) node.append(child);
  return node;
}

export interface Choice {
  value: string;
  label: string;
}

/** Replaces a select's options, keeping the chosen value when it is still there (else the first). */
export function fillSelect(select: HTMLSelectElement, choices: Choice[]): void {
  const keep = select.value;
  select.replaceChildren(...choices.map(({ value, label }) => h('option', { value }, label)));
  if (choices.some((choice) => choice.value === keep)) select.value = keep;
}

/** Fills every element carrying data-i18n="<key>" with its translated text. */
export function translatePage(translate: (key: string) => string): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = translate(node.dataset.i18n ?? '');
  });
}
