/**
 * `google.script.run` / `google.script.host` inside every sidebar and dialog the workbench serves:
 * the local stand-in for Apps Script's client API, talking to the workbench server over HTTP.
 * scripts/build.mjs bundles this file and server/sidebar-shim.ts injects it as the first script.
 *
 * Behaviour follows Apps Script's client API
 * (https://developers.google.com/apps-script/guides/html/reference/run):
 * - `google.script.run.withSuccessHandler(f).withFailureHandler(g).withUserObject(o).fn(...args)`;
 *   every `with*` returns a new runner carrying the settings so far (the original is unchanged);
 *   any server function name is callable; the call is asynchronous and returns undefined.
 * - success handler: `(returnValue, userObject)`; failure handler: `(error, userObject)` where
 *   `error` is an Error whose message is the server's error message. Without a failure handler
 *   the failure is logged with console.error; `withFailureHandler(null)` silences it.
 * - arguments: primitives, plain objects and arrays (undefined array entries become null);
 *   a <form> element is allowed only as the sole argument and is sent as { name: value };
 *   a Date, a function or another DOM node throws synchronously, as Apps Script does.
 * - before every call the parent page gets `{ type: 'workbench:running', functionName }` (its
 *   status bar says what runs); after every call it gets `{ type: 'workbench:executed', functionName, result,
 *   answered }` so it refreshes the grid and shows toasts/alerts/sidebars from `result.ui`.
 * - when the server answers `needsInput` (an alert/prompt the person must answer), the shim
 *   posts `{ type: 'workbench:needsInput', requestId, needsInput }` to the parent, waits for
 *   `{ type: 'workbench:answer', requestId, answer: { button, text? } }`, and re-runs the call
 *   with all answers so far (without a parent page it falls back to window.confirm/prompt).
 * - `google.script.host.close()` posts `{ type: 'workbench:close' }`; `setHeight`, `setWidth`
 *   and `editor.focus()` do nothing.
 * It must also run where the DOM is missing (test/workbench/http.test.ts loads it in a bare VM).
 */
import type { ExecutionResult, InputRequest, UiAnswer } from '../protocol';

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerSettings {
  success?: Handler | null;
  failure?: Handler | null;
  userObject?: unknown;
}

interface GoogleScript {
  run: Record<string, unknown>;
  host: Record<string, unknown>;
  url: Record<string, unknown>;
  __workbench: true;
}

declare global {
  interface Window {
    google?: { script?: GoogleScript };
  }
}

const NAME = /^[A-Za-z_$][\w$]*$/;
const parentWin = window.parent && window.parent !== window ? window.parent : null;
let seq = 0;
const pending: Record<string, (answer: UiAnswer) => void> = {};
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function illegal(path: string): Error {
  return new Error(`Failed due to illegal value in property: ${path}`);
}

function formToObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.disabled) continue;
    const type = (el.type || '').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
    if (type === 'file' || type === 'submit' || type === 'button' || type === 'reset') continue;
    if (type === 'select-multiple') {
      const options = Array.from((el as unknown as HTMLSelectElement).options);
      out[el.name] = options.filter((o) => o.selected).map((o) => o.value);
    } else if (has(out, el.name)) {
      out[el.name] = ([] as unknown[]).concat(out[el.name], el.value);
    } else {
      out[el.name] = el.value;
    }
  }
  return out;
}

/** Throws Apps Script's error for a value google.script.run cannot send. */
function check(v: unknown, path: string, seen: unknown[]): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function' || t === 'symbol' || t === 'bigint') throw illegal(path);
  if (Object.prototype.toString.call(v) === '[object Date]') throw illegal(path);
  if (typeof Node !== 'undefined' && v instanceof Node) throw illegal(path);
  if (seen.indexOf(v) >= 0) throw illegal(path);
  seen.push(v);
  const o = v as Record<string, unknown>;
  for (const k in o) if (has(o, k)) check(o[k], `${path}.${k}`, seen);
  seen.pop();
}

function serialiseArgs(args: unknown[]): unknown[] {
  if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) {
    return [formToObject(args[0])];
  }
  args.forEach((a, i) => check(a, String(i), []));
  return args;
}

function notify(message: unknown): void {
  if (parentWin) parentWin.postMessage(message, '*');
}

