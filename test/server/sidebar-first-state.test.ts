/**
 * "Buka panel" hands the sidebar its first state inside the HTML (issue 12: no google.script.run
 * before the panel shows): the same state getSidebarState gives, as script-safe JSON (user text
 * such as `</script><img src=x onerror=alert(1)>` or U+2028 cannot break out of the element), its
 * activity list cut to the newest the first view shows, and the error when computing it failed.
 */
import fc from 'fast-check';
import { progressState } from '../../bench/actions/progress';
import type { ActivityListItem, EmbeddedSidebarState, SidebarState } from '../../src/server/api';
import {
  FIRST_STATE_ID,
  FIRST_VIEW_ACTIVITIES,
  firstStateElement,
  firstView,
  scriptSafeJson,
} from '../../src/server/sidebar-embed';
import { newWorkbookState, newSheetState } from '../../src/workbench/model';
import type { ExecutionResult } from '../../src/workbench/runtime';
import { newWorkbench, runOk, uiOf } from '../support/workbench';
import { create, progressWorkbench } from './progress-helpers';

const OPEN_TAG = `<script type="application/json" id="${FIRST_STATE_ID}">`;
const HOSTILE = '</script><img src=x onerror=alert(1)> & <!-- \u2028 \u2029 // /* */';

/** The sidebar's HTML of an execution that opened it (exactly one). */
function sidebarHtml(result: ExecutionResult): string {
  const sidebars = uiOf(result, 'sidebar');
  expect(sidebars).toHaveLength(1);
  return sidebars[0].html;
}

/**
 * The embedded payload as an HTML parser sees it: the element's text runs to the first `</script`
 * after its start tag (HTML's script data state), and must be the whole JSON.
 */
function embedded(html: string): EmbeddedSidebarState {
  const starts = html.split(OPEN_TAG).length - 1;
  expect(starts).toBe(1);
  const text = html.slice(html.indexOf(OPEN_TAG) + OPEN_TAG.length);
  const end = text.search(/<\/script/i);
  expect(end).toBeGreaterThan(0);
  expect(text.slice(end)).toMatch(/^<\/script>\s*$/); // nothing after it: the element closes the page
  return JSON.parse(text.slice(0, end)) as EmbeddedSidebarState;
}

const withoutClock = ({ serverTime: _t, ...rest }: SidebarState) => rest;

describe('showSidebar embeds the first state', () => {
  test('the state is getSidebarState’s, and opening costs its calls plus the sidebar’s five', () => {
    const workbench = progressWorkbench();
    create(workbench, { name: 'Rapat Koordinasi' });
    runOk(workbench, 'setLanguage', ['en']);
    const called = runOk(workbench, 'getSidebarState');
    const opened = runOk(workbench, 'showSidebar');
    const first = embedded(sidebarHtml(opened));
    expect(first.error).toBeUndefined();
    expect(first.tab).toBeUndefined();
    expect(first.activityTotal).toBe(1);
    expect(withoutClock(first.state as SidebarState)).toEqual(withoutClock(called.value as SidebarState));
    expect(first.state?.language).toBe('en');
    expect(first.state?.activities.map((a) => a.name)).toEqual(['Rapat Koordinasi']);
    // createHtmlOutputFromFile, append, setTitle, getUi, showSidebar: no second execution needed.
    expect(opened.calls).toBe(called.calls + 5);
    expect(opened.callsByMethod['HtmlOutput.append']).toBe(1);
    expect(uiOf(opened, 'sidebar')[0].title).toBe('SOP & Data Terpilah');
  });

  test('user text round-trips as text and cannot end the script element', () => {
    const workbench = progressWorkbench({ state: newWorkbookState(`Buku ${HOSTILE}`) });
    create(workbench, { name: `Kegiatan ${HOSTILE}`, place: HOSTILE });
    const html = sidebarHtml(runOk(workbench, 'showSidebar'));
    const payload = html.slice(html.indexOf(OPEN_TAG) + OPEN_TAG.length, html.lastIndexOf('</script>'));
    expect(payload).not.toMatch(/[<>&\u2028\u2029]|\/\/|\/\*/);
    const state = embedded(html).state as SidebarState;
    expect(state.spreadsheetName).toBe(`Buku ${HOSTILE}`);
    expect(state.activities[0].name).toBe(`Kegiatan ${HOSTILE}`);
    expect(state.activities[0].place).toBe(HOSTILE);
  });

  test('"Tambah/Impor peserta" embeds the same state, opening on the Peserta tab', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const first = embedded(sidebarHtml(runOk(workbench, 'menuParticipants')));
    expect(first.tab).toBe('participants');
    expect(first.state?.activities).toHaveLength(1);
  });

  test('a long list: the newest the first view shows, and the total (the rest on demand)', () => {
    const workbench = newWorkbench({ state: progressState(20 * (FIRST_VIEW_ACTIVITIES + 25)) });
    const all = runOk(workbench, 'listActivities').value as ActivityListItem[];
    expect(all).toHaveLength(FIRST_VIEW_ACTIVITIES + 25);
    const first = embedded(sidebarHtml(runOk(workbench, 'showSidebar')));
    expect(first.activityTotal).toBe(all.length);
    expect(first.state?.activities).toEqual(all.slice(0, FIRST_VIEW_ACTIVITIES));
  });

  test.each(['showSidebar', 'menuParticipants'])(
    '%s on a broken sheet: the panel opens with the error its first call would have shown',
    (name) => {
      // A person deleted columns of Kegiatan: the list's read falls outside the sheet.
      const state = newWorkbookState('Uji');
      const kegiatan = newSheetState(1, 'Kegiatan');
      kegiatan.maxColumns = 3;
      kegiatan.rows = [[{ value: 'ID' }], [{ value: 'KGT-0001' }]];
      state.sheets.push(kegiatan);
      state.nextId = 2;
      const workbench = newWorkbench({ state });
      const failed = workbench.run('getSidebarState', [], { via: 'google.script.run' });
      expect(failed.ok).toBe(false);
      const opened = runOk(workbench, name);
      expect(uiOf(opened, 'alert')).toEqual([]);
      const first = embedded(sidebarHtml(opened));
      expect(first.state).toBeUndefined();
      expect(first.error).toBe(failed.error);
      expect(first.tab).toBe(name === 'menuParticipants' ? 'participants' : undefined);
    },
  );
});

describe('script-safe JSON (property)', () => {
  test('any text round-trips through the element, and nothing in it ends the element', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[<>&/!\-\u2028\u2029 a-z]*$/),
      fc.constantFrom(HOSTILE, '</SCRIPT >', '<!--<script>', '\u2028', '</scr' + 'ipt>'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (names) => {
        const value = { names, nested: { name: names.join('') } };
        const json = scriptSafeJson(value);
        expect(json).not.toMatch(/[<>&/\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(value);
        expect(embedded(firstStateElement({ error: names.join('') }))).toEqual({ error: names.join('') });
      }),
      { numRuns: 300 },
    );
  });

  test('firstView keeps the state but the newest activities', () => {
    const item = (n: number) => ({ id: `KGT-${n}` }) as ActivityListItem;
    const state = { activities: Array.from({ length: 150 }, (_, n) => item(n)) } as SidebarState;
    const view = firstView(state, 'participants');
    expect(view.state?.activities.map((a) => a.id)).toEqual(state.activities.slice(0, 100).map((a) => a.id));
    expect(view.activityTotal).toBe(150);
    expect(view.tab).toBe('participants');
    expect(state.activities).toHaveLength(150); // not cut in place
  });
});
