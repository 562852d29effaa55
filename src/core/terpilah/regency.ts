import { BABEL_PROVINCE, BABEL_REGENCIES } from './nik';

/**
 * Regencies/cities of Bangka Belitung in the spellings staff use ("Kab. Bangka", "Bateng",
 * "Pangkal Pinang", "PGK", Kemendagri codes "1971"/"71"); others are kept as written (tidied).
 */
const ALIASES: Record<string, string[]> = {
  Bangka: ['bangka', 'bangka induk', 'kab bangka', 'kabupaten bangka', 'sungailiat', 'sungai liat'],
  Belitung: ['belitung', 'kab belitung', 'kabupaten belitung', 'belitong', 'tanjung pandan', 'tanjungpandan'],
  'Bangka Selatan': ['bangka selatan', 'basel', 'kab bangka selatan', 'kabupaten bangka selatan', 'toboali'],
  'Bangka Tengah': ['bangka tengah', 'bateng', 'kab bangka tengah', 'kabupaten bangka tengah', 'koba'],
  'Bangka Barat': ['bangka barat', 'babar', 'kab bangka barat', 'kabupaten bangka barat', 'mentok', 'muntok'],
  'Belitung Timur': ['belitung timur', 'beltim', 'kab belitung timur', 'kabupaten belitung timur', 'manggar'],
  Pangkalpinang: [
    'pangkalpinang',
    'pangkal pinang',
    'kota pangkalpinang',
    'kota pangkal pinang',
    'pgk',
    'pkp',
  ],
};

const key = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\bkab(upaten)?\b\.?/g, 'kab ')
    .replace(/[.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const LOOKUP = new Map<string, string>();
for (const [name, aliases] of Object.entries(ALIASES))
  for (const alias of aliases) LOOKUP.set(key(alias), name);
for (const [code, name] of Object.entries(BABEL_REGENCIES)) {
  LOOKUP.set(code, name);
  LOOKUP.set(BABEL_PROVINCE + code, name);
}

export interface RegencyReading {
  /** The canonical name for Bangka Belitung, or the text as written (spaces tidied). */
  name: string;
  babel: boolean;
}

/** null for a blank cell. */
export function parseRegency(value: unknown): RegencyReading | null {
  const text =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? value.replace(/\s+/g, ' ').trim()
        : '';
  if (text === '' || text === '-') return null;
  const found = LOOKUP.get(key(text));
  return found ? { name: found, babel: true } : { name: text.slice(0, 100), babel: false };
}
