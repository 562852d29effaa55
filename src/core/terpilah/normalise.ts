import { parseDate } from '../dates';
import { isoDateInZone } from '../time';
import { ageAt, ageGroup, lifeStage, MAX_AGE, parseAge } from './age';
import { parseDisabilityAnswer, washingtonGroup } from './disability';
import { FIELD_LABELS } from './headers';
import type {
  ColumnMapping,
  Participant,
  ParticipantField,
  QualityCode,
  QualityFinding,
  Role,
} from './model';
import { decodeNik, maskNik, type NikProblem } from './nik';
import { decodeNip, type NipProblem } from './nip';
import { parseRegency } from './regency';
import { parseSex, type Sex } from './sex';

/**
 * Raw register rows → participants and data-quality findings. Never throws: every cell is read
 * defensively (text, numbers, booleans, Dates, null, formulas as text, 50,000 characters,
 * emoji, HTML); what cannot be read is unknown, and flagged with its row where it matters.
 */

/** Text fields are trimmed and capped at this many characters. */
export const TEXT_CAP = 200;
/** The activity of rows that name none (and no default was given). */
export const NO_ACTIVITY = 'Tanpa nama kegiatan';

export interface NormaliseOptions {
  /** The sheet row (1-based) of rows[0]. */
  firstRow: number;
  /** ISO date at which ages are computed when the activity has no date of its own. */
  referenceDate: string;
  /** Activity name → its date (ISO or as typed), for the age at the activity. */
  activityDates?: Record<string, string>;
  /** Activity of rows with no activity column or an empty one. */
  defaultActivity?: string;
}

const WG_FIELDS: ParticipantField[] = [
  'wgSeeing',
  'wgHearing',
  'wgWalking',
  'wgRemembering',
  'wgSelfCare',
  'wgCommunicating',
];

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A cell as plain text (not yet trimmed); "" for what has no text. */
function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Dates are calendar days in the office's zone, not UTC (midnight in Jakarta is the previous UTC day).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoDateInZone(v, 'Asia/Jakarta');
  return '';
}

/** Trimmed, one-line, control characters removed, at most `cap` characters. */
export function cleanText(v: unknown, cap = TEXT_CAP): string {
  let text = cellText(v);
  if (text.length > cap * 4) text = text.slice(0, cap * 4);
  text = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200b\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > cap) {
    text = text.slice(0, cap);
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  }
  return text;
}

/** Masks any 16-digit run (a NIK, possibly spaced) inside free text. */
export function maskNiksIn(text: string): string {
  return text
    .replace(/\d[\d .-]*\d/g, (run) => {
      const digits = run.replace(/\D/g, '');
      return digits.length === 16 ? maskNik(digits) : run;
    })
    .replace(/(?<!\d)\d{16}(?!\d)/g, (digits) => maskNik(digits));
}

