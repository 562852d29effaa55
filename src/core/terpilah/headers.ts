import type { ColumnMapping, ParticipantField } from './model';

/**
 * Recognises the header row of a participant register: the add-in's own `Peserta` sheet, a
 * Google Form response sheet, or any list staff made by hand (Indonesian or English). Matching
 * ignores case, spaces and punctuation ("Instansi/OPD" = "instansi opd"); the first column that
 * matches a field wins it, later ones are reported as unmatched. Timestamp columns ("Timestamp",
 * "Stempel waktu") and running numbers ("No") are ignored without being reported.
 */

/** Indonesian labels for the column-mapping UI and the data-quality list. */
export const FIELD_LABELS: Record<ParticipantField, string> = {
  activity: 'Kegiatan',
  name: 'Nama',
  nik: 'NIK',
  nip: 'NIP',
  sex: 'Jenis kelamin',
  birthDate: 'Tanggal lahir',
  age: 'Umur',
  role: 'Peran',
  institution: 'Instansi',
  position: 'Jabatan',
  regency: 'Kabupaten/kota',
  disability: 'Disabilitas',
  attendance: 'Kehadiran',
  wgSeeing: 'Kesulitan melihat',
  wgHearing: 'Kesulitan mendengar',
  wgWalking: 'Kesulitan berjalan/naik tangga',
  wgRemembering: 'Kesulitan mengingat/berkonsentrasi',
  wgSelfCare: 'Kesulitan mengurus diri',
  wgCommunicating: 'Kesulitan berkomunikasi',
};

/** Lower case, letters and digits only, single spaces, padded with a space on each side. */
function canonical(value: unknown): string {
  const text =
    typeof value === 'string' ? value.slice(0, 500) : typeof value === 'number' ? String(value) : '';
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words === '' ? '' : ` ${words} `;
}

/** True when the padded header holds any of the phrases as whole words. */
const has = (h: string, ...phrases: string[]) => phrases.some((p) => h.includes(` ${p} `));
const is = (h: string, ...phrases: string[]) => phrases.some((p) => h === ` ${p} `);
const startsWith = (h: string, ...phrases: string[]) => phrases.some((p) => h.startsWith(` ${p} `));

const WG_MARK = ['kesulitan', 'sulit', 'difficulty', 'difficulties', 'washington', 'wg'];
const WG_DOMAINS: [ParticipantField, string[]][] = [
  ['wgSeeing', ['melihat', 'penglihatan', 'seeing', 'see']],
  ['wgHearing', ['mendengar', 'pendengaran', 'hearing', 'hear']],
  ['wgWalking', ['berjalan', 'naik tangga', 'menaiki tangga', 'walking', 'climbing', 'steps']],
  [
    'wgRemembering',
    ['mengingat', 'berkonsentrasi', 'konsentrasi', 'remembering', 'concentrating', 'ingatan'],
  ],
  [
    'wgSelfCare',
    [
      'mengurus diri',
      'merawat diri',
      'perawatan diri',
      'mandi',
      'berpakaian',
      'self care',
      'washing',
      'dressing',
    ],
  ],
  ['wgCommunicating', ['berkomunikasi', 'komunikasi', 'communicating', 'communication']],
];

/** The field a header names, "ignore" for timestamps/running numbers, or null. */
function fieldOf(h: string): ParticipantField | 'ignore' | null {
  if (h === '') return 'ignore';
  if (
    has(h, 'timestamp', 'stempel waktu', 'waktu pengisian', 'cap waktu') ||
    is(h, 'no', 'nomor', 'no urut', 'nomor urut', 'number')
  )
    return 'ignore';
  // Washington Group questions name a domain and a difficulty ("Kesulitan melihat, meskipun …").
  const wgMarked = has(h, ...WG_MARK);
  for (const [field, words] of WG_DOMAINS)
    if ((wgMarked && has(h, ...words)) || is(h, ...words)) return field;
  if (
    is(h, 'kegiatan', 'activity', 'acara', 'event', 'pelatihan', 'training') ||
    startsWith(h, 'nama kegiatan', 'judul kegiatan', 'nama acara', 'activity name', 'event name', 'kegiatan')
  )
    return 'activity';
  // "Nama lengkap (sesuai KTP)" is a name, not a NIK.
  if (
    is(h, 'nama', 'name', 'nama lengkap', 'full name') ||
    startsWith(h, 'nama lengkap', 'nama peserta', 'full name', 'your name', 'nama sesuai', 'nama dan gelar')
  )
    return 'name';
  if (has(h, 'nik', 'ktp', 'nomor induk kependudukan', 'national id', 'id number', 'identity number'))
    return 'nik';
  if (has(h, 'nip', 'nomor induk pegawai', 'employee id', 'nrp')) return 'nip';
  if (has(h, 'lahir', 'birth', 'dob', 'ttl') && !is(h, 'tempat lahir', 'place of birth')) return 'birthDate';
  if (has(h, 'jenis kelamin', 'kelamin', 'jk', 'l p', 'lp', 'sex', 'gender', 'seks')) return 'sex';
  if (has(h, 'umur', 'usia', 'age')) return 'age';
  if (has(h, 'peran', 'sebagai', 'role', 'kedudukan', 'status peserta', 'keikutsertaan')) return 'role';
  if (has(h, 'kehadiran', 'hadir', 'attendance', 'present', 'presensi', 'absensi')) return 'attendance';
  if (has(h, 'disabilitas', 'difabel', 'disability', 'disabled', 'berkebutuhan khusus', 'penyandang'))
    return 'disability';
  if (has(h, 'jabatan', 'position', 'job title', 'pangkat', 'posisi')) return 'position';
  if (
    has(
      h,
      'instansi',
      'opd',
      'lembaga',
      'organisasi',
      'unit kerja',
      'satuan kerja',
      'satker',
      'perangkat daerah',
      'institution',
      'institusi',
      'organization',
      'organisation',
      'agency',
      'affiliation',
      'afiliasi',
      'dinas',
      'kantor',
      'sekolah',
      'perusahaan',
      'company',
      'skpd',
    )
  )
    return 'institution';
  if (
    has(
      h,
      'kabupaten',
      'kab',
      'kota',
      'kab kota',
      'domisili',
      'regency',
      'city',
      'district',
      'asal daerah',
      'daerah asal',
      'wilayah',
    )
  )
    return 'regency';
  if (
    startsWith(h, 'nama', 'name', 'full name', 'nama lengkap', 'your name') ||
    is(h, 'peserta', 'participant')
  )
    return 'name';
  return null;
}

export function matchHeaders(headers: unknown[]): {
  mapping: ColumnMapping;
  unmatched: string[];
  recognised: boolean;
} {
  const mapping: ColumnMapping = {};
  const unmatched: string[] = [];
  const list = Array.isArray(headers) ? headers : [];
  for (let i = 0; i < list.length; i++) {
    const field = fieldOf(canonical(list[i]));
    if (field === 'ignore') continue;
    if (field !== null && mapping[field] === undefined) mapping[field] = i;
    else {
      const raw = list[i];
      unmatched.push((typeof raw === 'string' ? raw : String(raw)).replace(/\s+/g, ' ').trim().slice(0, 100));
    }
  }
  return { mapping, unmatched, recognised: mapping.name !== undefined || mapping.sex !== undefined };
}
