/**
 * Opening the panel reads no language preference (its title is the same in every language), yet
 * a failure to open still alerts in the person's language, and an English user's panel opens
 * with the same title.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../src/core/i18n';
import { Workbench } from '../../src/workbench/runtime';
import { newWorkbookState } from '../../src/workbench/model';
import { DIST, newWorkbench, runOk, uiOf } from '../support/workbench';

describe('showSidebar and menuParticipants', () => {
  test('the title is one text in every language (what lets opening skip the preference)', () => {
    expect(t('en', 'sidebarTitle')).toBe(t('id', 'sidebarTitle'));
  });

  test.each(['showSidebar', 'menuParticipants'])(
    '%s for an English user: same title, no Properties read',
    (name) => {
      const workbench = newWorkbench();
      runOk(workbench, 'setLanguage', ['en']);
      const result = runOk(workbench, name);
      expect(uiOf(result, 'sidebar').map((s) => s.title)).toEqual(['SOP & Data Terpilah']);
      expect(result.callsByMethod['Properties.getProperty']).toBeUndefined();
      expect(result.calls).toBe(name === 'menuParticipants' ? 5 : 4); // + HtmlOutput.append
    },
  );

  test("when the panel cannot open, the alert is in the person's language (read only then)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-sidebar-'));
    try {
      copyFileSync(join(DIST, 'Code.js'), join(dir, 'Code.js')); // no Sidebar.html
      const workbench = new Workbench({ state: newWorkbookState('Uji'), distDir: dir });
      const failed = () => {
        const result = runOk(workbench, 'showSidebar');
        expect(uiOf(result, 'sidebar')).toEqual([]);
        expect(result.callsByMethod['Properties.getProperty']).toBe(1);
        return uiOf(result, 'alert').map((alert) => alert.prompt);
      };
      const indonesian = failed();
      runOk(workbench, 'setLanguage', ['en']);
      expect(failed()).toEqual(['Something went wrong: No HTML file named Sidebar was found.']);
      expect(indonesian).toHaveLength(1);
      expect(indonesian[0]).not.toMatch(/^Something went wrong/);
      expect(indonesian[0]).toContain('No HTML file named Sidebar was found.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
