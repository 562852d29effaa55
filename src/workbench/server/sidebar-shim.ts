/**
 * The script the workbench injects first into every sidebar/dialog HTML it serves: a local
 * `google.script.run` / `google.script.host` that talks to the workbench server over HTTP.
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
 * - after every call the parent page gets `{ type: 'workbench:executed', functionName, result,
 *   answered }` so it refreshes the grid and shows toasts/alerts/sidebars from `result.ui`.
 * - when the server answers `needsInput` (an alert/prompt the person must answer), the shim
 *   posts `{ type: 'workbench:needsInput', requestId, needsInput }` to the parent, waits for
 *   `{ type: 'workbench:answer', requestId, answer: { button, text? } }`, and re-runs the call
 *   with all answers so far (without a parent page it falls back to window.confirm/prompt).
 * - `google.script.host.close()` posts `{ type: 'workbench:close' }`; `setHeight`, `setWidth`
 *   and `editor.focus()` do nothing.
 *
 * It is a plain ES2017 string (no DOM types on the server side) and contains no "</script".
 */
export const SIDEBAR_SHIM_JS = String.raw`(function () {
  'use strict';
  if (window.google && window.google.script && window.google.script.__workbench) return;
  var NAME = /^[A-Za-z_$][\w$]*$/;
  var parentWin = window.parent && window.parent !== window ? window.parent : null;
  var seq = 0;
  var pending = {};

  function illegal(path) {
    return new Error('Failed due to illegal value in property: ' + path);
  }
  function formToObject(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      var type = (el.type || '').toLowerCase();
      if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
      if (type === 'file' || type === 'submit' || type === 'button' || type === 'reset') continue;
      if (type === 'select-multiple') {
        var vals = [];
        for (var j = 0; j < el.options.length; j++) if (el.options[j].selected) vals.push(el.options[j].value);
        out[el.name] = vals;
      } else if (Object.prototype.hasOwnProperty.call(out, el.name)) {
        out[el.name] = [].concat(out[el.name], el.value);
      } else {
        out[el.name] = el.value;
      }
    }
    return out;
  }
  function check(v, path, seen) {
    if (v === null || v === undefined) return;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t === 'function' || t === 'symbol' || t === 'bigint') throw illegal(path);
    if (Object.prototype.toString.call(v) === '[object Date]') throw illegal(path);
    if (typeof Node !== 'undefined' && v instanceof Node) throw illegal(path);
    if (seen.indexOf(v) >= 0) throw illegal(path);
    seen.push(v);
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) check(v[k], path + '.' + k, seen);
    seen.pop();
  }
  function serialiseArgs(args) {
    if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) {
      return [formToObject(args[0])];
    }
    for (var i = 0; i < args.length; i++) check(args[i], String(i), []);
    return args;
  }
  function notify(message) {
    if (parentWin) parentWin.postMessage(message, '*');
  }
  function ask(needsInput) {
    if (!parentWin) {
      if (needsInput.kind === 'prompt') {
        var text = window.prompt(needsInput.title + '\n' + needsInput.prompt, '');
        return Promise.resolve(text === null ? { button: 'CANCEL' } : { button: 'OK', text: text });
      }
      var yes = window.confirm(needsInput.title + '\n' + needsInput.prompt);
      var b = needsInput.buttons || 'OK';
      var okBtn = b.indexOf('YES') === 0 ? 'YES' : 'OK';
      var noBtn = b.indexOf('YES') === 0 ? 'NO' : b === 'OK' ? 'CLOSE' : 'CANCEL';
      return Promise.resolve({ button: yes ? okBtn : noBtn });
    }
    var requestId = 'wb' + ++seq + '-' + Date.now();
    return new Promise(function (resolve) {
      pending[requestId] = resolve;
      notify({ type: 'workbench:needsInput', requestId: requestId, needsInput: needsInput });
    });
  }
  window.addEventListener('message', function (ev) {
    var d = ev.data;
    if (!d || d.type !== 'workbench:answer' || !pending[d.requestId]) return;
    if (parentWin && ev.source !== parentWin) return;
    var resolve = pending[d.requestId];
    delete pending[d.requestId];
    resolve(d.answer || { button: 'CLOSE' });
  });

  function post(name, args, answers) {
    return fetch('/api/run/' + name, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: args, answers: answers }),
    }).then(function (res) {
      return res.text().then(function (text) {
        var body;
        try {
          body = JSON.parse(text);
        } catch (e) {
          body = null;
        }
        if (!res.ok || !body) {
          var msg = body && body.error ? body.error : 'HTTP ' + res.status + ': ' + text;
          return { ok: false, error: msg, calls: 0, callsByMethod: {}, ui: [] };
        }
        return body;
      });
    });
  }
  function execute(name, args) {
    var answers = [];
    var answered = [];
    function loop() {
      return post(name, args, answers).then(function (result) {
        if (result.needsInput) {
          return ask(result.needsInput).then(function (answer) {
            answers.push(answer);
            answered.push(result.needsInput);
            return loop();
          });
        }
        notify({ type: 'workbench:executed', functionName: name, result: result, answered: answered });
        return result;
      });
    }
    return loop();
  }

  function makeRunner(settings) {
    var methods = {
      withSuccessHandler: function (fn) {
        return makeRunner(Object.assign({}, settings, { success: fn }));
      },
      withFailureHandler: function (fn) {
        return makeRunner(Object.assign({}, settings, { failure: fn }));
      },
      withUserObject: function (obj) {
        return makeRunner(Object.assign({}, settings, { userObject: obj, hasUserObject: true }));
      },
    };
    function call(name, rawArgs) {
      var args = JSON.parse(JSON.stringify(serialiseArgs(rawArgs)));
      function fail(message) {
        var err = new Error(message);
        if (typeof settings.failure === 'function') {
          settings.failure(err, settings.userObject);
        } else if (!('failure' in settings)) {
          console.error(err);
        }
      }
      execute(name, args).then(
        function (result) {
          if (result.ok) {
            if (typeof settings.success === 'function') settings.success(result.value, settings.userObject);
          } else {
            fail(result.error || 'Error');
          }
        },
        function (e) {
          fail('NetworkError: ' + ((e && e.message) || e));
        },
      );
    }
    return new Proxy(methods, {
      get: function (target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, prop)) return target[prop];
        if (prop === 'then' || !NAME.test(prop)) return undefined;
        return function () {
          call(prop, Array.prototype.slice.call(arguments));
        };
      },
    });
  }

  var host = {
    origin: window.location.origin,
    close: function () {
      notify({ type: 'workbench:close' });
    },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} },
  };
  var url = {
    getLocation: function (cb) {
      cb({ hash: '', parameter: {}, parameters: {} });
    },
  };
  window.google = window.google || {};
  window.google.script = { run: makeRunner({}), host: host, url: url, __workbench: true };
})();
`;

/** The shim as a <script> element. */
export const SIDEBAR_SHIM_TAG = `<script>${SIDEBAR_SHIM_JS}</script>`;

/**
 * Inserts the shim as the first script of the document: right after `<head ...>`, else right
 * after the doctype (or at the very top when there is none).
 */
export function injectShim(html: string): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + SIDEBAR_SHIM_TAG + html.slice(at);
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) {
    const at = doctype[0].length;
    return html.slice(0, at) + SIDEBAR_SHIM_TAG + html.slice(at);
  }
  return SIDEBAR_SHIM_TAG + html;
}
