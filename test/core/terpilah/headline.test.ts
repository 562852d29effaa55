import { terpilahHeadlineOf } from '../../../src/core/terpilah/headline';

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
