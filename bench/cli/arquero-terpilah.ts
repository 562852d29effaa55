/**
 * Data terpilah with arquero (dev dependency, benchmark only): the register's raw text rows in,
 * the same normalisation as the core's in arquero's own expressions (sex spellings, NIK digits →
 * sex and birth date, birth dates typed three ways, stated ages, age groups, life stages, role,
 * regency and disability spellings), then the same tables: counts per category × sex for every
 * dimension, over all activities and per activity. test/bench/arquero-reference.test.ts checks
 * that the tables are the core's, on a generated register.
 */
import * as aq from 'arquero';
import {
  DIMENSIONS,
  DISABILITY_WORDS,
  MONTHS,
  REGENCY_SPELLINGS,
  ROLE_WORDS,
  SEX_SPELLINGS,
} from './lookups';
import type { TableCell } from './table-cell';

/**
 * One row per participant, normalised. `columns`: header name → index in the rows, for the
 * fields the generator writes. Ages are complete years on June 1 of `referenceYear` (the
 * benchmark's reference date).
 */
function normalised(rows: string[][], columns: Record<string, number>, referenceYear: number) {
  const column = (name: string) => rows.map((r) => r[columns[name]] ?? '');
  const table = aq
    .table({
      activity: column('activity'),
      name: column('name'),
      sex: column('sex'),
      nik: column('nik'),
      birth: column('birthDate'),
      age: column('age'),
      role: column('role'),
      institution: column('institution'),
      regency: column('regency'),
      disability: column('disability'),
    })
    .params({
      sexes: SEX_SPELLINGS,
      roles: ROLE_WORDS,
      regencies: REGENCY_SPELLINGS,
      disabilities: DISABILITY_WORDS,
      months: MONTHS,
      refYear: referenceYear,
    })
    .filter(String.raw`(d) => op.trim(d.name) !== '' || op.trim(d.sex) !== ''`)
    .derive({
      stated: String.raw`(d, $) => $.sexes[op.replace(op.replace(op.lower(op.trim(d.sex)), /[.\s]+$/, ''), /\s*-\s*/g, '-')]`,
      nikDigits: String.raw`(d) => op.replace(d.nik, /[\s.\-_/']/g, '')`,
      iso: String.raw`(d) => op.match(op.trim(d.birth), /^(\d{4})-(\d{1,2})-(\d{1,2})$/)`,
      dmy: String.raw`(d) => op.match(op.trim(d.birth), /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)`,
      named: String.raw`(d) => op.match(op.trim(d.birth), /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/)`,
      ageText: String.raw`(d) => op.match(op.lower(op.trim(d.age)), /^(\d{1,3})\s*(?:th|thn|tahun)?\.?$/)`,
    })
    .derive({
      nikOk: String.raw`(d) => op.match(d.nikDigits, /^\d{16}$/) != null`,
      nikDay: String.raw`(d) => op.parse_int(op.substring(d.nikDigits, 6, 8))`,
      nikMonth: String.raw`(d) => op.parse_int(op.substring(d.nikDigits, 8, 10))`,
      nikYy: String.raw`(d) => op.parse_int(op.substring(d.nikDigits, 10, 12))`,
      birthYear: String.raw`(d, $) => d.iso ? op.parse_int(d.iso[1]) : d.dmy ? op.parse_int(d.dmy[3]) : d.named && $.months[op.lower(d.named[2])] ? op.parse_int(d.named[3]) : null`,
      birthMonth: String.raw`(d, $) => d.iso ? op.parse_int(d.iso[2]) : d.dmy ? op.parse_int(d.dmy[2]) : d.named ? $.months[op.lower(d.named[2])] : null`,
      birthDay: String.raw`(d) => d.iso ? op.parse_int(d.iso[3]) : d.dmy ? op.parse_int(d.dmy[1]) : d.named ? op.parse_int(d.named[1]) : null`,
    })
    .derive({
      nikSex: String.raw`(d) => (d.nikOk ? (d.nikDay > 40 ? 'P' : 'L') : null)`,
      nikAge: String.raw`(d, $) => { if (!d.nikOk) return null; const born = d.nikYy + (d.nikYy > $.refYear % 100 ? 1900 : 2000); const day = d.nikDay > 40 ? d.nikDay - 40 : d.nikDay; return $.refYear - born - (d.nikMonth > 6 || (d.nikMonth === 6 && day > 1) ? 1 : 0); }`,
      birthAge: String.raw`(d, $) => d.birthYear ? $.refYear - d.birthYear - (d.birthMonth > 6 || (d.birthMonth === 6 && d.birthDay > 1) ? 1 : 0) : null`,
      statedAge: String.raw`(d) => (d.ageText ? op.parse_int(d.ageText[1]) : null)`,
    })
    .derive({
      sx: String.raw`(d) => d.stated || d.nikSex || 'unknown'`,
      years: String.raw`(d) => (d.statedAge != null ? d.statedAge : d.birthAge != null ? d.birthAge : d.nikAge)`,
    })
    .derive({
      ageGroup: String.raw`(d) => d.years == null || d.years < 0 || d.years > 120 ? 'unknown' : d.years >= 75 ? 75 : op.floor(d.years / 5) * 5`,
      lifeStage: String.raw`(d) => d.years == null || d.years < 0 || d.years > 120 ? 'unknown' : d.years < 18 ? 'anak' : d.years >= 60 ? 'lansia' : 'dewasa'`,
      role: String.raw`(d, $) => $.roles[op.lower(op.trim(d.role))] || 'unknown'`,
      institution: String.raw`(d) => op.lower(op.trim(d.institution))`,
      regency: String.raw`(d, $) => $.regencies[op.lower(op.trim(d.regency))] || op.trim(d.regency)`,
      disability: String.raw`(d, $) => { const v = $.disabilities[op.lower(op.trim(d.disability))]; return v === true ? 'ya' : v === false ? 'tidak' : 'unknown'; }`,
    });
  return table;
}

/** The tables' groupings: activity × sex, then each dimension × sex, overall and per activity. */
const GROUPINGS: string[][] = [
  ['activity', 'sx'],
  ...DIMENSIONS.flatMap((d) => [
    [d, 'sx'],
    ['activity', d, 'sx'],
  ]),
];

/** The benchmark's run: the number of table rows. */
export function arqueroTerpilah(
  rows: string[][],
  columns: Record<string, number>,
  referenceYear = 2024,
): number {
  const table = normalised(rows, columns, referenceYear);
  return GROUPINGS.reduce(
    (n, keys) =>
      n +
      table
        .groupby(...keys)
        .count()
        .numRows(),
    0,
  );
}

/** The tables' cells (the test compares them with the core's). */
export function arqueroCells(
  rows: string[][],
  columns: Record<string, number>,
  referenceYear = 2024,
): TableCell[] {
  const table = normalised(rows, columns, referenceYear);
  return GROUPINGS.flatMap((keys) =>
    (
      table
        .groupby(...keys)
        .count()
        .objects() as Record<string, unknown>[]
    ).map((o) => {
      const dimension = keys.length === 2 && keys[0] === 'activity' ? 'activity' : keys[keys.length - 2];
      return {
        activity: keys.length === 3 ? String(o.activity) : null,
        dimension,
        category: String(o[dimension]),
        sex: String(o.sx),
        n: Number(o.count),
      };
    }),
  );
}
