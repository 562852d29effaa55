import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en, id } from '../../src/core/i18n/strings';
import type { SidebarState } from '../../src/server/api';
import { DIST, newWorkbench, runOk } from '../support/workbench';

/**
 * dist/Sidebar.html is what every person downloads when the panel opens (issue 12, part 6): it
 * carries no string table; the strings of the person's language come with the state the sidebar
 * loads first anyway (getSidebarState, setLanguage), so first render is still one call.
 */
const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const CLIENT = join(__dirname, '..', '..', 'src', 'client');
const clientSource = readdirSync(CLIENT)
  .filter((name) => /\.(ts|html)$/.test(name))
  .map((name) => readFileSync(join(CLIENT, name), 'utf8'))
  .join('\n');

/** Raw bytes: 75,030 with every feature's strings, 43,889 with the client's in both languages. */
const SIDEBAR_MAX_BYTES = 40 * 1024;

const ID = id as Record<string, string>;
const EN = en as Record<string, string>;
const named = (key: string) => new RegExp(`['"\`]${key}['"\`]`).test(clientSource);
const clientKeys = Object.keys(ID).filter(named);
/** JSON-escaped as esbuild writes it (quotes and backslashes); non-ASCII stays UTF-8. */
const inBundle = (text: string) => html.includes(JSON.stringify(text).slice(1, -1));

function stateIn(language: 'id' | 'en'): SidebarState {
  const workbench = newWorkbench();
  const result =
    language === 'id' ? runOk(workbench, 'getSidebarState') : runOk(workbench, 'setLanguage', [language]);
  return result.value as SidebarState;
}

test(`dist/Sidebar.html is at most ${SIDEBAR_MAX_BYTES} bytes`, () => {
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SIDEBAR_MAX_BYTES);
});

test('it carries no string of the i18n table, the client’s own included (25 characters or more)', () => {
  const long = (table: Record<string, string>) => Object.keys(table).filter((key) => table[key].length >= 25);
  const sidebarLong = long(ID).filter(named);
  expect(sidebarLong.length).toBeGreaterThan(10);
  expect(long(ID).length - sidebarLong.length).toBeGreaterThan(50);
  expect(long(ID).filter((key) => inBundle(ID[key]))).toEqual([]);
  expect(long(EN).filter((key) => inBundle(EN[key]))).toEqual([]);
});

test('the sidebar state brings every string the client names, in Indonesian, and no other', () => {
  const { strings } = stateIn('id');
  expect(clientKeys.length).toBeGreaterThan(100);
  expect(Object.values(strings).sort()).toEqual(clientKeys.map((key) => ID[key]).sort());
});

test('after setLanguage("en") it brings them in English', () => {
  const { language, strings } = stateIn('en');
  expect(language).toBe('en');
  expect(Object.values(strings).sort()).toEqual(clientKeys.map((key) => EN[key]).sort());
});

test('each string comes under the name the bundle uses (side… keys shortened in both)', () => {
  const { strings } = stateIn('id');
  const names = Object.keys(strings);
  expect(names).toContain('errorPrefix');
  expect(names.filter((name) => /^side[A-Z]/.test(name))).toEqual([]);
  expect(names.filter((name) => !html.includes(`"${name}"`))).toEqual([]);
  // The bundle names no full side… key either: its sources were renamed like the server's list.
  expect(html.match(/["']side[A-Z]\w*["']/g)).toBeNull();
});
