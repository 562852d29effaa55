/**
 * Opening the panel reads the language once (with its first state), an English user's panel
 * opens with the same title and English strings, and a failure to open still alerts in the
 * person's language.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench/runtime';
import { newWorkbookState } from '../../src/workbench/model';
import { DIST, newWorkbench, runOk, uiOf } from '../support/workbench';

describe('showSidebar and menuParticipants', () => {
  test.each(['showSidebar', 'menuParticipants'])(
    '%s for an English user: same title, English state, one Properties read',
    (name) => {
      const workbench = newWorkbench();
      runOk(workbench, 'setLanguage', ['en']);
      const result = runOk(workbench, name);
      const sidebars = uiOf(result, 'sidebar');
      expect(sidebars.map((s) => s.title)).toEqual(['SOP & Data Terpilah']);
      expect(sidebars[0].html).toContain('{"state":{"language":"en"');
      expect(result.callsByMethod['Properties.getProperty']).toBe(1);
      expect(result.callsByMethod['HtmlOutput.append']).toBe(1);
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
