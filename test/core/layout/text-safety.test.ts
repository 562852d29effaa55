import { asLiteralText, needsApostrophe } from '../../../src/core/layout/text-safety';

describe('asLiteralText', () => {
  test.each([
    '=SUM(A1:A3)',
    '+628123',
    '-5',
    '@user',
    "'quoted",
    '\tTAB',
    '\rCR',
    '007',
    '3201234567890123',
    '1.5',
    '12%',
    '2019-04-15',
    '15/04/2019',
    'TRUE',
    '0E0',
    '1e3',
    '2.5E-3',
    'false',
    '1 April 2019',
    '420 atau'.slice(0, 3),
  ])('%p is written with an apostrophe', (text) => {
    expect(needsApostrophe(text)).toBe(true);
    expect(asLiteralText(text)).toBe(`'${text}`);
  });

  test.each([
    'Penguatan PUG',
    '420 atau 840',
    'Dra. SUSANTI, MAP',
    'NIP. 19650713 199203 2 002',
    '',
    'ATK dan white board',
    '<b>x</b>',
    '👩‍💼 Peserta',
  ])('%p is plain text already', (text) => expect(asLiteralText(text)).toBe(text));
});
