import { PENGUATAN_PUG } from '../../src/core/sop/builtin-penguatan-pug';
import { readTemplateSheet } from '../../src/core/sop/template-sheet-read';
import { newWorkbench, roundTrips, runOk, uiOf } from '../support/workbench';
import {
  sheetNames,
  sheetOf,
  TEMPLATE_KEY,
  valuesOf,
  withSteps,
  writeTemplateSheet,
} from './template-helpers';

const BUILTIN = {
  id: 'builtin:penguatan-pug',
  name: 'Penguatan PUG (bawaan)',
  source: 'builtin',
  stepCount: 10,
};

describe('templates as sheets', () => {
  test('"Template baru" from the built-in SOP seeds a marked sheet that reads back as that SOP', () => {
    const workbench = newWorkbench();
    const result = runOk(workbench, 'createTemplate', [{ name: '  Rapat   PUG ', from: 'builtin' }]);
    expect(result.value).toEqual({ sheetName: 'Template: Rapat PUG' });
    const sheet = sheetOf(workbench, 'Template: Rapat PUG');
    expect(workbench.state.activeSheetId).toBe(sheet.sheetId);
    expect(sheet.developerMetadata).toEqual([
      expect.objectContaining({ key: TEMPLATE_KEY, value: expect.stringContaining('"kind":"template"') }),
    ]);
    const read = readTemplateSheet({ values: valuesOf(sheet), timeZone: 'Asia/Jakarta' });
    expect(read.problems).toEqual([]);
    expect(read.template).toEqual({
      ...PENGUATAN_PUG,
      identity: { ...PENGUATAN_PUG.identity, namaSop: 'Rapat PUG' },
      // The history block below the steps: version 1, made on Tanggal Pembuatan.
      versions: [
        { version: 1, date: PENGUATAN_PUG.identity.tanggalPembuatan, note: 'Versi pertama', by: '' },
      ],
      historyRow: expect.any(Number),
    });
    // Round trips: weight and size in one setTextStyles, the widths in the fewest calls
    // (server/templates/apply-options.ts); the text styles' builders are free but counted in calls.
    expect(roundTrips(result)).toBeLessThanOrEqual(23);
    expect(result.calls).toBeLessThanOrEqual(46);
  });

  test('a blank template has the labels and headers, no roles, no steps, and no empty dropdown', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'createTemplate', [{ name: 'Rapat Koordinasi', from: 'blank' }]);
    const sheet = sheetOf(workbench, 'Template: Rapat Koordinasi');
    const values = valuesOf(sheet);
    expect(values.find((row) => row[0] === 'Nama SOP')?.[1]).toBe('Rapat Koordinasi');
    expect(
      values
        .find((row) => row[0] === 'Pelaksana (urutan kolom)')
        ?.slice(1)
        .every((v) => v === ''),
    ).toBe(true);
    const header = values.findIndex((row) => row[0] === 'No');
    expect(values[header].slice(0, 3)).toEqual(['No', 'Kegiatan', 'Pelaksana']);
    const history = values.findIndex((row) => row[0] === 'Riwayat versi');
    expect(values.slice(header + 1, history).every((row) => row.every((v) => v === ''))).toBe(true);
    expect(values.slice(history, history + 3).map((row) => row.slice(0, 4))).toEqual([
      ['Riwayat versi', '', '', ''],
      ['Versi', 'Tanggal', 'Perubahan', 'Oleh'],
      ['1', '', 'Versi pertama', ''],
    ]);
    expect(sheet.validations.map((v) => v.rule.args[0])).toEqual([['proses', 'keputusan']]);
    // Read back: the only complaints are the missing roles and steps, located.
    const read = readTemplateSheet({ values, timeZone: 'Asia/Jakarta' });
    expect(read.problems.map((p) => p.code).sort()).toEqual(['noRoles', 'noSteps']);
  });

  test('an existing sheet name, an empty or a too long name, an unknown source are refused clearly', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'createTemplate', [{ name: 'Rapat PUG', from: 'blank' }]);
    const count = workbench.state.sheets.length;
    expect(workbench.run('createTemplate', [{ name: 'Rapat PUG', from: 'builtin' }])).toMatchObject({
      ok: false,
      error: 'Error: Sheet "Template: Rapat PUG" sudah ada. Pilih nama lain, atau ubah template yang ada.',
    });
    expect(workbench.run('createTemplate', [{ name: '   ', from: 'blank' }]).error).toContain(
      'Nama template kosong',
    );
    expect(workbench.run('createTemplate', [{ name: 'x'.repeat(91), from: 'blank' }]).error).toContain(
      'Nama template terlalu panjang (91 karakter; paling banyak 90)',
    );
    expect(workbench.run('createTemplate', [{ name: 'A', from: 'copy' }]).error).toContain(
      'Sumber template tidak dikenal: copy',
    );
    expect(workbench.state.sheets).toHaveLength(count);
    runOk(workbench, 'createTemplate', [{ name: 'x'.repeat(90), from: 'blank' }]);
  });

  test('the list: built-in first, then template sheets by marker or by name, steps counted cheaply', () => {
    const workbench = newWorkbench();
    expect(runOk(workbench, 'listTemplates').value).toEqual([BUILTIN]);
    runOk(workbench, 'createTemplate', [{ name: 'Rapat PUG', from: 'builtin' }]);
    runOk(workbench, 'createTemplate', [{ name: 'Kosong', from: 'blank' }]);
    // Made by hand (no marker) and found by its name.
    writeTemplateSheet(workbench, withSteps(60, 'Enam Puluh'), 'Template: Enam Puluh');
    // A duplicated template sheet keeps its marker under another name.
    const copy = structuredClone(sheetOf(workbench, 'Template: Rapat PUG'));
    workbench.state.sheets.push({
      ...copy,
      sheetId: 999,
      name: 'Salinan dari Template: Rapat PUG',
      developerMetadata: copy.developerMetadata.map((m) => ({ ...m, id: m.id + 1000 })),
    });
    // A sheet merely mentioning templates is not one.
    writeTemplateSheet(workbench, withSteps(3), 'Catatan template');

    const result = runOk(workbench, 'listTemplates');
    expect(result.value).toEqual([
      BUILTIN,
      {
        id: 'sheet:Template: Rapat PUG',
        name: 'Rapat PUG',
        source: 'sheet',
        sheetName: 'Template: Rapat PUG',
        stepCount: 10,
      },
      {
        id: 'sheet:Template: Kosong',
        name: 'Kosong',
        source: 'sheet',
        sheetName: 'Template: Kosong',
        stepCount: 0,
      },
      {
        id: 'sheet:Template: Enam Puluh',
        name: 'Enam Puluh',
        source: 'sheet',
        sheetName: 'Template: Enam Puluh',
        stepCount: 60,
      },
      {
        id: 'sheet:Salinan dari Template: Rapat PUG',
        name: 'Rapat PUG',
        source: 'sheet',
        sheetName: 'Salinan dari Template: Rapat PUG',
        stepCount: 10,
      },
    ]);
    expect(result.calls).toBeLessThanOrEqual(40);
    // The sidebar state carries the same list.
    expect((runOk(workbench, 'getSidebarState').value as { templates: unknown }).templates).toEqual(
      result.value,
    );
  });

  test('a broken template sheet still lists, with whatever steps can be counted', () => {
    const workbench = newWorkbench();
    runOk(workbench, 'createTemplate', [{ name: 'Rusak', from: 'builtin' }]);
    const sheet = sheetOf(workbench, 'Template: Rusak');
    const header = sheet.rows.findIndex((row) => row?.[0]?.value === 'No');
    sheet.rows[header][0] = { value: 'Nomor' };
    expect(runOk(workbench, 'listTemplates').value).toContainEqual(
      expect.objectContaining({ sheetName: 'Template: Rusak', stepCount: 0 }),
    );
  });
});

