import { asLiteralText } from '../../../src/core/plan/text-safety';
import { compareReadBack, describeValue, PROBE_TEXTS, probePlan } from '../../../src/core/self-check/probe';

/** Texts the workbench parses as Sheets would: asLiteralText must protect them. */
const WORKBENCH_PARSED = [
  '=1+1',
  '+62812',
  '-5',
  '007',
  '1e3',
  '2024-04-15',
  'TRUE',
  "'kutip",
  '3201234567890123',
];
/** Texts only a real sheet reinterprets: what the real-sheet run is for. */
const SHEETS_ONLY = ['April 2024', '9:30 PM', 'Rp 100', '50 %', '(100)', '1/2'];

describe('probe sheet texts', () => {
  test('cover the strings Sheets would reinterpret, a quote, a 16-digit NIK and emoji', () => {
    for (const text of [...WORKBENCH_PARSED, ...SHEETS_ONLY]) expect(PROBE_TEXTS).toContain(text);
    expect(PROBE_TEXTS.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true);
  });

  test('the plan has each text in a plain cell and in a "@" cell', () => {
    const plan = probePlan('Periksa pemasangan ~abc', ['007', 'x']);
    expect(plan.values).toEqual([
      ['007', '007'],
      ['x', 'x'],
    ]);
    expect(plan.styles).toEqual([
      [null, { numberFormat: '@' }],
      [null, { numberFormat: '@' }],
    ]);
    expect(plan.sheetName).toBe('Periksa pemasangan ~abc');
  });

  test('an exact read-back has no changes', () => {
    expect(
      compareReadBack(
        PROBE_TEXTS,
        PROBE_TEXTS.map((text) => [text, text]),
      ),
    ).toEqual([]);
  });

  test('every changed value is listed, with its column, numbers and text told apart', () => {
    const back = [
      [2, '=1+1'],
      ['007', 7],
      [true, 'TRUE'],
      [new Date('2024-04-14T17:00:00Z'), '2024-04-15'],
      [3201234567890120, '3201234567890123'],
      ['kutip', "'kutip"],
    ];
    expect(
      compareReadBack(['=1+1', '007', 'TRUE', '2024-04-15', '3201234567890123', "'kutip"], back),
    ).toEqual([
      { written: '=1+1', readBack: '2', column: 'plain' },
      { written: '007', readBack: '7', column: 'text' },
      { written: 'TRUE', readBack: 'TRUE', column: 'plain' },
      { written: '2024-04-15', readBack: 'Date(2024-04-14T17:00:00.000Z)', column: 'plain' },
      { written: '3201234567890123', readBack: '3201234567890120', column: 'plain' },
      { written: "'kutip", readBack: '"kutip"', column: 'plain' },
    ]);
  });

  test('a short or missing read-back counts as changed', () => {
    expect(compareReadBack(['a', 'b'], [['a']])).toEqual([
      { written: 'a', readBack: '(none)', column: 'text' },
      { written: 'b', readBack: '(none)', column: 'plain' },
      { written: 'b', readBack: '(none)', column: 'text' },
    ]);
  });

  test('describeValue: strings quoted, others as Sheets shows them', () => {
    expect(describeValue('7')).toBe('"7"');
    expect(describeValue(7)).toBe('7');
    expect(describeValue(false)).toBe('FALSE');
    expect(describeValue(new Date(NaN))).toBe('Date(?)');
    expect(describeValue(null)).toBe('null');
  });

  test('asLiteralText protects at least the texts the workbench parses', () => {
    // The rest (SHEETS_ONLY) is what the real-sheet run is for.
    for (const text of WORKBENCH_PARSED) expect(asLiteralText(text)).toBe(`'${text}`);
  });
});
