/**
 * Ui, Menu, PromptResponse: https://developers.google.com/apps-script/reference/base/ui
 * Alerts with ButtonSet.OK (the default) answer OK by themselves; any other alert and every
 * prompt consume the next queued answer, or stop the execution with NeedsInput (rolled back).
 */
import type { MenuSpec } from '../model';
import type { Execution } from './context';
import { NeedsInput } from './context';
import { unwrap, wrap } from './counter';
import { Button, ButtonSet, enumName } from './enums';
import { htmlOutputOf } from './html-service';

export const ADDON_MENU_TITLE = 'SOP & Data Terpilah';

const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

class MenuImpl {
  constructor(
    readonly _ctx: Execution,
    readonly _spec: MenuSpec,
    readonly _addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): this {
    this._spec.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._spec.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const sub = unwrap(menu);
    if (!(sub instanceof MenuImpl)) throw this._ctx.exception('Workbench: addSubMenu needs a Menu');
    this._spec.items.push({ kind: 'submenu', menu: structuredClone(sub._spec) });
    return this;
  }
  addToUi(): void {
    this._ctx.ui.push({ kind: 'menu', menu: structuredClone(this._spec), addon: this._addon });
  }
}

/** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); same for prompt. */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
  const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
  if (args.length >= 3) return { title: s(args[0]), prompt: s(args[1]), buttons: enumName(args[2]) || 'OK' };
  if (args.length === 2 && typeof args[1] !== 'string')
    return { title: '', prompt: s(args[0]), buttons: enumName(args[1]) || 'OK' };
  if (args.length === 2) return { title: s(args[0]), prompt: s(args[1]), buttons: 'OK' };
  return { title: '', prompt: s(args[0]), buttons: 'OK' };
}

export function createUi(ctx: Execution): unknown {
  const take = (kind: 'alert' | 'prompt', d: { title: string; prompt: string; buttons: string }) => {
    const answer = ctx.answers.shift();
    if (!answer) {
      ctx.pendingInput = new NeedsInput({ kind, ...d });
      throw ctx.pendingInput;
    }
    const allowed = [...(BUTTONS_OF[d.buttons] ?? ['OK']), 'CLOSE'];
    const button = String(answer.button).toUpperCase();
    if (!allowed.includes(button)) {
      throw ctx.exception(
        `Workbench: answer ${button} is not one of ${allowed.join(', ')} for the ${kind} "${d.prompt}"`,
      );
    }
    return { button, text: answer.text ?? '' };
  };
  const showDialog = (userInterface: unknown, title: string, modal: boolean): void => {
    const h = htmlOutputOf(ctx, userInterface);
    ctx.ui.push({
      kind: 'dialog',
      title: String(title ?? ''),
      html: h._content,
      width: h._width ?? 600,
      height: h._height ?? 400,
      modal,
    });
  };
  const ui = {
    Button,
    ButtonSet,
    createAddonMenu(): unknown {
      return wrap(ctx, 'Menu', new MenuImpl(ctx, { title: ADDON_MENU_TITLE, items: [] }, true));
    },
    createMenu(caption: string): unknown {
      return wrap(ctx, 'Menu', new MenuImpl(ctx, { title: String(caption), items: [] }, false));
    },
    alert(...args: unknown[]): unknown {
      const d = dialogArgs(args);
      const response = d.buttons === 'OK' ? 'OK' : take('alert', d).button;
      ctx.ui.push({ kind: 'alert', ...d, response });
      return Button[response as keyof typeof Button];
    },
    prompt(...args: unknown[]): unknown {
      const d = dialogArgs(args);
      const { button, text } = take('prompt', d);
      ctx.ui.push({ kind: 'prompt', ...d, response: button, text });
      return wrap(ctx, 'PromptResponse', {
        getResponseText: () => text,
        getSelectedButton: () => Button[button as keyof typeof Button],
      });
    },
    showSidebar(userInterface: unknown): void {
      const h = htmlOutputOf(ctx, userInterface);
      ctx.ui.push({ kind: 'sidebar', title: h._title, html: h._content, width: 300 });
    },
    showModalDialog(userInterface: unknown, title: string): void {
      showDialog(userInterface, title, true);
    },
    showModelessDialog(userInterface: unknown, title: string): void {
      showDialog(userInterface, title, false);
    },
  };
  return wrap(ctx, 'Ui', ui);
}
