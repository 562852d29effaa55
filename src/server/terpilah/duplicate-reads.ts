/**
 * What the sidebar form's duplicate check needs from `Peserta`, read by column instead of whole
 * rows: the Nama and NIK columns of every row (adjacent: one read), then Kegiatan and
 * Instansi/OPD only of the rows with the same name. The answer has the register's shape (row i is
 * sheet row i + 2); rows that cannot repeat the new one are blank. Any check that compares NIKs by
 * their digits, and names only within the same name (case, accents' composition and punctuation
 * aside), finds the same rows in it as in the full register.
 */
import { idDigits } from '../../core/terpilah/nik';
import { PESERTA_COLUMN } from '../../core/terpilah/peserta';
import { rowBlocks, wholeColumnsCheaper } from '../../core/terpilah/read-plan';
import { CODE_CHARS, rowCodes, rowsWithCode, type KeyCells } from '../../core/terpilah/register-counts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A register row as a duplicate check compares it. */
export interface PersonCells {
  activity: string;
  name: string;
  nik: unknown;
  institution: string;
}

/** Coarser than any name comparison: letters and digits only, lower case, composed. */
const looseName = (name: unknown) =>
  String(name ?? '')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The rows 2…`last` a new participant could repeat, every other row blank. */
export function duplicateCandidates(
  sheet: Sheet,
  last: number,
  candidate: { name: unknown; nik: unknown },
): PersonCells[] {
  if (last < 2) return [];
  const count = last - 1;
  const blank = (): PersonCells => ({ activity: '', name: '', nik: '', institution: '' });
  const people = Array.from({ length: count }, blank);
  const nik = idDigits(String(candidate.nik ?? ''));
  const name = looseName(candidate.name);
  if (nik === '' && name === '') return people;
  const nameColumn = PESERTA_COLUMN.Nama; // Nama and NIK are neighbours: one read
  const nikAt = PESERTA_COLUMN.NIK - nameColumn;
  const named: number[] = [];
  sheet
    .getRange(2, nameColumn, count, 2)
    .getValues()
    .forEach((line, i) => {
      if (nik !== '' && idDigits(String(line[nikAt] ?? '')) === nik) people[i].nik = line[nikAt];
      if (name !== '' && looseName(line[0]) === name) {
        people[i] = { ...people[i], name: String(line[0] ?? ''), nik: line[nikAt] };
        named.push(i);
      }
    });
  // Activity and institution of the same-named rows only, in a few blocks.
  const from = PESERTA_COLUMN.Kegiatan;
  const span = PESERTA_COLUMN['Instansi/OPD'] - from + 1;
  const blocks = rowBlocks(named, span);
  if (wholeColumnsCheaper(blocks, span, 2, count)) {
    // The name is everywhere: the two columns whole cost less than blocks nine columns wide.
    const activities = sheet.getRange(2, from, count, 1).getValues();
    const institutions = sheet.getRange(2, PESERTA_COLUMN['Instansi/OPD'], count, 1).getValues();
    for (const i of named) {
      people[i].activity = String(activities[i][0] ?? '');
      people[i].institution = String(institutions[i][0] ?? '');
    }
    return people;
  }
  const wanted = new Set(named);
  for (const block of blocks) {
    const values = sheet.getRange(block.first + 2, from, block.count, span).getValues();
    values.forEach((line, k) => {
      const i = block.first + k;
      if (!wanted.has(i)) return;
      people[i].activity = String(line[0] ?? '');
      people[i].institution = String(line[span - 1] ?? '');
    });
  }
  return people;
}

/**
 * The same answer from the index's codes (./register-counts.ts): the rows whose NIK code or name
 * code is the candidate's, read in a few blocks, every other row blank. null when a row read does
 * not have the code the index says (the index is wrong: the caller checks the register instead).
 */
export function indexedCandidates(
  sheet: Sheet,
  last: number,
  index: { codes: { nik: string; name: string }; key: string },
  candidate: KeyCells,
): PersonCells[] | null {
  if (last < 2) return [];
  const people = Array.from({ length: last - 1 }, (): PersonCells => ({
    activity: '',
    name: '',
    nik: '',
    institution: '',
  }));
  const wanted = rowCodes(index.key, candidate);
  const rows = [
    ...new Set([
      ...rowsWithCode(index.codes.nik, wanted.nik),
      ...rowsWithCode(index.codes.name, wanted.name),
    ]),
  ];
  const from = PESERTA_COLUMN.Kegiatan;
  const span = PESERTA_COLUMN['Instansi/OPD'] - from + 1;
  const asked = new Set(rows);
  for (const block of rowBlocks(rows, span)) {
    const values = sheet.getRange(block.first + 2, from, block.count, span).getValues();
    for (let k = 0; k < values.length; k++) {
      const i = block.first + k;
      if (!asked.has(i)) continue;
      const line = values[k];
      const cells: KeyCells = {
        activity: line[PESERTA_COLUMN.Kegiatan - from],
        name: line[PESERTA_COLUMN.Nama - from],
        nik: line[PESERTA_COLUMN.NIK - from],
        institution: line[PESERTA_COLUMN['Instansi/OPD'] - from],
      };
      const found = rowCodes(index.key, cells);
      const at = i * CODE_CHARS;
      if (
        found.nik !== index.codes.nik.slice(at, at + CODE_CHARS) ||
        found.name !== index.codes.name.slice(at, at + CODE_CHARS)
      )
        return null;
      people[i] = {
        activity: String(cells.activity ?? ''),
        name: String(cells.name ?? ''),
        nik: cells.nik,
        institution: String(cells.institution ?? ''),
      };
    }
  }
  return people;
}
