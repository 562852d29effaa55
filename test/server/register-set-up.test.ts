/**
 * A register's set-up (sheets/rows.ts setUpRowSheet) works through one Range over its grid: the
 * header and every dropdown column are offsets of it (no call each), so the very first "Tambah
 * peserta" pays fewer round trips, with the same header, formats and one dropdown per column.
 */
import { PESERTA_COLUMN } from '../../src/core/terpilah/peserta';
import { roundTrips, runOk } from '../support/workbench';
import { create, progressWorkbench } from './progress-helpers';
import { sheetOf } from './template-helpers';

const ADD = { name: 'Peserta Baru', activity: 'Kegiatan 1', sex: 'L', age: '33', nik: '', nip: '' };

describe('the first add sets Peserta up', () => {
  test('header, "@" columns and one dropdown per closed column over rows 2…1000, in 40 round trips', () => {
    const workbench = progressWorkbench();
    const first = runOk(workbench, 'addParticipant', [ADD]);
    const sheet = sheetOf(workbench, 'Peserta');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.rows[0]?.every((cell) => cell?.format?.fontWeight === 'bold')).toBe(true);
    expect(sheet.rows[999]?.[PESERTA_COLUMN.NIK - 1]?.format?.numberFormat).toBe('@');
    expect(
      sheet.validations.map((v) => [v.range.row, v.range.column + 1, v.range.numRows, v.range.numColumns]),
    ).toEqual(
      [
        PESERTA_COLUMN['Jenis kelamin'],
        PESERTA_COLUMN.Peran,
        PESERTA_COLUMN.Disabilitas,
        PESERTA_COLUMN.Kehadiran,
      ].map((column) => [1, column, 999, 1]),
    );
    // One Range for the set-up (header and dropdowns by offset), one for the added row.
    expect(first.callsByMethod['Sheet.getRange']).toBe(2);
    expect(roundTrips(first)).toBe(40);
  });

  test('with Kegiatan: the activity list too, one more Range (Kegiatan!B2:B)', () => {
    const workbench = progressWorkbench();
    create(workbench);
    const first = runOk(workbench, 'addParticipant', [{ ...ADD, activity: 'Rapat Koordinasi PUG 2026' }]);
    const activity = sheetOf(workbench, 'Peserta').validations.filter(
      (v) => v.range.column === PESERTA_COLUMN.Kegiatan - 1,
    );
    expect(activity.map((v) => [v.range.row, v.range.numRows, v.rule.criteria])).toEqual([
      [1, 999, 'VALUE_IN_RANGE'],
    ]);
    expect(first.callsByMethod['Sheet.getRange']).toBe(3);
  });
});
