import {
  EXECUTION_LIMIT_SECONDS,
  estimatedImportSeconds,
  estimatedReportSeconds,
  importFits,
  importRowsThatFit,
  registerSize,
  reportFits,
} from '../../../src/core/terpilah/size-guard';

const register = (participants: number, columns = 14) => registerSize(participants + 1, columns);

describe('the report size guard', () => {
  test('the report fits at 300,000 participants (the issue’s budget), even on the pessimistic figures', () => {
    expect(reportFits(register(100_000))).toBe(true);
    expect(reportFits(register(300_000))).toBe(true);
    expect(estimatedReportSeconds(register(300_000))).toBeLessThan(EXECUTION_LIMIT_SECONDS);
  });

  test('a register that would not finish in 6 minutes is refused', () => {
    expect(reportFits(register(400_000))).toBe(false);
    expect(reportFits(register(1_000_000))).toBe(false);
    // Wider rows cost more: 300,000 rows of 30 columns do not fit.
    expect(reportFits(register(300_000, 30))).toBe(false);
  });

  test('the estimate grows with the cells and the rows, and is never negative', () => {
    expect(estimatedReportSeconds(register(0))).toBeGreaterThan(0);
    expect(estimatedReportSeconds(register(2000))).toBeGreaterThan(estimatedReportSeconds(register(1000)));
    expect(estimatedReportSeconds(register(1000, 20))).toBeGreaterThan(
      estimatedReportSeconds(register(1000)),
    );
    expect(estimatedReportSeconds({ cells: -5, participants: -3 })).toBeGreaterThan(0);
    expect(registerSize(-1, 14)).toEqual({ cells: 0, participants: 0 });
  });
});

describe('the import size guard', () => {
  // The benchmark's form: 6 mapped columns; Peserta's 14 values, 13 text formats, 5 dropdowns.
  const form = (rows: number) => ({ rows, columnsRead: 6, cellsWrittenPerRow: 14 + 13 + 5 });

  test('50,000 rows fit; a source too large for 6 minutes is refused', () => {
    expect(importFits(form(50_000))).toBe(true);
    expect(importFits(form(300_000))).toBe(true);
    expect(importFits(form(400_000))).toBe(false);
    expect(importFits(form(2_000_000))).toBe(false);
  });

  test('the rows that fit are the largest size that fits', () => {
    const shape = { columnsRead: 6, cellsWrittenPerRow: 32 };
    const max = importRowsThatFit(shape);
    expect(max).toBeGreaterThan(300_000);
    expect(importFits({ ...shape, rows: max })).toBe(true);
    expect(importFits({ ...shape, rows: max + 1 })).toBe(false);
    // More columns read, fewer rows.
    expect(importRowsThatFit({ ...shape, columnsRead: 14 })).toBeLessThan(max);
  });

  test('the estimate grows with the rows and the columns, and is never negative', () => {
    expect(estimatedImportSeconds(form(0))).toBeGreaterThan(0);
    expect(estimatedImportSeconds(form(2000))).toBeGreaterThan(estimatedImportSeconds(form(1000)));
    expect(estimatedImportSeconds({ ...form(1000), columnsRead: 7 })).toBeGreaterThan(
      estimatedImportSeconds(form(1000)),
    );
    expect(estimatedImportSeconds({ rows: -1, columnsRead: -2, cellsWrittenPerRow: -3 })).toBeGreaterThan(0);
    expect(estimatedImportSeconds({ rows: 10, columnsRead: -2, cellsWrittenPerRow: -3 })).toBeGreaterThan(0);
  });
});
