/** Under the grid: the sheet tabs, and the pager between windows of rows of a long sheet. */
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

/** One tab per sheet; `shown` is the sheet on screen, `select` shows another. */
export function renderTabs(
  host: HTMLElement,
  wb: WorkbookJson,
  shown: string | null,
  select: (name: string) => void,
): void {
  host.replaceChildren();
  for (const s of wb.sheetList) {
    const tab = button(s.name, 'sheet-tab', () => select(s.name));
    tab.classList.add('sheet-tab');
    if (s.name === shown) tab.classList.add('selected');
    if (s.sheetId === wb.activeSheetId) tab.classList.add('active-sheet');
    if (s.hidden) {
      tab.classList.add('hidden-sheet');
      tab.title = 'Sheet tersembunyi';
    }
    if (s.tabColor) tab.style.borderBottomColor = s.tabColor;
    host.append(tab);
  }
}