/** Without a parent page: the browser's own confirm/prompt. */
function askBrowser(needsInput: InputRequest): UiAnswer {
  if (needsInput.kind === 'prompt') {
    const text = window.prompt(`${needsInput.title}\n${needsInput.prompt}`, '');
    return text === null ? { button: 'CANCEL' } : { button: 'OK', text };
  }
  const yes = window.confirm(`${needsInput.title}\n${needsInput.prompt}`);
  const b = needsInput.buttons || 'OK';
  const okBtn = b.indexOf('YES') === 0 ? 'YES' : 'OK';
  const noBtn = b.indexOf('YES') === 0 ? 'NO' : b === 'OK' ? 'CLOSE' : 'CANCEL';
  return { button: yes ? okBtn : noBtn };
}

function ask(needsInput: InputRequest): Promise<UiAnswer> {
  if (!parentWin) return Promise.resolve(askBrowser(needsInput));
  const requestId = `wb${++seq}-${Date.now()}`;
  return new Promise((resolve) => {
    pending[requestId] = resolve;
    notify({ type: 'workbench:needsInput', requestId, needsInput });
  });
}

/** An answer from the parent page to a question of {@link ask}. */
function onAnswer(ev: MessageEvent): void {
  const d = ev.data as { type?: string; requestId: string; answer?: UiAnswer } | null;
  if (!d || d.type !== 'workbench:answer' || !pending[d.requestId]) return;
  if (parentWin && ev.source !== parentWin) return;
  const resolve = pending[d.requestId];
  delete pending[d.requestId];
  resolve(d.answer || { button: 'CLOSE' });
}

function failed(error: string): ExecutionResult {
  return { ok: false, error, calls: 0, callsByMethod: {}, ui: [] };
}

async function post(name: string, args: unknown[], answers: UiAnswer[]): Promise<ExecutionResult> {
  const res = await fetch(`/api/run/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ args, answers }),
  });
  const text = await res.text();
  let body: (ExecutionResult & { error?: string }) | null;
  try {
    body = JSON.parse(text) as ExecutionResult;
  } catch {
    body = null;
  }
  if (!res.ok || !body) return failed(body && body.error ? body.error : `HTTP ${res.status}: ${text}`);
  return body;
}

/** Runs a server function, asking for every alert/prompt it needs, then tells the parent page. */
async function execute(name: string, args: unknown[]): Promise<ExecutionResult> {
  const answers: UiAnswer[] = [];
  const answered: InputRequest[] = [];
  notify({ type: 'workbench:running', functionName: name });
  for (;;) {
    const result = await post(name, args, answers);
    if (!result.needsInput) {
      notify({ type: 'workbench:executed', functionName: name, result, answered });
      return result;
    }
    answers.push(await ask(result.needsInput));
    answered.push(result.needsInput);
  }
}

function call(settings: RunnerSettings, name: string, rawArgs: unknown[]): void {
  const args = JSON.parse(JSON.stringify(serialiseArgs(rawArgs))) as unknown[];
  const fail = (message: string): void => {
    const err = new Error(message);
    if (typeof settings.failure === 'function') settings.failure(err, settings.userObject);
    else if (!('failure' in settings)) console.error(err);
  };
  execute(name, args).then(
    (result) => {
      if (!result.ok) fail(result.error || 'Error');
      else if (typeof settings.success === 'function') settings.success(result.value, settings.userObject);
    },
    (e: { message?: string } | undefined) => fail(`NetworkError: ${(e && e.message) || e}`),
  );
}

function makeRunner(settings: RunnerSettings): Record<string, unknown> {
  const methods: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler | null) => makeRunner({ ...settings, success: fn }),
    withFailureHandler: (fn: Handler | null) => makeRunner({ ...settings, failure: fn }),
    withUserObject: (obj: unknown) => makeRunner({ ...settings, userObject: obj }),
  };
  return new Proxy(methods, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (has(target, prop)) return target[prop];
      if (prop === 'then' || !NAME.test(prop)) return undefined;
      return (...args: unknown[]) => call(settings, prop, args);
    },
  });
}

if (!(window.google && window.google.script && window.google.script.__workbench)) {
  const host = {
    origin: window.location.origin,
    close: () => notify({ type: 'workbench:close' }),
    setHeight: () => undefined,
    setWidth: () => undefined,
    editor: { focus: () => undefined },
  };
  const url = {
    getLocation: (cb: (location: unknown) => void) => cb({ hash: '', parameter: {}, parameters: {} }),
  };
  window.addEventListener('message', onAnswer);
  window.google = window.google || {};
  window.google.script = { run: makeRunner({}), host, url, __workbench: true };
}
