/**
 * A participant register as staff keep it, as CSV lines: mixed sex spellings, dates typed three
 * ways, NIKs (valid, mistyped, absent), ages as numbers or "34 tahun", regencies in local
 * spellings, a few blank and duplicate rows. Deterministic (seeded), written line by line.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { MONTH_NAMES_ID } from '../../src/core/format';

export const HEADER = [
  'No',
  'Kegiatan',
  'Nama',
  'Jenis Kelamin',
  'NIK',
  'Tanggal Lahir',
  'Umur',
  'Peran',
  'Instansi',
  'Kabupaten/Kota',
  'Disabilitas',
];

/** Deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MALE = ['L', 'L', 'L', 'Laki-laki', 'laki-laki', 'lk', 'Lk.', 'Pria', 'laki2', 'M'];
const FEMALE = ['P', 'P', 'P', 'Perempuan', 'perempuan', 'pr', 'Pr.', 'Wanita', 'F', 'wanita'];
// A person types the month's own name: the spellings core writes and reads.
const MONTH_NAMES = MONTH_NAMES_ID;
const ROLES = ['Peserta', 'peserta', 'Narasumber', 'Panitia', '', 'Peserta undangan'];
const REGENCIES = [
  'Bangka',
  'Kab. Bangka',
  'Bateng',
  'Pangkal Pinang',
  'PGK',
  'Belitung',
  'Toboali',
  'Palembang',
  '',
];
const DISABILITY = ['Tidak', 'tidak', 'Ya', '', '-', 'tidak ada'];
const BABEL_CODES = ['1901', '1902', '1903', '1904', '1905', '1906', '1971'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Yields `count` data lines (no header), each ending in "\n". */
export function* registerLines(count: number, seed = 11): Generator<string> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  for (let i = 0; i < count; i++) {
    const female = next() < 0.52;
    const year = 1950 + Math.floor(next() * 55);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const r = next();
    const nik =
      r < 0.7
        ? `${pick(BABEL_CODES)}${pad(Math.floor(next() * 30) + 1)}${pad(day + (female ? 40 : 0))}${pad(month)}${pad(year % 100)}${pad(Math.floor(next() * 9999) + 1, 4)}`
        : r < 0.72
          ? `19710${Math.floor(next() * 1e9)}`
          : '';
    const d = next();
    const birth =
      d < 0.4
        ? `${year}-${pad(month)}-${pad(day)}`
        : d < 0.7
          ? `${pad(day)}/${pad(month)}/${year}`
          : d < 0.8
            ? `${day} ${MONTH_NAMES[month - 1]} ${year}`
            : '';
    const a = next();
    const age = a < 0.5 ? '' : a < 0.8 ? String(2023 - year) : `${2023 - year} tahun`;
    // Mostly as the person is; a few blank, unreadable or contradicting the NIK.
    const s = next();
    const sex =
      s < 0.02
        ? ''
        : s < 0.025
          ? 'x'
          : s < 0.03
            ? pick(female ? MALE : FEMALE)
            : pick(female ? FEMALE : MALE);
    const name = i % 97 === 0 && i > 0 ? `Peserta ${i - 1}` : `Peserta ${i}`;
    const blank = i % 1000 === 999;
    yield blank
      ? ';;;;;;;;;;\n'
      : `${i + 1};Kegiatan ${1 + Math.floor(next() * 400)};${name};${sex};${nik};${birth};${age};${pick(ROLES)};Dinas ${1 + Math.floor(next() * 300)} Provinsi;${pick(REGENCIES)};${pick(DISABILITY)}\n`;
  }
}

/** Writes a register of `count` rows to `path` (";" delimited, UTF-8); resolves with its size. */
export async function writeRegister(path: string, count: number, seed = 11): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = HEADER.join(';') + '\n';
  for (const line of registerLines(count, seed)) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}
