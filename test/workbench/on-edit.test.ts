/**
 * The simple trigger onEdit(e) (https://developers.google.com/apps-script/guides/triggers#onedite):
 * the workbench runs it after a person's edit only — typing through typeInto, POST /api/edit and
 * POST /api/undo — never after a script's write; with the documented event object and the
 * simple triggers' restrictions (AuthMode.LIMITED, 30 seconds).
 */
import type { AddressInfo } from 'node:net';
import { newSheetState, newWorkbookState } from '../../src/workbench/model';
import { createWorkbenchServer } from '../../src/workbench/server/http';
import { typeInto } from '../../src/workbench/server/person';
import { makeBench } from './services/harness';

const CODE = `
function onEdit(e) {
  var log = e.source.getSheetByName('Log');
  log.appendRow([
    String(e.authMode), e.authMode === ScriptApp.AuthMode.LIMITED, e.range.getSheet().getName(),
    e.range.getA1Notation(), 'value' in e ? e.value : '(none)', 'oldValue' in e ? e.oldValue : '(none)',
    e.user.getEmail() + Session.getActiveUser().getEmail(), typeof e.triggerUid,
  ]);
  if (e.range.getA1Notation() === 'Z1') for (var i = 0; i < 1000; i++) e.range.getValue();
}
function scriptWrite() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').setValue('skrip'); }
function slowRun() { var r = SpreadsheetApp.getActiveSheet().getRange('A1'); for (var i = 0; i < 1000; i++) r.getValue(); }
`;

function bench() {
  const state = newWorkbookState('Uji');
  state.sheets[0].name = 'Data';
  state.sheets.push(newSheetState(state.nextId++, 'Log'));
  const made = makeBench({ 'Code.js': CODE, 'Sidebar.html': '<p></p>' }, state);
  const log = () =>
    (made.state.sheets.find((s) => s.name === 'Log')?.rows ?? []).map((row) =>
      row.map((c) => c?.value ?? ''),
    );
  return { ...made, log };
}

describe('onEdit(e) after a person’s edit', () => {
  test('one cell: LIMITED, the range, the value after and before, no user email (e.user nor Session), no triggerUid', () => {
    const { wb, log } = bench();
    typeInto(wb, { sheet: 'Data', range: 'B2', values: [['Ani']] });
    typeInto(wb, { sheet: 'Data', range: 'B2', values: [['Budi']] });
    typeInto(wb, { sheet: 'Data', range: 'B2', values: [['']] });
    expect(log()).toEqual([
      ['LIMITED', true, 'Data', 'B2', 'Ani', '(none)', '', 'undefined'],
      ['LIMITED', true, 'Data', 'B2', 'Budi', 'Ani', '', 'undefined'],
      ['LIMITED', true, 'Data', 'B2', '(none)', 'Budi', '', 'undefined'],
    ]);
  });

  test('a range (a paste): no value nor oldValue', () => {
    const { wb, log } = bench();
    typeInto(wb, {
      sheet: 'Data',
      range: 'A1:B2',
      values: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
    expect(log()).toEqual([['LIMITED', true, 'Data', 'A1:B2', '(none)', '(none)', '', 'undefined']]);
  });

  test('a script’s write never fires it ("Script executions and API requests do not cause triggers to run")', () => {
    const { wb, log } = bench();
    expect(wb.run('scriptWrite').ok).toBe(true);
    expect(log()).toEqual([]);
  });

  test('it stops at 30 seconds, where a menu or sidebar execution goes on to 6 minutes', () => {
    const { wb } = bench();
    const edit = wb.firePersonEdit({ sheet: 'Data', range: 'Z1' });
    expect(edit).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
    expect(edit?.estimatedSeconds?.typical).toBeLessThanOrEqual(31);
    expect(wb.run('slowRun').ok).toBe(true);
  });

  test('a script without onEdit: nothing runs', () => {
    const { wb } = makeBench({ 'Code.js': 'function other() {}', 'Sidebar.html': '' });
    expect(wb.firePersonEdit({ sheet: 'Sheet1', range: 'A1' })).toBeNull();
  });

  test('POST /api/edit and POST /api/undo fire it', async () => {
    const { wb, log, distDir } = bench();
    const server = createWorkbenchServer({
      workbench: wb,
      pageDir: distDir,
      save: () => undefined,
      reset: () => wb,
      exportXlsx: () => Promise.resolve(Buffer.from('')),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (url: string, body: unknown) =>
      fetch(base + url, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.status);
    try {
      expect(await post('/api/edit', { sheet: 'Data', range: 'C3', values: [['x']] })).toBe(200);
      expect(await post('/api/undo', {})).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(log().map((row) => row.slice(3, 6))).toEqual([
      ['C3', 'x', '(none)'],
      ['C3', '(none)', '(none)'],
    ]);
  });
});
