import {
  attempt,
  CHECK_IDS,
  errorText,
  SELF_CHECKS,
  type CheckResult,
} from '../../../src/core/self-check/checks';
import { selfCheckReport } from '../../../src/core/self-check/report';

const allPass = (): CheckResult[] => CHECK_IDS.map((id) => ({ id, status: 'pass' }));

describe('self-check report', () => {
  test('lists every check once, in order, with ✓ and an all-passed summary', () => {
    const text = selfCheckReport(allPass(), 'id', '1.2.3');
    const lines = text.split('\n');
    expect(lines[0]).toBe('SOP & Data Terpilah versi 1.2.3: pemeriksaan di spreadsheet ini.');
    expect(lines.filter((l) => l.startsWith('✓ '))).toHaveLength(SELF_CHECKS.length);
    expect(lines[2]).toBe('✓ Zona waktu (Intl.DateTimeFormat, Asia/Jakarta)');
    expect(lines[lines.length - 1]).toBe('Semua 13 pemeriksaan lulus: add-in siap dipakai.');
    expect(text).not.toContain('✗');
  });

  test('a failure shows ✗, its detail, what to do, and counts in the summary', () => {
    const results = allPass().map((r): CheckResult =>
      r.id === 'lock' ? { id: 'lock', status: 'fail', detail: { key: 'selfCheckLockBusy' } } : r,
    );
    const lines = selfCheckReport(results, 'id', '1.2.3').split('\n');
    const at = lines.indexOf('✗ Kunci dokumen (LockService): sedang dipakai proses lain');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}→ Bila sedang dipakai orang lain, tunggu sebentar/);
    expect(lines[lines.length - 1]).toMatch(/^1 dari 13 pemeriksaan tidak lulus\./);
  });

  test('changed read-backs are listed under the check; skipped and missing checks show –', () => {
    const results: CheckResult[] = [
      ...allPass().filter((r) => r.id !== 'literalText' && r.id !== 'cleanup' && r.id !== 'metadata'),
      {
        id: 'literalText',
        status: 'fail',
        detail: { key: 'selfCheckTextsChanged', params: { count: 1 } },
        changes: [{ written: '007', readBack: '7', column: 'plain' }],
      },
      { id: 'metadata', status: 'skip', detail: { key: 'selfCheckNeedsProbeSheet' } },
    ];
    const text = selfCheckReport(results, 'en', '1.2.3');
    expect(text).toContain(
      '✗ Text kept as typed ("=1+1", "007", 16-digit NIK, …): 1 cells read back changed:\n    "007" → 7 (plain column)\n    → Sheets changed the text above.',
    );
    expect(text).toContain(
      '– Sheet markers (developer metadata): not run: the temporary sheet could not be created',
    );
    expect(text).toContain('– Temporary sheet removed: not run');
    expect(text).toMatch(/3 of 13 checks did not pass\. Follow the steps marked →/);
  });

  test('every check has an Indonesian and an English label and fix', () => {
    for (const language of ['id', 'en'] as const) {
      const text = selfCheckReport(
        CHECK_IDS.map((id) => ({ id, status: 'fail' })),
        language,
        '0',
      );
      expect(text.match(/^✗ /gm)).toHaveLength(13);
      expect(text.match(/^ {4}→ \S/gm)).toHaveLength(13);
    }
  });
});

describe('attempt and errorText', () => {
  test('a throwing check fails with the first line of its message, never the stack', () => {
    const error = new TypeError(
      'Cannot read properties of null (reading "getName")\n    at probe (Code:12:3)',
    );
    expect(
      attempt('spreadsheet', () => {
        throw error;
      }),
    ).toEqual({
      id: 'spreadsheet',
      status: 'fail',
      detail: {
        key: 'selfCheckThrew',
        params: { message: 'TypeError: Cannot read properties of null (reading "getName")' },
      },
    });
  });

  test('Apps Script exceptions (name Exception), strings and long messages', () => {
    const exception = Object.assign(new Error('You do not have permission to call X'), { name: 'Exception' });
    expect(errorText(exception)).toBe('You do not have permission to call X');
    expect(errorText('plain')).toBe('plain');
    expect(errorText({ message: 'x'.repeat(400) })).toHaveLength(300);
  });
});
