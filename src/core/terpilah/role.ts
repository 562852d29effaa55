/** The role of a participant at the activity, from whatever words the register uses. */
import { cleanText } from './cell-text';
import type { Role } from './model';

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

/** " word word " (lower case, letters and digits only), so a list entry matches whole words. */
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
const hasWord = (padded: string, list: string[]) => list.some((w) => padded.includes(` ${w} `));

/** Narasumber before panitia before peserta: "Narasumber (peserta undangan)" is a narasumber. */
export function parseRole(value: unknown): Role | null {
  const text = cleanText(value, 80);
  if (text === '') return null;
  const padded = words(text);
  if (hasWord(padded, NARASUMBER)) return 'narasumber';
  if (hasWord(padded, PANITIA)) return 'panitia';
  if (hasWord(padded, PESERTA)) return 'peserta';
  return null;
}
