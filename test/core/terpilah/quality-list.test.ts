import fc from 'fast-check';
import type { QualityCode, QualityFinding } from '../../../src/core/terpilah/model';
import {
  findingCount,
  qualityDigest,
  qualityLabel,
  qualityTypesText,
  QualityDigestTally,
  QUALITY_ROWS_PER_TYPE,
} from '../../../src/core/terpilah/quality-list';
import { formatNumberId } from '../../../src/core/format';

const finding = (row: number, code: QualityCode): QualityFinding => ({
  row,
  code,
  message: `Baris ${row}: x`,
});

describe('qualityDigest', () => {
  test('groups by type in a fixed order, the first rows of each, the rest counted', () => {
    const findings = [
      finding(9, 'duplicateNik'),
      ...Array.from({ length: 30 }, (_, i) => finding(100 - i, 'nameMissing')),
      finding(3, 'birthDateFuture'),
    ];
    const groups = qualityDigest(findings);
    expect(groups.map((g) => [g.code, g.label, g.count, g.shown.length, g.more])).toEqual([
      ['birthDateFuture', 'Tanggal lahir sesudah tanggal kegiatan', 1, 1, 0],
      ['nameMissing', 'Nama kosong', 30, 20, 10],
      ['duplicateNik', 'NIK ganda', 1, 1, 0],
    ]);
    expect(groups[1].shown.map((f) => f.row)).toEqual(Array.from({ length: 20 }, (_, i) => 71 + i));
    expect(qualityTypesText(groups, formatNumberId)).toBe(
      'Tanggal lahir sesudah tanggal kegiatan: 1, Nama kosong: 30, NIK ganda: 1',
    );
  });

  test('English labels; every code has a label in both languages (none shown as its code)', () => {
    expect(qualityLabel('sexFromNik', 'en')).toBe('Sex blank or unreadable, filled from the NIK');
    expect(qualityLabel('institutionUngrouped', 'id')).toBe('Instansi belum dikelompokkan');
    const groups = qualityDigest([finding(1, 'institutionUngrouped'), finding(2, 'sexUnknown')], 5, 'en');
    expect(groups.map((g) => g.label)).toEqual(['Sex unknown', 'Institution not grouped']);
  });

  test('property: every finding is counted once; shown are the lowest rows, at most perType', () => {
    const codes: QualityCode[] = ['sexUnknown', 'nameMissing', 'duplicateNik', 'ageOver100'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: fc.integer({ min: 1, max: 500 }), code: fc.constantFrom(...codes) })),
        fc.integer({ min: 0, max: 30 }),
        (list, perType) => {
          const findings = list.map((f) => finding(f.row, f.code));
          const groups = qualityDigest(findings, perType);
          expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
          for (const g of groups) {
            const rows = findings.filter((f) => f.code === g.code).map((f) => f.row);
            expect(g.count).toBe(rows.length);
            expect(g.shown.length).toBe(Math.min(perType, rows.length));
            expect(g.shown.length + g.more).toBe(g.count);
            expect(g.shown.map((f) => f.row)).toEqual(rows.sort((a, b) => a - b).slice(0, perType));
          }
        },
      ),
    );
    expect(QUALITY_ROWS_PER_TYPE).toBe(20);
  });
});

describe('QualityDigestTally', () => {
  test('property: built one finding at a time, in any order, it is qualityDigest of them all', () => {
    const codes: QualityCode[] = ['sexUnknown', 'nameMissing', 'duplicateNik', 'ageOver100', 'nikInvalid'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Ties and rows that are no number test the order among equals (the first added first).
            row: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(Number.NaN)),
            code: fc.constantFrom(...codes),
          }),
          { maxLength: 300 },
        ),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom('id' as const, 'en' as const),
        (list, perType, language) => {
          const findings = list.map((f, i) => ({ ...finding(f.row, f.code), message: `m${i}` }));
          const tally = new QualityDigestTally(perType);
          findings.forEach((f) => tally.add(f));
          expect(tally.groups(language)).toEqual(qualityDigest(findings, perType, language));
          expect(tally.count).toBe(findings.length);
          // What a streamed summary carries (quality + qualityCounts) gives the same digest and count.
          const { quality, qualityCounts } = tally.digest();
          expect(qualityDigest(quality, perType, language, qualityCounts)).toEqual(
            qualityDigest(findings, perType, language),
          );
          expect(findingCount(quality, qualityCounts)).toBe(findings.length);
        },
      ),
    );
  });

  test('keeps the default number of rows per type, and the rest only as a count', () => {
    const tally = new QualityDigestTally();
    for (let row = 1; row <= 1000; row++) tally.add(finding(row, 'nameMissing'));
    const [group] = tally.groups();
    expect([group.count, group.shown.length, group.more]).toEqual([1000, QUALITY_ROWS_PER_TYPE, 980]);
    expect(group.shown.map((f) => f.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