/** A cell quoted in a message: short, NIK-masked. */
function quote(v: unknown): string {
  const text = maskNiksIn(cleanText(v, 60));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
const hasWord = (padded: string, list: string[]) => list.some((w) => padded.includes(` ${w} `));

const NARASUMBER = [
  'narasumber',
  'nara sumber',
  'pemateri',
  'pembicara',
  'speaker',
  'fasilitator',
  'facilitator',
  'instruktur',
  'instructor',
  'trainer',
  'pelatih',
  'moderator',
  'resource person',
  'keynote',
];
const PANITIA = [
  'panitia',
  'committee',
  'penyelenggara',
  'organizer',
  'organiser',
  'pelaksana',
  'sekretariat',
  'staf',
  'staff',
  'host',
];
const PESERTA = [
  'peserta',
  'participant',
  'participants',
  'undangan',
  'tamu',
  'audiens',
  'audience',
  'attendee',
];

export function parseRole(value: unknown): Role | null {
  const text = cleanText(value, 80);
  if (text === '') return null;
  const padded = words(text);
  if (hasWord(padded, NARASUMBER)) return 'narasumber';
  if (hasWord(padded, PANITIA)) return 'panitia';
  if (hasWord(padded, PESERTA)) return 'peserta';
  return null;
}

const PRESENT = new Set([
  'ya',
  'y',
  'yes',
  'hadir',
  'h',
  '✓',
  '✔',
  '✅',
  '☑',
  'v',
  '√',
  'true',
  '1',
  'sudah',
  'present',
  'ada',
]);
const ABSENT = new Set([
  'tidak',
  'tidak hadir',
  'tdk hadir',
  'tdk',
  't',
  'no',
  'n',
  'absen',
  'izin',
  'ijin',
  'sakit',
  'alpa',
  'alpha',
  'false',
  '0',
  'absent',
  '✗',
  '✘',
  '❌',
]);

export function parseAttendance(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = cleanText(value, 40)
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (PRESENT.has(text)) return true;
  if (ABSENT.has(text)) return false;
  return null;
}

const NIK_PROBLEM: Record<Exclude<NikProblem, 'empty' | 'storedAsNumber'>, string> = {
  wrongLength: 'NIK harus 16 digit',
  notDigits: 'NIK berisi karakter selain angka',
  badProvince: 'kode provinsi pada NIK tidak ada',
  badBirthDate: 'tanggal lahir pada NIK tidak mungkin',
};
const NIP_PROBLEM: Record<Exclude<NipProblem, 'empty'>, string> = {
  storedAsNumber: 'NIP tersimpan sebagai angka sehingga digit terakhirnya hilang (format kolom sebagai teks)',
  wrongLength: 'NIP harus 18 digit',
  notDigits: 'NIP berisi karakter selain angka',
  badBirthDate: 'tanggal lahir pada NIP tidak mungkin',
  badAppointment: 'TMT pengangkatan pada NIP tidak mungkin',
  badSexDigit: 'digit jenis kelamin pada NIP bukan 1 atau 2',
};

const sexWord = (s: Sex) => (s === 'L' ? 'laki-laki' : 'perempuan');
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function todayIso(): string {
  return isoDateInZone(new Date(), 'Asia/Jakarta');
}

/** A birth date as typed, including "Pangkalpinang, 12 Mei 1990" (tempat, tanggal lahir). */
function parseBirthDate(v: unknown): string | null {
  if (typeof v === 'string') {
    const text = cleanText(v, 80);
    const direct = parseDate(text);
    if (direct) return direct;
    const comma = text.lastIndexOf(',');
    return comma >= 0 ? parseDate(text.slice(comma + 1).trim()) || null : null;
  }
  if (v instanceof Date) return parseDate(v) || null;
  return null;
}

const nameKey = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function normaliseRows(
  rows: unknown[][],
  mapping: ColumnMapping,
  options: NormaliseOptions,
): { participants: Participant[]; quality: QualityFinding[] } {
  const participants: Participant[] = [];
  const quality: QualityFinding[] = [];
  const list: unknown[] = Array.isArray(rows) ? rows : [];
  const map: ColumnMapping = mapping && typeof mapping === 'object' ? mapping : {};
  const firstRow = Number.isFinite(options?.firstRow) ? Math.trunc(options.firstRow) : 1;
  const baseDate = parseDate(options?.referenceDate);
  const fallbackDate = baseDate && ISO.test(baseDate) ? baseDate : todayIso();
  const defaultActivity = cleanText(options?.defaultActivity) || NO_ACTIVITY;
  const activityDates = options?.activityDates ?? {};
  const dateCache = new Map<string, string>();
  const referenceOf = (activity: string): string => {
    let date = dateCache.get(activity);
    if (date === undefined) {
      const given = Object.prototype.hasOwnProperty.call(activityDates, activity)
        ? parseDate(activityDates[activity])
        : null;
      date = given && ISO.test(given) ? given : fallbackDate;
      dateCache.set(activity, date);
    }
    return date;
  };

  const columns = Object.entries(map).filter(
    (entry): entry is [ParticipantField, number] =>
      Number.isInteger(entry[1]) && (entry[1] as number) >= 0 && entry[0] in FIELD_LABELS,
  );
  const col: Partial<Record<ParticipantField, number>> = Object.fromEntries(columns);
  const wgColumns = WG_FIELDS.map((f) => col[f]).filter((c): c is number => c !== undefined);
  const hasAgeSource = ['age', 'birthDate', 'nik', 'nip'].some(
    (f) => col[f as ParticipantField] !== undefined,
  );
  const nikSeen = new Map<string, number>();
  const nameSeen = new Map<string, { row: number; nik: string }>();

  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    const cells: unknown[] = Array.isArray(raw) ? raw : [];
    const blank =
      columns.length > 0 ? columns.every(([, c]) => isBlank(cells[c])) : cells.every((v) => isBlank(v));
    if (blank) continue;
    const row = firstRow + index;
    const at = (field: ParticipantField): unknown => {
      const c = col[field];
      return c === undefined ? undefined : cells[c];
    };
    const flag = (code: QualityCode, field: ParticipantField | null, text: string) =>
      quality.push({
        row,
        ...(field ? { column: FIELD_LABELS[field] } : {}),
        code,
        message: maskNiksIn(`Baris ${row}: ${text}`),
      });

    const activity = cleanText(at('activity')) || defaultActivity;
    const reference = referenceOf(activity);
    const name = cleanText(at('name'));
    if (name === '' && col.name !== undefined) flag('nameMissing', 'name', 'nama kosong.');

    // NIK (and an 18-digit NIP typed in the NIK column).
    const nikRaw = at('nik');
    let nipRaw = at('nip');
    let nik = '';
    let nikSex: Sex | null = null;
    let nikAge: number | null = null;
    if (!isBlank(nikRaw)) {
      const input = typeof nikRaw === 'string' ? nikRaw.slice(0, 64) : nikRaw;
      const digits = typeof input === 'string' ? input.replace(/[\s.\-']/g, '') : '';
      if (/^\d{18}$/.test(digits) && isBlank(nipRaw) && decodeNip(digits).ok) nipRaw = digits;
      else {
        const decoded = decodeNik(input, reference);
        if (/^\d{16}$/.test(digits)) nik = digits;
        if (decoded.ok) {
          nikSex = decoded.info.sex;
          const age = ageAt(decoded.info.birthDate, reference);
          nikAge = age >= 0 && age <= MAX_AGE ? age : null;
        } else if (decoded.problem === 'storedAsNumber')
          flag(
            'nikStoredAsNumber',
            'nik',
            'NIK tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIK sebagai teks dan ketik ulang.',
          );
        else if (decoded.problem !== 'empty') {
          const length = decoded.problem === 'wrongLength' ? ` (tertulis ${digits.length || '?'} digit)` : '';
          flag('nikInvalid', 'nik', `${NIK_PROBLEM[decoded.problem]}${length}.`);
        }
      }
    }

    // NIP.
    let nip = '';
    let nipSex: Sex | null = null;
    let nipAge: number | null = null;
    if (!isBlank(nipRaw)) {
      const decoded = decodeNip(typeof nipRaw === 'string' ? nipRaw.slice(0, 64) : nipRaw);
      if (decoded.ok) {
        nip = decoded.info.nip;
        nipSex = decoded.info.sex;
        const age = ageAt(decoded.info.birthDate, reference);
        nipAge = age >= 0 && age <= MAX_AGE ? age : null;
      } else if (decoded.problem !== 'empty') flag('nipInvalid', 'nip', `${NIP_PROBLEM[decoded.problem]}.`);
    }

    // Sex: stated, else NIK, else NIP; contradictions flagged, the stated value kept.
    const sexRaw = at('sex');
    const stated = typeof sexRaw === 'string' ? parseSex(sexRaw.slice(0, 40)) : null;
    const sex = stated ?? nikSex ?? nipSex;
    const sexSource = stated ? 'stated' : nikSex ? 'nik' : nipSex ? 'nip' : null;
    if (stated && nikSex && stated !== nikSex)
      flag(
        'sexContradictsNik',
        'sex',
        `jenis kelamin ${quote(sexRaw)} bertentangan dengan NIK (${sexWord(nikSex)}); dipakai yang tertulis.`,
      );
    if (stated && nipSex && stated !== nipSex)
      flag(
        'sexContradictsNip',
        'sex',
        `jenis kelamin ${quote(sexRaw)} bertentangan dengan NIP (${sexWord(nipSex)}); dipakai yang tertulis.`,
      );
    if (!stated && nikSex && nipSex && nikSex !== nipSex)
      flag(
        'sexContradictsNip',
        'nip',
        `jenis kelamin menurut NIK (${sexWord(nikSex)}) dan NIP (${sexWord(nipSex)}) berbeda; dipakai NIK.`,
      );
    if (!sex)
      flag(
        'sexUnknown',
        'sex',
        isBlank(sexRaw)
          ? 'jenis kelamin kosong (dihitung sebagai tidak diketahui).'
          : `jenis kelamin ${quote(sexRaw)} tidak dikenali (dihitung sebagai tidak diketahui).`,
      );

    // Age at the activity: stated age, else birth date, else NIK, else NIP.
    const ageRaw = at('age');
    const birthRaw = at('birthDate');
    const statedAge = isBlank(ageRaw)
      ? null
      : parseAge(typeof ageRaw === 'string' ? ageRaw.slice(0, 40) : ageRaw);
    let birthAge: number | null = null;
    if (!isBlank(birthRaw)) {
      const birth = parseBirthDate(birthRaw);
      if (birth && birth <= reference) {
        const age = ageAt(birth, reference);
        birthAge = age >= 0 && age <= MAX_AGE ? age : null;
      }
    }
    const age = statedAge ?? birthAge ?? nikAge ?? nipAge;
    const ageSource =
      statedAge !== null
        ? 'age'
        : birthAge !== null
          ? 'birthDate'
          : nikAge !== null
            ? 'nik'
            : nipAge !== null
              ? 'nip'
              : null;
    const own = statedAge ?? birthAge;
    const ownField: ParticipantField = statedAge !== null ? 'age' : 'birthDate';
    if (own !== null && nikAge !== null && Math.abs(own - nikAge) > 1)
      flag(
        'ageContradictsNik',
        ownField,
        `umur ${own} tahun bertentangan dengan tanggal lahir pada NIK (${nikAge} tahun); dipakai yang tertulis.`,
      );
    if (own !== null && nipAge !== null && Math.abs(own - nipAge) > 1)
      flag(
        'ageContradictsNip',
        ownField,
        `umur ${own} tahun bertentangan dengan tanggal lahir pada NIP (${nipAge} tahun); dipakai yang tertulis.`,
      );
    if (age === null && hasAgeSource) {
      const unreadable = !isBlank(ageRaw)
        ? `umur ${quote(ageRaw)} tidak terbaca atau tidak mungkin`
        : !isBlank(birthRaw)
          ? `tanggal lahir ${quote(birthRaw)} tidak terbaca atau tidak mungkin`
          : 'umur tidak diketahui (tidak ada umur, tanggal lahir, NIK atau NIP yang terbaca)';
      flag(
        'ageUnknown',
        !isBlank(ageRaw) ? 'age' : !isBlank(birthRaw) ? 'birthDate' : null,
        `${unreadable} (dihitung sebagai tidak diketahui).`,
      );
    }

    const institution = cleanText(at('institution'));
    const regencyRaw = at('regency');
    const regency = parseRegency(typeof regencyRaw === 'string' ? cleanText(regencyRaw, 100) : regencyRaw);
    const stated2 =
      col.disability !== undefined ? parseDisabilityAnswer(cleanText(at('disability'), 60)) : null;
    const wg = wgColumns.length > 0 ? washingtonGroup(wgColumns.map((c) => cleanText(cells[c], 60))) : null;
    const disability =
      stated2 === true || wg === true ? true : stated2 === false || wg === false ? false : null;

    // Duplicates: flagged on the later row, still counted.
    if (nik !== '') {
      const first = nikSeen.get(nik);
      if (first === undefined) nikSeen.set(nik, row);
      else
        flag(
          'duplicateNik',
          'nik',
          `NIK ${maskNik(nik)} sama dengan baris ${first}; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).`,
        );
    }
    if (name !== '') {
      const key = `${activity}\u0000${nameKey(name)}\u0000${nameKey(institution)}`;
      const first = nameSeen.get(key);
      if (first === undefined) nameSeen.set(key, { row, nik });
      else if (!(first.nik !== '' && nik !== '' && first.nik !== nik) && !(nik !== '' && first.nik === nik))
        flag(
          'duplicateNameInstitution',
          'name',
          `nama ${quote(name)} dan instansi ${institution ? quote(institution) : '(kosong)'} sama dengan baris ${first.row} pada kegiatan yang sama; tetap dihitung.`,
        );
    }

    participants.push({
      row,
      activity,
      name,
      nik,
      nip,
      sex,
      sexSource,
      age,
      ageSource,
      ageGroup: age === null ? null : ageGroup(age),
      lifeStage: age === null ? null : lifeStage(age),
      role: parseRole(at('role')),
      institution,
      position: cleanText(at('position')),
      regency: regency ? regency.name : null,
      disability,
      attended: parseAttendance(at('attendance')),
    });
  }
  return { participants, quality };
}
