/** Sex as data terpilah counts it: L (laki-laki), P (perempuan), or unknown (null). */
export type Sex = 'L' | 'P';

const MALE = [
  'l',
  'lk',
  'laki',
  'laki laki',
  'lakilaki',
  'laki2',
  'laki-laki',
  'pria',
  'cowok',
  'm',
  'male',
  'man',
  'boy',
  'lelaki',
  'laki - laki',
];
const FEMALE = [
  'p',
  'pr',
  'prp',
  'perempuan',
  'wanita',
  'cewek',
  'f',
  'female',
  'woman',
  'girl',
  'pere mpuan',
];
/**
 * Every spelling as staff type it, to its sex: the one table, for a reference implementation
 * (bench/cli) that does its own normalising and needs only the words.
 */
export const SEX_SPELLINGS: Readonly<Record<string, Sex>> = Object.fromEntries([
  ...MALE.map((s) => [s, 'L'] as const),
  ...FEMALE.map((s) => [s, 'P'] as const),
]);
const canonical = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[.\s]+$/g, '')
    .replace(/^\s+/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
const TABLE = new Map<string, Sex>([
  ...MALE.map((s) => [canonical(s), 'L'] as const),
  ...FEMALE.map((s) => [canonical(s), 'P'] as const),
]);

/**
 * Reads the spellings staff type (L, Lk., Laki-laki, laki2, Pria, M, Male; P, Pr, Perempuan,
 * Wanita, F, Female; any case, stray spaces and dots). Anything else is unknown, never guessed.
 */
export function parseSex(value: unknown): Sex | null {
  if (typeof value !== 'string') return null;
  const text = canonical(value);
  return (
    TABLE.get(text) ?? TABLE.get(text.replace(/-/g, ' ')) ?? TABLE.get(text.replace(/[\s-]/g, '')) ?? null
  );
}