describe('menu "Template baru…"', () => {
  test('asks the name, then copies the built-in SOP on "Ya", and says what it made', () => {
    const workbench = newWorkbench();
    const result = workbench.run('menuNewTemplate', [], {
      answers: [{ button: 'OK', text: 'Rapat PUG' }, { button: 'YES' }],
    });
    expect(result.ok).toBe(true);
    const [prompt] = uiOf(result, 'prompt');
    expect(prompt).toMatchObject({ title: 'Template baru', buttons: 'OK_CANCEL' });
    const [alert] = uiOf(result, 'alert');
    expect(alert).toMatchObject({
      prompt: 'Salin isi dari SOP bawaan Penguatan PUG? Ya = salin, Tidak = template kosong',
      buttons: 'YES_NO_CANCEL',
    });
    expect(uiOf(result, 'toast')[0].message).toBe(
      'Template dibuat: Template: Rapat PUG. Isi langkahnya, lalu pilih "Buat SOP".',
    );
    expect(runOk(workbench, 'listTemplates').value).toContainEqual(
      expect.objectContaining({ sheetName: 'Template: Rapat PUG', stepCount: 10 }),
    );
  });

  test('"Tidak" makes a blank template; cancelling either question makes nothing', () => {
    const workbench = newWorkbench();
    expect(workbench.run('menuNewTemplate').needsInput).toMatchObject({ kind: 'prompt' });
    expect(
      workbench.run('menuNewTemplate', [], { answers: [{ button: 'OK', text: 'Kosong' }, { button: 'NO' }] })
        .ok,
    ).toBe(true);
    expect(runOk(workbench, 'listTemplates').value).toContainEqual(
      expect.objectContaining({ sheetName: 'Template: Kosong', stepCount: 0 }),
    );
    const before = sheetNames(workbench);
    const cancelled = workbench.run('menuNewTemplate', [], { answers: [{ button: 'CANCEL', text: 'X' }] });
    expect(cancelled.ok).toBe(true);
    expect(uiOf(cancelled, 'alert')).toEqual([]);
    workbench.run('menuNewTemplate', [], { answers: [{ button: 'OK', text: 'Y' }, { button: 'CANCEL' }] });
    expect(sheetNames(workbench)).toEqual(before);
  });

  test('an empty or existing name gives one plain alert, no stack trace', () => {
    const workbench = newWorkbench();
    const empty = workbench.run('menuNewTemplate', [], { answers: [{ button: 'OK', text: '  ' }] });
    expect(empty.ok).toBe(true);
    expect(uiOf(empty, 'alert').map((a) => a.prompt)).toEqual([
      'Nama template kosong. Tulis nama SOP, mis. "Rapat Koordinasi PUG".',
    ]);
    runOk(workbench, 'createTemplate', [{ name: 'Rapat PUG', from: 'blank' }]);
    const taken = workbench.run('menuNewTemplate', [], {
      answers: [{ button: 'OK', text: 'Rapat PUG' }, { button: 'YES' }],
    });
    expect(uiOf(taken, 'alert').map((a) => a.prompt)).toEqual([
      'Salin isi dari SOP bawaan Penguatan PUG? Ya = salin, Tidak = template kosong',
      'Sheet "Template: Rapat PUG" sudah ada. Pilih nama lain, atau ubah template yang ada.',
    ]);
  });
});
