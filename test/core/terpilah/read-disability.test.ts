import { readDisability } from '../../../src/core/terpilah/read-disability';
import { cellsOf } from './cells';

describe('readDisability', () => {
  test('the yes/no column alone', () => {
    expect(['Ya', 'Tidak', '?', ''].map((d) => readDisability(cellsOf({ disability: d }).cells))).toEqual([
      true,
      false,
      null,
      null,
    ]);
  });

  test('the Washington Group columns alone: any severe domain is a disability', () => {
    const wg = (wgSeeing: string, wgWalking: string) =>
      readDisability(cellsOf({ wgSeeing, wgWalking }).cells);
    expect(wg('Tidak ada kesulitan', 'Banyak kesulitan')).toBe(true);
    expect(wg('Tidak ada kesulitan', 'Sedikit kesulitan')).toBe(false);
    expect(wg('', '')).toBeNull();
  });

  test('both: a yes from either wins, then a no from either', () => {
    const both = (disability: string, wgHearing: string) =>
      readDisability(cellsOf({ disability, wgHearing }).cells);
    expect(both('Tidak', 'Tidak bisa sama sekali')).toBe(true);
    expect(both('Ya', 'Tidak ada kesulitan')).toBe(true);
    expect(both('?', 'Tidak ada kesulitan')).toBe(false);
    expect(both('Tidak', '')).toBe(false);
    expect(both('', '')).toBeNull();
  });

  test('no column at all: unknown', () => {
    expect(readDisability(cellsOf({ name: 'Ani' }).cells)).toBeNull();
  });
});
