/** Tiny DOM helpers. User and server text always goes through textContent, never innerHTML. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing element #${id}`);
  return element as T;
}

export function setText(id: string, text: string): void {
  byId(id).textContent = text;
}

/** Fills every element carrying data-i18n="<key>" with its translated text. */
export function translatePage(translate: (key: string) => string): void {
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
    element.textContent = translate(element.dataset.i18n ?? '');
  });
}
