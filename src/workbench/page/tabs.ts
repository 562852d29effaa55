/** Under the grid: the sheet tabs (with their menu), and the pager between windows of rows of a long sheet. */
import type { WorkbookJson } from './api';

function button(text: string, testid: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn';
  b.textContent = text;
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

/** A window of `pageRows` rows from `offset` (rows up to `end` shown); `go` moves to another offset. */
export function renderPager(
  host: HTMLElement,
  at: { offset: number; end: number; totalRows: number; pageRows: number },
  go: (offset: number) => void,
): void {
  const { offset, end, totalRows, pageRows } = at;
  host.replaceChildren();
  if (offset === 0 && totalRows <= pageRows) return;
  const prev = button('Baris sebelumnya', 'pager-prev', () => go(Math.max(0, offset - pageRows)));
  prev.disabled = offset === 0;
  const next = button('Baris berikutnya', 'pager-next', () => go(offset + pageRows));
  next.disabled = offset + pageRows >= totalRows;
  const info = document.createElement('span');
  info.className = 'pager-info';
  info.textContent = `Baris ${offset + 1}–${Math.min(end, Math.max(totalRows, offset + 1))} dari ${totalRows} baris berisi`;
  host.append(prev, info, next);
}

export interface TabActions {
  select(name: string): void;
  add(): void;
  rename(name: string): void;
  duplicate(name: string): void;
  remove(name: string): void;
  /** To 0-based position `index`. */
  move(name: string, index: number): void;
}

let openMenu: HTMLElement | null = null;

function closeTabMenu(): void {
  openMenu?.remove();
  openMenu = null;
}

document.addEventListener('mousedown', (ev) => {
  if (openMenu && !(ev.target instanceof Node && openMenu.contains(ev.target))) closeTabMenu();
});

/** The tab menu (right-click, the ▾ button, or the context-menu key on a tab), as in Sheets. */
function showTabMenu(anchor: HTMLElement, name: string, index: number, count: number, act: TabActions): void {
  closeTabMenu();
  const menu = document.createElement('div');
  menu.className = 'dropdown open tab-menu';
  menu.setAttribute('role', 'menu');
  menu.dataset.testid = 'tab-menu';
  const items: [string, string, () => void, boolean][] = [
    ['Hapus', 'delete', () => act.remove(name), count > 1],
    ['Duplikat', 'duplicate', () => act.duplicate(name), true],
    ['Ganti nama', 'rename', () => act.rename(name), true],
    ['Pindahkan ke kiri', 'move-left', () => act.move(name, index - 1), index > 0],
    ['Pindahkan ke kanan', 'move-right', () => act.move(name, index + 1), index < count - 1],
  ];
  for (const [label, action, run, enabled] of items) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'menu-entry';
    b.textContent = label;
    b.dataset.testid = 'tab-menu-item';
    b.dataset.action = action;
    b.setAttribute('role', 'menuitem');
    b.disabled = !enabled;
    b.addEventListener('click', () => {
      closeTabMenu();
      run();
    });
    menu.append(b);
  }
  menu.addEventListener('keydown', (ev) => {
    const entries = Array.from(menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      closeTabMenu();
      anchor.focus();
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const next = (at + (ev.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
      entries[next]?.focus();
    }
  });
  const rect = anchor.getBoundingClientRect();
  menu.style.position = 'fixed';
  menu.style.left = `${rect.left}px`;
  menu.style.bottom = `${window.innerHeight - rect.top + 2}px`;
  document.body.append(menu);
  openMenu = menu;
  menu.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
}

/**
 * One tab per sheet, a "+" to add one, and a tab menu (delete, duplicate, rename, move);
 * tabs can be dragged to another position. `shown` is the sheet on screen; its tab is scrolled
 * into view.
 */
export function renderTabs(host: HTMLElement, wb: WorkbookJson, shown: string | null, act: TabActions): void {
  closeTabMenu();
  host.replaceChildren();
  const add = button('+', 'add-sheet', () => act.add());
  add.classList.add('add-sheet');
  add.title = 'Tambah sheet';
  add.setAttribute('aria-label', 'Tambah sheet');
  host.append(add);
  const count = wb.sheetList.length;
  wb.sheetList.forEach((s, index) => {
    const wrap = document.createElement('span');
    wrap.className = 'tab-wrap';
    const tab = button(s.name, 'sheet-tab', () => act.select(s.name));
    tab.classList.add('sheet-tab');
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(s.name === shown));
    tab.draggable = true;
    if (s.name === shown) tab.classList.add('selected');
    if (s.sheetId === wb.activeSheetId) tab.classList.add('active-sheet');
    if (s.hidden) {
      tab.classList.add('hidden-sheet');
      tab.title = 'Sheet tersembunyi';
    }
    if (s.tabColor) tab.style.borderBottomColor = s.tabColor;
    tab.addEventListener('contextmenu', (ev) => {
      ev.preventDefault();
      showTabMenu(tab, s.name, index, count, act);
    });
    tab.addEventListener('keydown', (ev) => {
      if (ev.key === 'ContextMenu' || (ev.shiftKey && ev.key === 'F10')) {
        ev.preventDefault();
        showTabMenu(tab, s.name, index, count, act);
      }
    });
    tab.addEventListener('dragstart', (ev) => {
      ev.dataTransfer?.setData('application/x-workbench-sheet', s.name);
      if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move';
    });
    tab.addEventListener('dragover', (ev) => {
      if (ev.dataTransfer?.types.includes('application/x-workbench-sheet')) ev.preventDefault();
    });
    tab.addEventListener('drop', (ev) => {
      const name = ev.dataTransfer?.getData('application/x-workbench-sheet');
      ev.preventDefault();
      if (name && name !== s.name) act.move(name, index);
    });
    wrap.append(tab);
    if (s.name === shown) {
      const more = button('▾', 'sheet-tab-menu', () => showTabMenu(tab, s.name, index, count, act));
      more.classList.add('tab-menu-button');
      more.title = 'Menu sheet';
      more.setAttribute('aria-label', `Menu sheet ${s.name}`);
      more.setAttribute('aria-haspopup', 'menu');
      wrap.append(more);
    }
    host.append(wrap);
  });
  host.querySelector('.sheet-tab.selected')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
