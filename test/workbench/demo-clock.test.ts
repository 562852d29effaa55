import { officeAfternoon } from '../../src/workbench/server/demo';

/** The wall clock of `ms` in Jakarta, "yyyy-mm-dd HH:mm". */
const jakarta = (ms: number) =>
  new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Jakarta' }).slice(0, 16);
const at = (iso: string) => Date.parse(iso);

describe('"Buka contoh" logs its run in office hours', () => {
  test('the latest Monday–Thursday 15:30 not after now, on the spreadsheet zone clock', () => {
    // Tuesday 1 December 2026, 20:37 WIB (evening): the same day's afternoon.
    expect(jakarta(officeAfternoon('Asia/Jakarta', at('2026-12-01T13:37:00Z')))).toBe('2026-12-01 15:30');
    // Tuesday 10:00 WIB: Monday's afternoon.
    expect(jakarta(officeAfternoon('Asia/Jakarta', at('2026-12-01T03:00:00Z')))).toBe('2026-11-30 15:30');
    // Saturday 5 December: Thursday's (Friday's hours end later and its break is longer).
    expect(jakarta(officeAfternoon('Asia/Jakarta', at('2026-12-05T05:00:00Z')))).toBe('2026-12-03 15:30');
    // Exactly 15:30 counts.
    expect(jakarta(officeAfternoon('Asia/Jakarta', at('2026-12-02T08:30:00Z')))).toBe('2026-12-02 15:30');
  });
});
