/**
 * Institution names as comparable tokens. Staff write one office many ways ("Bappeda Prov. Babel",
 * "BAPPEDA Provinsi Kep. Bangka Belitung", "Badan Perencanaan Pembangunan Daerah Provinsi
 * Kepulauan Bangka Belitung"); the key of a name is the set of its tokens after case, punctuation,
 * spacing and the usual abbreviations are undone, so all of these share one key. The key is
 * order-free (sorted tokens): "Provinsi Babel, Bappeda" is the same office.
 */

/** One token → its expansion (applied once, left to right). */
const EXPANSIONS: Record<string, string> = {
  prov: 'provinsi',
  prop: 'provinsi',
  propinsi: 'provinsi',
  kep: 'kepulauan',
  kab: 'kabupaten',
  babel: 'bangka belitung',
  belitong: 'belitung',
  pemprov: 'pemerintah provinsi',
  pemkab: 'pemerintah kabupaten',
  pemkot: 'pemerintah kota',
  // Regency nicknames (as in regency.ts).
  bateng: 'bangka tengah',
  basel: 'bangka selatan',
  babar: 'bangka barat',
  beltim: 'belitung timur',
  // Office abbreviations every region uses.
  setda: 'sekretariat daerah',
  sekda: 'sekretariat daerah',
  setwan: 'sekretariat dprd',
  bappeda: 'badan perencanaan pembangunan daerah',
  dinkes: 'dinas kesehatan',
  disdik: 'dinas pendidikan',
  dindik: 'dinas pendidikan',
  dinsos: 'dinas sosial',
  diskominfo: 'dinas komunikasi informatika',
  kominfo: 'komunikasi informatika',
  dishub: 'dinas perhubungan',
  disdukcapil: 'dinas kependudukan pencatatan sipil',
  dukcapil: 'kependudukan pencatatan sipil',
  bpbd: 'badan penanggulangan bencana daerah',
  kesbangpol: 'badan kesatuan bangsa politik',
};

/** Tokens that say nothing about which office it is. */
const DROPPED = new Set(['dan', 'serta', 'kabupaten']);

/** Lower case, compatibility forms folded, accents removed, "&" read as "dan". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ');
}

/**
 * The tokens of a name, in order: letters and digits only, abbreviations expanded, "Kabupaten"
 * and "dan" dropped, "Kota Pangkalpinang" = "Pangkalpinang", and the province in any spelling
 * ("Babel", "Kep. Bangka Belitung", "Provinsi Kepulauan Bangka Belitung") = "provinsi bangka
 * belitung".
 */
export function institutionTokens(name: unknown): string[] {
  if (typeof name !== 'string' && typeof name !== 'number') return [];
  const raw = fold(String(name).slice(0, 500))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const expanded: string[] = [];
  for (const token of raw) expanded.push(...(EXPANSIONS[token] ?? token).split(' '));
  const tokens: string[] = [];
  for (let i = 0; i < expanded.length; i++) {
    const token = expanded[i];
    if (token === 'pangkal' && expanded[i + 1] === 'pinang') {
      tokens.push('pangkalpinang');
      i++;
    } else if (token === 'kota' && (expanded[i + 1] === 'pangkalpinang' || expanded[i + 1] === 'pangkal'))
      continue;
    else if (!DROPPED.has(token)) tokens.push(token);
  }
  return provinceFolded(tokens);
}

/** "(provinsi) (kepulauan) bangka belitung" → "provinsi bangka belitung". */
function provinceFolded(tokens: string[]): string[] {
  const at = tokens.findIndex((t, i) => t === 'bangka' && tokens[i + 1] === 'belitung');
  if (at < 0) return tokens;
  let start = at;
  if (tokens[start - 1] === 'kepulauan') start--;
  if (tokens[start - 1] === 'provinsi') start--;
  return [...tokens.slice(0, start), 'provinsi', 'bangka', 'belitung', ...tokens.slice(at + 2)];
}

/** The order-free key: the distinct tokens, sorted, space-separated ("" for a blank name). */
export function institutionKey(name: unknown): string {
  return keyOfTokens(institutionTokens(name));
}

export function keyOfTokens(tokens: readonly string[]): string {
  return [...new Set(tokens)].sort().join(' ');
}

/** The tokens that name the province. */
export const PROVINCE_TOKENS: readonly string[] = ['provinsi', 'bangka', 'belitung'];
