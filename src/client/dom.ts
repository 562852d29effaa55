/** Tiny DOM helpers. User and server text always goes through textContent, never innerHTML. */
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

/** A new element holding `text` as plain text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  testId?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (testId) node.dataset.testid = testId;
  return node;
}

/** Fills every element carrying data-i18n="<key>" with its translated text. */
export function translatePage(translate: (key: string) => string): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = translate(node.dataset.i18n ?? '');
  });
}
