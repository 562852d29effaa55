/**
 * Authorization scopes. Every emulated method has an entry here: the scopes its Apps Script
 * reference page lists under "Authorization" ("Scripts that use this method require
 * authorization with one or more of the following scopes"); any one of them grants the call.
 * An empty list means the page lists no scopes. The table: ./scope-table.ts. A method without
 * an entry throws when called (and test/workbench/services/scopes.test.ts fails), so a newly
 * emulated method is classified.
 *
 * The granted scopes are the manifest's `oauthScopes` (<distDir>/appsscript.json). A manifest
 * without `oauthScopes` (or no manifest) means automatic scope detection: everything is granted.
 * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes
 *
 * Apps Script's wording when an explicit `oauthScopes` lacks the scope (reported from live runs,
 * e.g. "Specified permissions are not sufficient to call Session.getActiveUser. Required
 * permissions: https://www.googleapis.com/auth/userinfo.email"); several scopes are written
 * "(a || b)" as in "Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly
 * || https://www.googleapis.com/auth/spreadsheets)". See docs/FIDELITY.md "Scopes".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Execution } from './context';
import { SCOPE_TABLE, type Scopes } from './scope-table';

const byMethod = new Map<string, Scopes>();
for (const [cls, entry] of Object.entries(SCOPE_TABLE)) {
  for (const group of entry.groups) {
    for (const m of group.methods.split(/\s+/).filter(Boolean)) {
      const key = `${cls}.${m}`;
      if (byMethod.has(key)) throw new Error(`scope-table.ts: ${key} is listed twice`);
      byMethod.set(key, group.scopes);
    }
  }
}

/** The scopes that grant Class.method (any one of them); undefined when unclassified. */
export function requiredScopes(cls: string, method: string): Scopes | undefined {
  return byMethod.get(`${cls}.${method}`);
}

/** Every classified "Class.method". */
export function classifiedMethods(): string[] {
  return [...byMethod.keys()];
}

const manifests = new Map<string, { mtimeMs: number; scopes: ReadonlySet<string> | null }>();

/** The manifest's oauthScopes, or null for automatic detection (no manifest, no oauthScopes). */
export function grantedScopes(distDir: string): ReadonlySet<string> | null {
  const file = path.join(distDir, 'appsscript.json');
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const hit = manifests.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.scopes;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
  const scopes = Array.isArray(manifest.oauthScopes)
    ? new Set(manifest.oauthScopes.map((s) => String(s)))
    : null;
  manifests.set(file, { mtimeMs, scopes });
  return scopes;
}

/** Throws Apps Script's permission error when the manifest grants none of the method's scopes. */
export function checkScopes(ctx: Execution, cls: string, method: string): void {
  const required = requiredScopes(cls, method);
  if (!required) {
    throw ctx.exception(
      `Workbench: ${cls}.${method} has no entry in the scope table (src/workbench/services/scopes.ts)`,
    );
  }
  if (!required.length) return;
  const granted = grantedScopes(ctx.distDir);
  if (!granted || required.some((s) => granted.has(s))) return;
  const list = required.length === 1 ? required[0] : `(${required.join(' || ')})`;
  throw ctx.exception(
    `Specified permissions are not sufficient to call ${cls}.${method}. Required permissions: ${list}`,
  );
}

// ---- the emulated surface, for the test that every emulated method is classified ----------

const registry = new Map<string, Set<string>>();
const noted = new Map<string, WeakSet<object>>();

/** Names wrap() exposes as methods: functions on the target and its prototypes, not "_x". */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (k === 'constructor' || k.startsWith('_') || k in Object.prototype) continue;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && typeof d.value === 'function') names.add(k);
    }
  }
  return [...names];
}

/** Called by wrap(): records the methods of every emulated object handed to a script. */
export function noteEmulated(cls: string, target: object): void {
  const proto = Object.getPrototypeOf(target) as object | null;
  if (proto && proto !== Object.prototype) {
    let protos = noted.get(cls);
    if (!protos) noted.set(cls, (protos = new WeakSet()));
    if (protos.has(proto)) return;
    protos.add(proto);
  }
  let set = registry.get(cls);
  if (!set) registry.set(cls, (set = new Set()));
  for (const m of methodNames(target)) set.add(m);
}

/** Class → methods of every emulated object created so far in this process. */
export function emulatedMethods(): ReadonlyMap<string, ReadonlySet<string>> {
  return registry;
}
