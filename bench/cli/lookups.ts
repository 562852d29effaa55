/**
 * The spellings the reference implementations (arquero, DuckDB) normalise with: the same words
 * the core reads (sex, role, regency, disability, months), as plain lookups they can use.
 */
export { SEX_SPELLINGS } from '../../src/core/terpilah/sex';

export const ROLE_WORDS: Record<string, string> = {
  peserta: 'peserta',
  'peserta undangan': 'peserta',
  narasumber: 'narasumber',
  pemateri: 'narasumber',
  panitia: 'panitia',
};

export const REGENCY_SPELLINGS: Record<string, string> = {
  bangka: 'Bangka',
  'kab. bangka': 'Bangka',
  'kab bangka': 'Bangka',
  sungailiat: 'Bangka',
  bateng: 'Bangka Tengah',
  'bangka tengah': 'Bangka Tengah',
  'pangkal pinang': 'Pangkalpinang',
  pangkalpinang: 'Pangkalpinang',
  pgk: 'Pangkalpinang',
  belitung: 'Belitung',
  toboali: 'Bangka Selatan',
  'bangka selatan': 'Bangka Selatan',
};

export const DISABILITY_WORDS: Record<string, boolean> = {
  ya: true,
  y: true,
  ada: true,
  tidak: false,
  t: false,
  'tidak ada': false,
  '-': false,
};

export const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['maret', 'mar'],
    ['april', 'apr'],
    ['mei', 'mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['agustus', 'agu'],
    ['september', 'sep'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['desember', 'des'],
  ].flatMap(([long, short], i) => [
    [long, i + 1],
    [short, i + 1],
  ]),
);

/** The dimensions every reference implementation counts per sex (all activities, then per activity). */
export const DIMENSIONS = ['role', 'ageGroup', 'lifeStage', 'institution', 'regency', 'disability'] as const;
