import {
  headlineReadsColumns,
  rowsOfActivity,
  statesSex,
  terpilahHeadlineOf,
} from '../../../src/core/terpilah/headline';

const sex = (L: number, P: number, unknown: number) => ({
  category: 'Semua',
  L,
  P,
  unknown,
  total: L + P + unknown,
  percentL: null,
  percentP: null,
  sexRatio: null,
});

describe('terpilahHeadlineOf', () => {
  test('% women of the participants whose sex is known, rounded', () => {
    const headline = terpilahHeadlineOf({ participants: 10, sex: sex(3, 5, 2) }, 'Rapat PUG', 'id');
    expect(headline).toMatchObject({
      activity: 'Rapat PUG',
      participants: 10,
      L: 3,
      P: 5,
      unknown: 2,
      percentP: 63,
    });
    expect(headline.narrative).toContain('63');
  });

  test('no participants, or none with a known sex: no percentage, a sentence that says so', () => {
    const none = terpilahHeadlineOf({ participants: 0, sex: sex(0, 0, 0) }, '', 'id');
    const unknown = terpilahHeadlineOf({ participants: 4, sex: sex(0, 0, 4) }, '', 'en');
    expect(none.percentP).toBe(null);
    expect(unknown.percentP).toBe(null);
    expect(none.narrative).not.toBe(unknown.narrative);
    expect(unknown.narrative).toContain('4');
  });
});

describe('what the headline reads', () => {
  test('a named activity reads columns; "all" and the unnamed activity read every cell', () => {
    expect(headlineReadsColumns('Rapat PUG')).toBe(true);
    expect(headlineReadsColumns('')).toBe(false);
    expect(headlineReadsColumns('Tanpa nama kegiatan')).toBe(false);
  });

  test('rows of an activity are matched as the normaliser cleans the cell', () => {
    expect(
      rowsOfActivity(['Rapat PUG', ' Rapat  PUG ', 'rapat pug', '', 7, 'Rapat\u200bPUG'], 'Rapat PUG', 'UTC'),
    ).toEqual([0, 1, 5]);
  });

  test('a stated sex is text the normaliser reads as L or P; anything else needs the NIK and NIP', () => {
    expect(['L', 'p ', 'PEREMPUAN', 'laki2'].map(statesSex)).toEqual([true, true, true, true]);
    expect(['', 'x', 1, true, null, undefined].map(statesSex)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
