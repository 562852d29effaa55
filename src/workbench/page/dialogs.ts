/** Alerts, prompts, toasts and the dialog overlay (textContent only). */
import type { UiAnswer } from './api';
import { el } from './dom';

const LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Batal', YES: 'Ya', NO: 'Tidak' };

/** The buttons of a Ui.ButtonSet name ("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"). */
export function buttonsOf(buttonSet: string): string[] {
  switch (buttonSet) {
    case 'OK_CANCEL':
      return ['OK', 'CANCEL'];
    case 'YES_NO':
      return ['YES', 'NO'];
    case 'YES_NO_CANCEL':
      return ['YES', 'NO', 'CANCEL'];
    default:
      return ['OK'];
  }
}

let modalChain: Promise<unknown> = Promise.resolve();

/**
 * Shows an alert (or a prompt with a text input) and resolves with the button pressed:
 * "OK" | "CANCEL" | "YES" | "NO", or "CLOSE" for the × button / Escape. One modal at a time.
 */
export function showModal(opts: {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  /** A prompt's initial text (selected). */
  value?: string;
}): Promise<UiAnswer> {
  const next = modalChain.then(() => openModal(opts));
  modalChain = next.catch(() => undefined);
  return next;
}

function openModal(opts: {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  value?: string;
}): Promise<UiAnswer> {
  return new Promise((resolve) => {
    const backdrop = el('div', 'modal-backdrop');
    const box = el('div', 'modal');
    box.dataset.testid = 'alert-dialog';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    const head = el('div', 'modal-head');
    const title = el('div', 'modal-title', opts.title);
    const close = el('button', 'icon-button', '×');
    close.title = 'Tutup';
    close.setAttribute('aria-label', 'Tutup');
    head.append(title, close);
    box.append(head);
    if (opts.message) box.append(el('div', 'modal-message', opts.message));
    let input: HTMLInputElement | null = null;
    if (opts.kind === 'prompt') {
      input = el('input', 'modal-input');
      input.type = 'text';
      input.dataset.testid = 'prompt-input';
      input.value = opts.value ?? '';
      box.append(input);
    }
    const buttons = el('div', 'modal-buttons');
    const done = (button: string): void => {
      document.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      resolve(opts.kind === 'prompt' ? { button, text: input?.value ?? '' } : { button });
    };
    const names = buttonsOf(opts.buttons);
    names.forEach((name, i) => {
      const b = el('button', i === 0 ? 'btn primary' : 'btn', LABELS[name] ?? name);
      b.dataset.testid = 'alert-button';
      b.dataset.button = name;
      b.addEventListener('click', () => done(name));
      buttons.append(b);
    });
    box.append(buttons);
    close.addEventListener('click', () => done('CLOSE'));
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        done('CLOSE');
      } else if (ev.key === 'Enter' && document.activeElement === input) {
        ev.preventDefault();
        done(names[0]);
      }
    };
    document.addEventListener('keydown', onKey, true);
    backdrop.append(box);
    document.body.append(backdrop);
    (input ?? (buttons.firstElementChild as HTMLButtonElement | null))?.focus();
    input?.select();
  });
}

/** A toast bottom-right for `timeoutSeconds` (default 5; negative = until closed). */
export function showToast(host: HTMLElement, title: string, message: string, timeoutSeconds?: number): void {
  const t = el('div', 'toast');
  t.dataset.testid = 'toast';
  t.setAttribute('role', 'status');
  const body = el('div', 'toast-body');
  if (title) body.append(el('div', 'toast-title', title));
  body.append(el('div', 'toast-message', message));
  const close = el('button', 'icon-button', '×');
  close.setAttribute('aria-label', 'Tutup');
  close.addEventListener('click', () => t.remove());
  t.append(body, close);
  host.append(t);
  const secs =
    timeoutSeconds === undefined || timeoutSeconds === null || Number.isNaN(timeoutSeconds)
      ? 5
      : timeoutSeconds;
  if (secs >= 0) setTimeout(() => t.remove(), Math.max(secs, 0.5) * 1000);
}

/** A dialog (showModalDialog / showModelessDialog) as an overlay holding an iframe. */
export function openDialogFrame(opts: {
  title: string;
  url: string;
  width: number;
  height: number;
  modal: boolean;
}): HTMLIFrameElement {
  const backdrop = el('div', opts.modal ? 'modal-backdrop' : 'modal-backdrop modeless');
  const box = el('div', 'modal dialog-frame-box');
  box.dataset.testid = 'dialog';
  const head = el('div', 'modal-head');
  const close = el('button', 'icon-button', '×');
  close.setAttribute('aria-label', 'Tutup');
  head.append(el('div', 'modal-title', opts.title), close);
  const frame = el('iframe', 'dialog-frame');
  frame.dataset.testid = 'dialog-frame';
  frame.setAttribute('sandbox', 'allow-scripts allow-forms allow-same-origin allow-modals allow-popups');
  frame.style.width = `${Math.max(100, opts.width || 600)}px`;
  frame.style.height = `${Math.max(60, opts.height || 400)}px`;
  frame.src = opts.url;
  box.append(head, frame);
  backdrop.append(box);
  close.addEventListener('click', () => backdrop.remove());
  document.body.append(backdrop);
  return frame;
}

/** Closes the dialog overlay holding `frame`, if any. */
export function closeDialogOf(win: MessageEventSource | null): boolean {
  for (const f of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe.dialog-frame'))) {
    if (f.contentWindow === win) {
      f.closest('.modal-backdrop')?.remove();
      return true;
    }
  }
  return false;
}
