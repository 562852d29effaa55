/**
 * Rows that may be one person counted twice: the same NIK, or the same name and institution in
 * the same activity. Flagged on the later row and still counted — only staff can tell whether two
 * rows are one person.
 */
import { maskNik } from '../privacy/mask-nik';
import type { RowCells } from './row-cells';

/** Name or institution as compared: case, accents' composition and punctuation do not matter. */
export const nameKey = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export class DuplicateCheck {
  private readonly nikSeen = new Map<string, number>();
  private readonly nameSeen = new Map<string, { row: number; nik: string }>();

  /** Remembers the row and flags it when it repeats an earlier one. */
  check(cells: RowCells, person: { activity: string; name: string; institution: string; nik: string }): void {
    const { activity, name, institution, nik } = person;
    if (nik !== '') {
      const first = this.nikSeen.get(nik);
      if (first === undefined) this.nikSeen.set(nik, cells.row);
      else
        cells.flag(
          'duplicateNik',
          'nik',
          `NIK ${maskNik(nik)} sama dengan baris ${first}; tetap dihitung (periksa apakah orang yang sama tercatat dua kali).`,
        );
    }
    if (name === '') return;
    const key = `${activity}\u0000${nameKey(name)}\u0000${nameKey(institution)}`;
    const first = this.nameSeen.get(key);
    if (first === undefined) {
      this.nameSeen.set(key, { row: cells.row, nik });
      return;
    }
    // Two different NIKs are two people with one name; the same NIK was flagged above already.
    const otherPerson = first.nik !== '' && nik !== '' && first.nik !== nik;
    const sameNik = nik !== '' && first.nik === nik;
    if (!otherPerson && !sameNik)
      cells.flag(
        'duplicateNameInstitution',
        'name',
        `nama ${cells.quote(name)} dan instansi ${institution ? cells.quote(institution) : '(kosong)'} sama dengan baris ${first.row} pada kegiatan yang sama; tetap dihitung.`,
      );
  }
}
