/**
 * The menu bar: "Ekstensi" holds the add-on menus (createAddonMenu), as in Sheets' Extensions
 * menu; menus made with createMenu get their own entry in the bar.
 */
import type { MenuItemSpec, MenuSpec } from '../model';
import { el } from './dom';

export interface BarMenu {
  menu: MenuSpec;
  addon: boolean;
}

let openDropdown: HTMLElement | null = null;

export function closeMenus(): void {
  openDropdown?.classList.remove('open');
  openDropdown = null;
}

document.addEventListener('click', (ev) => {
  if (openDropdown && !(ev.target instanceof Node && openDropdown.parentElement?.contains(ev.target)))
    closeMenus();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') closeMenus();
});

function renderItems(
  list: HTMLElement,
  items: MenuItemSpec[],
  onRun: (fn: string, caption: string) => void,
): void {
  for (const item of items) {
    if (item.kind === 'separator') {
      list.append(el('div', 'menu-separator'));
    } else if (item.kind === 'item') {
      const b = el('button', 'menu-entry', item.caption);
      b.dataset.testid = 'menu-item';
      b.dataset.function = item.functionName;
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        closeMenus();
        onRun(item.functionName, item.caption);
      });
      list.append(b);
    } else {
      const wrap = el('div', 'submenu');
      const label = el('button', 'menu-entry has-sub', item.menu.title);
      label.dataset.testid = 'submenu';
      const sub = el('div', 'dropdown sub-dropdown');
      renderItems(sub, item.menu.items, onRun);
      label.addEventListener('click', (ev) => {
        ev.stopPropagation();
        wrap.classList.toggle('sub-open');
      });
      wrap.append(label, sub);
      list.append(wrap);
    }
  }
}

function dropdownButton(title: string, testid: string, fill: (list: HTMLElement) => void): HTMLElement {
  const wrap = el('div', 'menubar-entry');
  const button = el('button', 'menubar-button', title);
  button.dataset.testid = testid;
  const list = el('div', 'dropdown');
  fill(list);
  button.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const wasOpen = list.classList.contains('open');
    closeMenus();
    if (!wasOpen) {
      list.classList.add('open');
      openDropdown = list;
    }
  });
  wrap.append(button, list);
  return wrap;
}

/** A menu of the workbench itself (e.g. "File"), before the add-in's. */
export interface PageMenu {
  title: string;
  testid: string;
  items: { caption: string; testid: string; run: () => void }[];
}

/** The part of `host` named `part` (made on first use; styled `display: contents`, so the bar's layout is unchanged). */
function partOf(host: HTMLElement, part: 'page' | 'addon'): HTMLElement {
  const found = host.querySelector<HTMLElement>(`:scope > [data-part="${part}"]`);
  if (found) return found;
  const made = el('div', 'menubar-part');
  made.dataset.part = part;
  host.append(made);
  return made;
}

/**
 * Renders the bar into `host`: the page's own menus (once), then "Ekstensi" and the add-in's menus.
 * Only the add-in's part is redrawn when onOpen's menus arrive, so a File menu a person opened in
 * the meantime stays open, and an open "Ekstensi" shows its new items.
 */
export function renderMenuBar(
  host: HTMLElement,
  menus: BarMenu[],
  onRun: (fn: string, caption: string) => void,
  pageMenus: PageMenu[] = [],
): void {
  const pagePart = partOf(host, 'page');
  const addonPart = partOf(host, 'addon');
  if (pagePart.childElementCount === 0) renderPageMenus(pagePart, pageMenus);
  // A dropdown of the add-in's part that was open stays open with its new items.
  const wasOpen =
    openDropdown && addonPart.contains(openDropdown) ? openDropdown.previousElementSibling : null;
  const openIndex = wasOpen ? Array.from(addonPart.children).findIndex((w) => w.contains(wasOpen)) : -1;
  if (wasOpen) closeMenus();
  renderAddonMenus(addonPart, menus, onRun);
  const reopen = addonPart.children[openIndex]?.querySelector<HTMLElement>(':scope > .dropdown');
  if (reopen) {
    reopen.classList.add('open');
    openDropdown = reopen;
  }
}

function renderPageMenus(host: HTMLElement, pageMenus: PageMenu[]): void {
  for (const m of pageMenus) {
    host.append(
      dropdownButton(m.title, m.testid, (list) => {
        for (const item of m.items) {
          const b = el('button', 'menu-entry', item.caption);
          b.dataset.testid = item.testid;
          b.addEventListener('click', (ev) => {
            ev.stopPropagation();
            closeMenus();
            item.run();
          });
          list.append(b);
        }
      }),
    );
  }
}

function renderAddonMenus(
  host: HTMLElement,
  menus: BarMenu[],
  onRun: (fn: string, caption: string) => void,
): void {
  host.replaceChildren();
  const addons = menus.filter((m) => m.addon);
  host.append(
    dropdownButton('Ekstensi', 'addon-menu', (list) => {
      if (addons.length === 0) {
        list.append(el('div', 'menu-empty', 'Belum ada menu add-on (onOpen belum membuat menu).'));
      }
      addons.forEach((m, i) => {
        if (i > 0) list.append(el('div', 'menu-separator'));
        list.append(el('div', 'menu-group-title', m.menu.title));
        renderItems(list, m.menu.items, onRun);
      });
    }),
  );
  for (const m of menus.filter((x) => !x.addon)) {
    host.append(
      dropdownButton(m.menu.title, 'custom-menu', (list) => renderItems(list, m.menu.items, onRun)),
    );
  }
}
