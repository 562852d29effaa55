/** Attendance as the register marks it: a checkbox, Ya/Tidak, Hadir, ✓, izin, sakit … */
import { cleanText } from './cell-text';

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

/** true present, false absent (excused or not), null when the mark is not one of these. */
export function parseAttendance(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = cleanText(value, 40)
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (PRESENT.has(text)) return true;
  if (ABSENT.has(text)) return false;
  return null;
}
