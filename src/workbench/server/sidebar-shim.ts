/**
 * The script the workbench injects first into every sidebar/dialog HTML it serves: a local
 * `google.script.run` / `google.script.host` that talks to the workbench server over HTTP. Its
 * source and behaviour: ../page/google-script.ts, bundled with the options of
 * ../page/google-script.esbuild.json (a module without exports: plain statements) and wrapped
 * here in a strict function, so that none of its names leak into the sidebar's globals.
 * It contains no "</script".
 */
import * as path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';
import options from '../page/google-script.esbuild.json';

/** Replaced by scripts/build.mjs (esbuild `define`) with the bundle, in build/workbench/main.js. */
declare const WORKBENCH_GOOGLE_SCRIPT: string | undefined;

/** The bundled statements of ../page/google-script.ts. */
function bundled(): string {
  if (typeof WORKBENCH_GOOGLE_SCRIPT === 'string') return WORKBENCH_GOOGLE_SCRIPT;
  // Running from source (jest): bundle it now, as the build does.
  const entry = path.join(__dirname, '..', 'page', 'google-script.ts');
  return buildSync({ ...(options as BuildOptions), entryPoints: [entry], write: false }).outputFiles[0].text;
}

export const SIDEBAR_SHIM_JS = `(function () {\n'use strict';\n${bundled()}})();\n`;

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
