/**
 * The office's institution directory (the `Instansi` sheet): canonical names and the spellings
 * that mean them. A spelling is grouped when its token key (instansi-tokens.ts) equals the key of
 * an active row's canonical name or alias. Rows with status "Usulan" wait for the office's
 * confirmation and group nothing; "Ditolak" says a spelling is not that institution (and is not
 * suggested for it again). Any other status (Bawaan, Dikonfirmasi, blank, typed by hand) is active.
 * On a key claimed by two canonical names the first row wins.
 */
import { institutionTokens, keyOfTokens, PROVINCE_TOKENS } from './instansi-tokens';

export const STATUS_SEED = 'Bawaan';
export const STATUS_CONFIRMED = 'Dikonfirmasi';
export const STATUS_PENDING = 'Usulan';
export const STATUS_REJECTED = 'Ditolak';
export const INSTANSI_STATUSES = [STATUS_SEED, STATUS_CONFIRMED, STATUS_PENDING, STATUS_REJECTED];

export interface InstitutionRow {
  canonical: string;
  /** "" for a row that only names the institution. */
  alias: string;
  status: string;
}

/** Tokens that place an office (province, regency/city) rather than name it. */
const PLACE = new Set([
  'provinsi',
  'bangka',
  'belitung',
  'pangkalpinang',
  'selatan',
  'tengah',
  'barat',
  'timur',
]);

/** A name split into what it is (office tokens) and where (place tokens, "Provinsi" alone = Babel). */
export interface SplitName {
  office: string[];
  place: string;
}

export function splitName(tokens: readonly string[]): SplitName {
  const office = tokens.filter((t) => !PLACE.has(t));
  let places = tokens.filter((t) => PLACE.has(t));
  if (places.includes('provinsi')) places = [...places, ...PROVINCE_TOKENS];
  return { office: [...new Set(office)].sort(), place: keyOfTokens(places) };
}

const statusOf = (status: string) =>
  String(status ?? '')
    .trim()
    .toLowerCase();
export const isPending = (status: string) => statusOf(status) === STATUS_PENDING.toLowerCase();
export const isRejected = (status: string) => statusOf(status) === STATUS_REJECTED.toLowerCase();

interface Candidate {
  canonical: string;
  split: SplitName;
}

export class InstitutionDirectory {
  private readonly byKey = new Map<string, string>();
  /** Every active name/alias, for suggestions; indexed by office token. */
  private readonly candidates: Candidate[] = [];
  private readonly byToken = new Map<string, number[]>();
  private readonly rejectedPairs = new Set<string>();
  private readonly pendingKeys = new Set<string>();
  private readonly canonicalNames = new Set<string>();

  constructor(rows: readonly InstitutionRow[]) {
    const list: readonly InstitutionRow[] = Array.isArray(rows) ? rows : [];
    for (const row of list) {
      const canonical = tidy(row?.canonical);
      if (canonical === '') continue;
      const alias = tidy(row?.alias);
      if (isRejected(row.status)) {
        if (alias) this.rejectedPairs.add(pairKey(alias, canonical));
        continue;
      }
      if (isPending(row.status)) {
        // A suggested new institution waits as its own name (no alias).
        this.pendingKeys.add(keyOfTokens(institutionTokens(alias || canonical)));
        continue;
      }
      this.canonicalNames.add(canonical);
      const canonicalTokens = institutionTokens(canonical);
      const provincial = PROVINCE_TOKENS.every((t) => canonicalTokens.includes(t));
      for (const name of alias ? [canonical, alias] : [canonical]) {
        const tokens = institutionTokens(name);
        this.add(tokens, canonical);
        // A bare alias of a provincial office ("Dinas Kesehatan") with the province named too.
        if (provincial && name === alias && !tokens.some((t) => PLACE.has(t)))
          this.add([...tokens, ...PROVINCE_TOKENS], canonical);
      }
    }
  }

  private add(tokens: string[], canonical: string): void {
    const key = keyOfTokens(tokens);
    if (key === '' || this.byKey.has(key)) return;
    this.byKey.set(key, canonical);
    const index = this.candidates.length;
    const split = splitName(tokens);
    this.candidates.push({ canonical, split });
    for (const token of split.office) {
      const list = this.byToken.get(token);
      if (list) list.push(index);
      else this.byToken.set(token, [index]);
    }
  }

  /** The canonical name of a spelling, or null when no active row groups it. */
  canonicalOf(spelling: string): string | null {
    return this.byKey.get(keyOfTokens(institutionTokens(spelling))) ?? null;
  }

  /** Whether the office said this spelling is not this institution. */
  isRejected(spelling: string, canonical: string): boolean {
    return this.rejectedPairs.has(pairKey(tidy(spelling), tidy(canonical)));
  }

  /** Whether a suggestion for this spelling already waits in the sheet. */
  isPending(spelling: string): boolean {
    return this.pendingKeys.has(keyOfTokens(institutionTokens(spelling)));
  }

  hasCanonical(name: string): boolean {
    return this.canonicalNames.has(tidy(name));
  }

  /**
   * The closest canonical name: same place, and office tokens alike (Dice ≥ threshold, a token
   * within one typo counts as equal); null when none is close enough.
   */
  closest(spelling: string, threshold = 0.75): { canonical: string; score: number } | null {
    const split = splitName(institutionTokens(spelling));
    if (split.office.length === 0) return null;
    const seen = new Set<number>();
    let best: { canonical: string; score: number } | null = null;
    const consider = (index: number) => {
      if (seen.has(index)) return;
      seen.add(index);
      const candidate = this.candidates[index];
      if (candidate.split.place !== split.place) return;
      const score = dice(split.office, candidate.split.office);
      if (score < threshold || (best && score <= best.score)) return;
      if (this.isRejected(spelling, candidate.canonical)) return;
      best = { canonical: candidate.canonical, score };
    };
    for (const token of split.office) for (const index of this.byToken.get(token) ?? []) consider(index);
    // A typo in every office token shares none exactly: look at all (rare, small lists).
    if (best === null) for (let i = 0; i < this.candidates.length; i++) consider(i);
    return best;
  }
}

const pairKey = (alias: string, canonical: string) =>
  `${keyOfTokens(institutionTokens(alias))}\u0000${canonical}`;

/** One line, single spaces, at most 200 characters. */
export function tidy(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value).replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** 2 × matches ÷ (|a| + |b|), a token matching at most once, typos allowed on long tokens. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const used = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (const token of a) {
    let at = b.findIndex((other, j) => !used[j] && other === token);
    if (at < 0) at = b.findIndex((other, j) => !used[j] && nearlyEqual(token, other));
    if (at >= 0) {
      used[at] = true;
      matches++;
    }
  }
  return (2 * matches) / (a.length + b.length);
}

/** Equal up to one edit (tokens of 5+ letters) or two (9+). */
export function nearlyEqual(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, stopping early once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
