/**
 * Sex of a register row: as stated, else from the NIK, else from the NIP. A contradiction is a
 * finding and the stated value is kept (the person wrote it; the identifier may be someone
 * else's); an unknown sex is a finding too, and counted as "Tidak diketahui". A blank or
 * unreadable sex filled from an identifier is a finding as well: the figure is counted, but the
 * analyst must see that it was not typed.
 */
import { isBlank } from './cell-text';
import type { Participant } from './model';
import { isSexAsTyped } from './provenance';
import type { RowCells } from './row-cells';
import { parseSex, type Sex } from './sex';

const sexWord = (s: Sex) => (s === 'L' ? 'laki-laki' : 'perempuan');

/** The sex column as typed: what it reads as, and whether it is spelled as the register's own words. */
export interface SexCell {
  stated: Sex | null;
  asTyped: boolean;
}

/** The pure one-cell reading of readSex: what the normaliser memoises per distinct cell. */
export const sexCell = (raw: unknown): SexCell => ({
  stated: typeof raw === 'string' ? parseSex(raw.slice(0, 40)) : null,
  asTyped: isSexAsTyped(raw),
});

export function readSex(
  cells: RowCells,
  fromNik: Sex | null,
  fromNip: Sex | null,
  cell: SexCell = sexCell(cells.at('sex')),
  raw: unknown = cells.at('sex'),
  /** Filled and returned instead of a new object (the normaliser's, reused row after row). */
  into?: Pick<Participant, 'sex' | 'sexSource'>,
): Pick<Participant, 'sex' | 'sexSource'> {
  const stated = cell.stated;
  const sex = stated ?? fromNik ?? fromNip;
  const sexSource = stated ? 'stated' : fromNik ? 'nik' : fromNip ? 'nip' : null;
  if (stated && fromNik && stated !== fromNik)
    cells.flag(
      'sexContradictsNik',
      'sex',
      `jenis kelamin ${cells.quote(raw)} bertentangan dengan NIK (${sexWord(fromNik)}); dipakai yang tertulis.`,
    );
  if (stated && fromNip && stated !== fromNip)
    cells.flag(
      'sexContradictsNip',
      'sex',
      `jenis kelamin ${cells.quote(raw)} bertentangan dengan NIP (${sexWord(fromNip)}); dipakai yang tertulis.`,
    );
  if (!stated && fromNik && fromNip && fromNik !== fromNip)
    cells.flag(
      'sexContradictsNip',
      'nip',
      `jenis kelamin menurut NIK (${sexWord(fromNik)}) dan NIP (${sexWord(fromNip)}) berbeda; dipakai NIK.`,
    );
  if (!stated && sex) {
    const from = sexSource === 'nik' ? 'NIK' : 'NIP';
    const what = isBlank(raw) ? 'jenis kelamin kosong' : `jenis kelamin ${cells.quote(raw)} tidak dikenali`;
    cells.flag(
      sexSource === 'nik' ? 'sexFromNik' : 'sexFromNip',
      'sex',
      `${what}; diisi dari ${from} (${sexWord(sex)}): periksa dan tulis jenis kelaminnya.`,
    );
  }
  if (!sex)
    cells.flag(
      'sexUnknown',
      'sex',
      isBlank(raw)
        ? 'jenis kelamin kosong (dihitung sebagai tidak diketahui).'
        : `jenis kelamin ${cells.quote(raw)} tidak dikenali (dihitung sebagai tidak diketahui).`,
    );
  if (!into) return { sex, sexSource };
  into.sex = sex;
  into.sexSource = sexSource;
  return into;
}
