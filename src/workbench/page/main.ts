/**
 * The workbench page: a small Google Sheets with the add-in installed. Opens the spreadsheet
 * (POST /api/open runs onOpen → the add-in menu), runs menu items, shows the grid, sheet tabs,
 * the sidebar and dialogs, alerts/prompts, toasts and a log of executions.
 */
import { isEmptyWorkbook, type Cell } from '../model';
import { toA1 } from '../a1';
import {
  buildDemo,
  editCells,
  fetchBackup,
  importFile,
  fetchWorkbook,
  openSpreadsheet,
  resetSpreadsheet,
  restoreBackup,
  runFunction,
  sheetsOp,
  undoEdit,
  type BackupInfo,
  type ExecutionResult,
  type SheetOp,
  type InputRequest,
  type UiAnswer,
  type WorkbookJson,
} from './api';
import { renderCharts } from './charts';
import { closeDialogOf, openDialogFrame, showModal, showToast } from './dialogs';
import { GridEditor } from './editing';
import { logExecution } from './exec-log';
import { statusLabel } from './labels';
import { renderGrid } from './grid';
import { renderMenuBar, type BarMenu, type PageMenu } from './menu';
import { renderPager, renderTabs, type TabActions } from './tabs';

const PAGE_ROWS = 500;

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from index.html`);
  return e;
}

const ui = {
  docName: $('doc-name'),
  menubar: $('menubar'),
  area: $('sheet-area'),
  grid: $('grid'),
  pager: $('pager'),
  tabs: $('tabs'),
  log: $('exec-log'),
  logCount: $('exec-log-count'),
  toasts: $('toasts'),
  sidebar: $('sidebar'),
  sidebarTitle: $('sidebar-title'),
  sidebarFrame: $('sidebar-frame') as HTMLIFrameElement,
  sidebarClose: $('sidebar-close'),
  reset: $('reset'),
  demo: $('demo'),
  importFile: $('import-file') as HTMLInputElement,
  restore: $('restore'),
  cellRef: $('cell-ref'),
  cellContent: $('cell-content') as HTMLInputElement,
  status: $('status'),
};

const view = {
  sheet: null as string | null,
  offset: 0,
  activeSheetId: null as number | null,
  menus: [] as BarMenu[],
  wb: null as WorkbookJson | null,
  /** The sheet the grid was last drawn for (its scroll is restored when another is drawn). */
  drawnSheet: null as string | null,
  backup: null as BackupInfo | null,
};

// ---------------------------------------------------------------- grid

let refreshing: Promise<void> = Promise.resolve();

/**
 * Re-reads the workbook and redraws; `followActive` shows the active sheet if it changed, and
 * `byAddin` (after an execution) opens a sheet the add-in activated at its top-left.
 */
function refresh(followActive = false, byAddin = false): Promise<void> {
  refreshing = refreshing
    .then(() => doRefresh(followActive, byAddin))
    .catch((e: Error) => setStatus(`Gagal memuat: ${e.message}`));
  return refreshing;
}

async function doRefresh(followActive: boolean, byAddin: boolean): Promise<void> {
  let wb: WorkbookJson;
  try {
    wb = await fetchWorkbook({ sheet: view.sheet ?? undefined, offset: view.offset, limit: PAGE_ROWS });
  } catch {
    // the displayed sheet was deleted or renamed: show the active one
    view.sheet = null;
    view.offset = 0;
    wb = await fetchWorkbook({ offset: 0, limit: PAGE_ROWS });
  }
  if (followActive && wb.activeSheetId !== view.activeSheetId) {
    view.activeSheetId = wb.activeSheetId;
    const active = wb.sheetList.find((s) => s.sheetId === wb.activeSheetId);
    if (active && active.name !== wb.sheets[0]?.name) {
      if (byAddin) editor.scrollHome(active.name);
      view.sheet = active.name;
      view.offset = 0;
      wb = await fetchWorkbook({ sheet: active.name, offset: 0, limit: PAGE_ROWS });
    }
  }
  const sheet = wb.sheets[0];
  view.sheet = sheet.name;
  view.wb = wb;
  let frozenRowCells: (Cell | null)[][] | undefined;
  if (sheet.rowOffset > 0 && sheet.frozenRows > 0) {
    const top = await fetchWorkbook({ sheet: sheet.name, offset: 0, limit: sheet.frozenRows });
    frozenRowCells = top.sheets[0].rows;
  }
  document.title = `${wb.name} — Workbench`;
  ui.docName.textContent = wb.name;
  const endRow = Math.min(sheet.maxRows, sheet.rowOffset + PAGE_ROWS, Math.max(sheet.totalRows + 50, 100));
  editor.beforeDraw();
  renderGrid(ui.grid, {
    sheet,
    frozenRowCells,
    endRow: Math.max(endRow, sheet.rowOffset + 1),
    timeZone: wb.timeZone,
    locale: wb.locale,
  });
  editor.drawn(view.drawnSheet !== sheet.name);
  view.drawnSheet = sheet.name;
  const rows = { offset: sheet.rowOffset, end: endRow, totalRows: sheet.totalRows, pageRows: PAGE_ROWS };
  renderPager(ui.pager, rows, (offset) => {
    view.offset = offset;
    void refresh();
  });
  renderTabs(ui.tabs, wb, view.sheet, tabActions);
  renderCharts(ui.grid, sheet, { timeZone: wb.timeZone, locale: wb.locale });
  ui.demo.hidden = !isEmptyWorkbook(
    wb.sheetList.map((s) => s.name),
    sheet.rows,
  );
}

/** The person clicks a tab: it becomes the active sheet (what the add-in's getActiveSheet sees). */
async function showSheet(name: string): Promise<void> {
  view.sheet = name;
  view.offset = 0;
  try {
    await sheetsOp({ op: 'activate', name });
  } catch (e) {
    showToast(ui.toasts, 'Kesalahan', (e as Error).message, 10);
  }
  await refresh(true);
}

/** "File": the workbench's own menu, as in Sheets. */
const PAGE_MENUS: PageMenu[] = [
  {
    title: 'File',
    testid: 'file-menu',
    items: [{ caption: 'Impor CSV / .xlsx…', testid: 'import-csv', run: () => ui.importFile.click() }],
  },
];

/** A sheet name like `base` that is not taken ("data", then "data 2", …). */
function freeSheetName(base: string): string {
  const names = new Set((view.wb?.sheetList ?? []).map((s) => s.name.toLowerCase()));
  const first = base.trim() || 'Impor';
  if (!names.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) if (!names.has(`${first} ${n}`.toLowerCase())) return `${first} ${n}`;
}

ui.importFile.addEventListener('change', () => {
  const file = ui.importFile.files?.[0];
  ui.importFile.value = '';
  if (!file) return;
  void (async () => {
    // Sheets names the new sheet after the file
    const name = freeSheetName(file.name.replace(/\.[^.]*$/, ''));
    setStatus(`Mengimpor ${file.name}…`);
    try {
      const r = await importFile(name, file);
      view.sheet = r.sheet;
      view.offset = 0;
      const more = r.sheets.length > 1 ? ` (dan ${r.sheets.length - 1} sheet lain)` : '';
      showToast(
        ui.toasts,
        'Impor selesai',
        `${r.rows} baris × ${r.columns} kolom ke sheet “${r.sheet}”${more}.`,
      );
    } catch (e) {
      showToast(ui.toasts, 'Impor gagal', (e as Error).message, 10);
    } finally {
      setStatus('');
    }
    await refresh(true);
  })();
});

/** A tab operation, then the grid redrawn (following the active sheet); errors as a toast. */
async function tabOp(op: SheetOp, after?: () => void): Promise<void> {
  try {
    await sheetsOp(op);
    after?.();
  } catch (e) {
    showToast(ui.toasts, 'Kesalahan', (e as Error).message, 10);
  }
  await refresh(true);
}

/** Sheets' name for a new tab: "Sheet<n>", the first n from the tab count + 1 that is free. */
function newSheetName(): string {
  const names = new Set((view.wb?.sheetList ?? []).map((s) => s.name.toLowerCase()));
  for (let n = names.size + 1; ; n++) if (!names.has(`sheet${n}`)) return `Sheet${n}`;
}

const tabActions: TabActions = {
  select: (name) => void showSheet(name),
  add: () => {
    const name = newSheetName();
    void tabOp({ op: 'add', name }, () => (view.sheet = name));
  },
  duplicate: (name) => void tabOp({ op: 'duplicate', name }),
  move: (name, index) => void tabOp({ op: 'move', name, index }),
  rename: (name) =>
    void (async () => {
      const answer = await showModal({
        kind: 'prompt',
        title: 'Ganti nama sheet',
        message: 'Nama baru:',
        buttons: 'OK_CANCEL',
        value: name,
      });
      const newName = answer.text ?? '';
      if (answer.button !== 'OK' || newName === name) return;
      await tabOp({ op: 'rename', name, newName }, () => {
        editor.renamed(name, newName);
        if (view.sheet === name) view.sheet = newName;
      });
    })(),
  remove: (name) =>
    void (async () => {
      const answer = await showModal({
        kind: 'alert',
        title: 'Hapus sheet',
        message: `Sheet “${name}” dan semua isinya akan dihapus.`,
        buttons: 'OK_CANCEL',
      });
      if (answer.button !== 'OK') return;
      await tabOp({ op: 'delete', name }, () => {
        editor.renamed(name, null);
        if (view.sheet === name) view.sheet = null;
      });
    })(),
};

const editor = new GridEditor({
  area: ui.area,
  grid: ui.grid,
  cellRef: ui.cellRef,
  formulaBar: ui.cellContent,
  current: () => {
    const wb = view.wb;
    const sheet = wb?.sheets[0];
    return wb && sheet ? { sheet, locale: wb.locale, timeZone: wb.timeZone } : null;
  },
  write: async (sheet, rect, values) => {
    let ok = true;
    try {
      await editCells(sheet, toA1(rect), values);
    } catch (e) {
      ok = false;
      showToast(ui.toasts, 'Tidak bisa mengedit', (e as Error).message, 10);
    }
    await refresh();
    return ok;
  },
  undo: async () => {
    try {
      await undoEdit();
    } catch (e) {
      showToast(ui.toasts, 'Urungkan', (e as Error).message, 5);
      return;
    }
    await refresh();
  },
  confirm: async (title, message) =>
    (await showModal({ kind: 'alert', title, message, buttons: 'OK_CANCEL' })).button === 'OK',
});

function setStatus(text: string): void {
  ui.status.textContent = text;
}

/** The collapsed log's summary says how many executions it holds. */
function updateLogCount(): void {
  const n = ui.log.childElementCount;
  ui.logCount.textContent = n ? `(${n})` : '';
}

// ---------------------------------------------------------------- executions

type Runner = (answers: UiAnswer[]) => Promise<ExecutionResult>;

/** Runs a server function, asking the person for every alert/prompt it needs, then shows the result. */
async function execute(label: string, runner: Runner): Promise<ExecutionResult | null> {
  const answers: UiAnswer[] = [];
  const answered: InputRequest[] = [];
  setStatus(statusLabel(label));
  try {
    for (;;) {
      const result = await runner(answers);
      if (result.needsInput) {
        const n = result.needsInput;
        answers.push(
          await showModal({ kind: n.kind, title: n.title, message: n.prompt, buttons: n.buttons }),
        );
        answered.push(n);
        continue;
      }
      await handleResult(label, result, answered);
      return result;
    }
  } catch (e) {
    logExecution(ui.log, label, null, (e as Error).message);
    updateLogCount();
    showToast(ui.toasts, 'Kesalahan', `${label}: ${(e as Error).message}`, 10);
    return null;
  } finally {
    setStatus('');
  }
}

const runMenuItem = (fn: string): Promise<ExecutionResult | null> =>
  execute(fn, (answers) => runFunction(fn, [], answers));

/**
 * Shows what an execution did. `ownErrors`: the caller (the sidebar) shows its own failure message,
 * so the page does not pop a toast over it — one error surface; the log still records it.
 */
async function handleResult(
  label: string,
  result: ExecutionResult,
  answered: InputRequest[],
  ownErrors = false,
): Promise<void> {
  logExecution(ui.log, label, result);
  updateLogCount();
  let k = 0;
  const newMenus: BarMenu[] = [];
  for (const ev of result.ui ?? []) {
    switch (ev.kind) {
      case 'menu':
        newMenus.push({ menu: ev.menu, addon: ev.addon });
        break;
      case 'toast':
        showToast(ui.toasts, ev.title, ev.message, ev.timeoutSeconds);
        break;
      case 'sidebar':
        if (ev.url) openSidebar(ev.title, ev.url);
        break;
      case 'dialog':
        if (ev.url)
          openDialogFrame({
            title: ev.title,
            url: ev.url,
            width: ev.width,
            height: ev.height,
            modal: ev.modal,
          });
        break;
      case 'alert':
      case 'prompt': {
        const a = answered[k];
        if (a && a.title === ev.title && a.prompt === ev.prompt) {
          k++; // the person already answered this one
        } else if (ev.kind === 'alert') {
          void showModal({ kind: 'alert', title: ev.title, message: ev.prompt, buttons: 'OK' });
        }
        break;
      }
    }
  }
  if (newMenus.length) {
    for (const m of newMenus) {
      view.menus = view.menus.filter((x) => !(x.addon === m.addon && x.menu.title === m.menu.title));
      view.menus.push(m);
    }
    renderMenuBar(ui.menubar, view.menus, (fn) => void runMenuItem(fn), PAGE_MENUS);
  }
  if (!result.ok && !ownErrors) showToast(ui.toasts, 'Kesalahan', `${label}: ${result.error ?? 'gagal'}`, 10);
  await refresh(true, true);
}

function openSidebar(title: string, url: string): void {
  ui.sidebarTitle.textContent = title;
  ui.sidebarFrame.src = url;
  ui.sidebar.hidden = false;
}

function closeSidebar(): void {
  ui.sidebar.hidden = true;
  ui.sidebarFrame.src = 'about:blank';
  ui.sidebarTitle.textContent = '';
}

ui.sidebarClose.addEventListener('click', closeSidebar);

window.addEventListener('message', (ev: MessageEvent) => {
  if (ev.origin !== window.location.origin) return;
  const data = ev.data as { type?: string } | null;
  if (!data || typeof data.type !== 'string' || !data.type.startsWith('workbench:')) return;
  const fromSidebar = ev.source === ui.sidebarFrame.contentWindow;
  const fromDialog = Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.dialog-frame')).some(
    (f) => f.contentWindow === ev.source,
  );
  if (!fromSidebar && !fromDialog) return;
  if (data.type === 'workbench:running') {
    const d = data as { functionName?: string };
    setStatus(statusLabel(d.functionName ?? ''));
  } else if (data.type === 'workbench:executed') {
    const d = data as { functionName?: string; result: ExecutionResult; answered?: InputRequest[] };
    setStatus('');
    void handleResult(d.functionName ?? 'google.script.run', d.result, d.answered ?? [], fromSidebar);
  } else if (data.type === 'workbench:needsInput') {
    const d = data as { requestId: string; needsInput: InputRequest };
    const n = d.needsInput;
    void showModal({ kind: n.kind, title: n.title, message: n.prompt, buttons: n.buttons }).then((answer) => {
      (ev.source as Window | null)?.postMessage(
        { type: 'workbench:answer', requestId: d.requestId, answer },
        window.location.origin,
      );
    });
  } else if (data.type === 'workbench:close') {
    if (fromSidebar) closeSidebar();
    else closeDialogOf(ev.source);
  }
});

// ---------------------------------------------------------------- open / reset

function openAddin(): Promise<ExecutionResult | null> {
  view.menus = [];
  renderMenuBar(ui.menubar, view.menus, (fn) => void runMenuItem(fn), PAGE_MENUS);
  return execute('onOpen', (answers) => openSpreadsheet(answers));
}

/** "N sheet: A, B, C" (at most five names). */
function sheetsText(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => `“${n}”`);
  if (names.length > 5) shown.push(`dan ${names.length - 5} lainnya`);
  return `${names.length} sheet: ${shown.join(', ')}`;
}

/** Shows "Pulihkan" when the last reset left a backup, naming it. */
async function showRestore(): Promise<void> {
  let backup: BackupInfo | null = null;
  try {
    backup = await fetchBackup();
  } catch {
    // no backup shown; a reset still asks first
  }
  ui.restore.hidden = !backup;
  ui.restore.title = backup ? `Kembalikan “${backup.name}” (${sheetsText(backup.sheets)})` : '';
  view.backup = backup;
}

/** After the workbook was replaced (reset or restore): everything drawn anew, the add-in opened. */
async function reopen(): Promise<void> {
  view.sheet = null;
  view.offset = 0;
  view.activeSheetId = null;
  view.drawnSheet = null;
  editor.forgetAll();
  ui.log.replaceChildren();
  updateLogCount();
  await refresh(true);
  await showRestore();
  await openAddin();
}

function closeAll(): void {
  closeSidebar();
  document.querySelectorAll('.modal-backdrop').forEach((m) => m.remove());
}

ui.reset.addEventListener('click', () => {
  void (async () => {
    const wb = view.wb;
    const names = wb?.sheetList.map((s) => s.name) ?? [];
    const answer = await showModal({
      kind: 'alert',
      title: 'Atur ulang spreadsheet?',
      message:
        `Spreadsheet “${wb?.name ?? ''}” (${sheetsText(names)}) akan diganti dengan spreadsheet baru ` +
        'yang kosong. Isinya disimpan sebagai cadangan di samping berkas workbook; "Pulihkan" ' +
        'mengembalikannya (cadangan sebelumnya diganti).',
      buttons: 'OK_CANCEL',
    });
    if (answer.button !== 'OK') return;
    closeAll();
    try {
      await resetSpreadsheet();
    } catch (e) {
      showToast(ui.toasts, 'Kesalahan', `Atur ulang gagal: ${(e as Error).message}`, 10);
      return;
    }
    await reopen();
  })();
});

/** "Buka contoh": the server builds the demo through the add-in; each execution is logged. */
ui.demo.addEventListener('click', () => {
  void (async () => {
    ui.demo.hidden = true;
    closeAll();
    setStatus('Membuat contoh…');
    try {
      const demo = await buildDemo();
      for (const step of demo.steps) logExecution(ui.log, step.functionName, step.result);
      updateLogCount();
      const last = demo.steps.at(-1);
      if (demo.ok) {
        showToast(
          ui.toasts,
          'Contoh siap',
          'SOP, satu kegiatan dengan langkah tercatat (termasuk Perbaikan), peserta dari formulir, ' +
            'dan Laporan Data Terpilah — dibuat oleh add-on sendiri.',
        );
      } else {
        showToast(
          ui.toasts,
          'Contoh berhenti',
          `${last?.functionName ?? ''}: ${last?.result.error ?? 'gagal'}`,
          10,
        );
      }
    } catch (e) {
      showToast(ui.toasts, 'Kesalahan', `Buka contoh: ${(e as Error).message}`, 10);
    } finally {
      setStatus('');
    }
    await refresh(true, true);
  })();
});

ui.restore.addEventListener('click', () => {
  void (async () => {
    const backup = view.backup;
    if (!backup) return;
    const answer = await showModal({
      kind: 'alert',
      title: 'Pulihkan spreadsheet?',
      message:
        `“${backup.name}” (${sheetsText(backup.sheets)}) dari cadangan ` +
        `${new Date(backup.savedAt).toLocaleString('id-ID')} kembali menjadi spreadsheet ini. ` +
        'Spreadsheet sekarang menjadi cadangan.',
      buttons: 'OK_CANCEL',
    });
    if (answer.button !== 'OK') return;
    closeAll();
    try {
      await restoreBackup();
    } catch (e) {
      showToast(ui.toasts, 'Kesalahan', `Pulihkan gagal: ${(e as Error).message}`, 10);
      return;
    }
    await reopen();
  })();
});

void (async () => {
  await refresh(true);
  await showRestore();
  await openAddin();
})();
