import {
  EXECUTION_LIMIT_SECONDS,
  estimatedReportSeconds,
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
