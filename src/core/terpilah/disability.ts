/**
 * Disability from a yes/no answer or from the Washington Group short set: "banyak kesulitan"
 * or "tidak bisa sama sekali" in any of the six domains (seeing, hearing, walking, remembering,
 * self-care, communicating) means a disability. Unreadable answers are unknown (null).
 */
const YES = ['ya', 'y', 'yes', 'ada', 'iya', 'disabilitas', 'penyandang disabilitas', 'difabel', 'true', '1'];
const NO = [
  'tidak',
  't',
  'no',
  'n',
  'tidak ada',
  'tdk',
  'bukan',
  'non disabilitas',
  'nondisabilitas',
  'false',
  '0',
  '-',
];
const WG_SEVERE = [
  'banyak kesulitan',
  'tidak bisa sama sekali',
  'tidak dapat sama sekali',
  'a lot of difficulty',
  'cannot do at all',
];
const WG_MILD = [
  'tidak ada kesulitan',
  'tidak kesulitan',
  'sedikit kesulitan',
  'no difficulty',
  'some difficulty',
];

const norm = (value: unknown) =>
  (typeof value === 'boolean'
    ? String(value)
    : typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? value
        : ''
  )
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export function parseDisabilityAnswer(value: unknown): boolean | null {
  const text = norm(value);
  if (YES.includes(text)) return true;
  if (NO.includes(text)) return false;
  return null;
}

/** The six Washington Group answers; true when any is severe, false when all are read and mild. */
export function washingtonGroup(answers: unknown[]): boolean | null {
  const texts = answers.map(norm).filter((t) => t !== '');
  if (texts.some((t) => WG_SEVERE.includes(t))) return true;
  if (texts.length > 0 && texts.every((t) => WG_MILD.includes(t))) return false;
  return null;
}
