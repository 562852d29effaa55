/**
 * Data terpilah with DuckDB (dev dependency, benchmark only): the CSV read by DuckDB itself, the
 * same normalisation as the core's in SQL (sex spellings, NIK digits → sex and birth date, birth
 * dates typed three ways, stated ages, ages in complete years at the reference date, age groups,
 * life stages, role, regency and disability spellings), then the same tables: counts per
 * category × sex for every dimension, over all activities and per activity (GROUPING SETS). With
 * `duplicates`, also the CLI's duplicate check (the same NIK; the same name and institution in
 * one activity, where the first row or this one has no NIK): the rows flagged, per activity and
 * type, and the row each repeats. Without it DuckDB does ~20 % less than the CLI (the CLI's CPU
 * without its duplicate check, 5 M rows); with it still a little less (the quality list's other
 * findings, and their messages, are not made here). test/bench/duckdb-reference.test.ts checks
 * that the tables and the duplicates are the CLI's, on a generated register.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import {
  DIMENSIONS,
  DISABILITY_WORDS,
  MONTHS,
  REGENCY_SPELLINGS,
  ROLE_WORDS,
  SEX_SPELLINGS,
} from './lookups';
import type { TableCell } from './table-cell';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const mapOf = (entries: [string, string | number | boolean][]) =>
  `MAP {${entries.map(([k, v]) => `${quote(k)}: ${typeof v === 'string' ? quote(v) : String(v)}`).join(', ')}}`;

const GROUPINGS = [
  '(activity, sx)',
  ...DIMENSIONS.flatMap((d) => [`(${d}, sx)`, `(activity, ${d}, sx)`]),
].join(', ');

/** The tables' cells: one row per cell, with GROUPING() flags saying which set it is of. */
const TABLE_CELLS = `SELECT activity, ${DIMENSIONS.join(', ')}, sx, count(*) AS n, GROUPING(activity) AS g_activity,
    ${DIMENSIONS.map((d) => `GROUPING(${d}) AS g_${d}`).join(', ')}
  FROM grouped GROUP BY GROUPING SETS (${GROUPINGS})`;

/** A participant's row: a name or a sex (the core's rule; blank rows are no one). */
const PARTICIPANT = `trim(coalesce("Nama", '')) <> '' OR trim(coalesce("Jenis Kelamin", '')) <> ''`;
/** The NIK's digits (separators typed between them taken out), and whether they are 16. */
const NIK_DIGITS = `regexp_replace(coalesce("NIK", ''), '[\\s.\\-_/'']', '', 'g')`;
const NIK_OK = `regexp_matches(nik, '^\\d{16}$')`;

/** nameKey (core/terpilah/duplicates.ts) in SQL: lower case, other characters' runs one space, trimmed. */
const nameKeySql = (column: string) =>
  `trim(regexp_replace(lower(coalesce("${column}", '')), '[^\\p{L}\\p{N}]+', ' ', 'g'))`;

const csvSource = (path: string) =>
  `read_csv(${quote(path)}, delim = ';', header = true, all_varchar = true, null_padding = true,
    quote = '"', escape = '"', ignore_errors = true)`;

/**
 * The columns the duplicate check reads, loaded as a table: its rowid is the file's order (DuckDB
 * keeps the insertion order), which a query on the CSV has only through row_number() OVER (),
 * one thread (5 M rows: 12.6 s wall against 8.7 s with the load).
 */
const LOADED = 'register';
const loadSql = (path: string) =>
  `CREATE TABLE ${LOADED} AS SELECT "Kegiatan", "Nama", "Jenis Kelamin", "NIK", "Instansi" FROM ${csvSource(path)}`;

/**
 * The tables: the normalisation, then counts per category × sex (GROUPING SETS), straight from
 * the CSV (DuckDB reads it in parallel). `count`: only the number of table rows (the benchmark).
 */
export function tablesSql(path: string, referenceDate: string, count: boolean): string {
  const year = Number(referenceDate.slice(0, 4));
  const reference = `DATE '${referenceDate}'`;
  return `
WITH raw AS (SELECT * FROM ${csvSource(path)}), cleaned AS (
  SELECT
    trim(coalesce("Kegiatan", '')) AS activity,
    ${mapOf(Object.entries(SEX_SPELLINGS))}[regexp_replace(regexp_replace(lower(trim(coalesce("Jenis Kelamin", ''))), '[.\\s]+$', ''), '\\s*-\\s*', '-', 'g')] AS stated,
    ${NIK_DIGITS} AS nik,
    trim(coalesce("Tanggal Lahir", '')) AS birth,
    regexp_extract(lower(trim(coalesce("Umur", ''))), '^(\\d{1,3})\\s*(?:th|thn|tahun)?\\.?$', 1) AS age_text,
    lower(trim(coalesce("Peran", ''))) AS role_text,
    lower(trim(coalesce("Instansi", ''))) AS institution,
    trim(coalesce("Kabupaten/Kota", '')) AS regency_text,
    lower(trim(coalesce("Disabilitas", ''))) AS disability_text
  FROM raw
  WHERE ${PARTICIPANT}
), dated AS (
  SELECT *,
    ${NIK_OK} AS nik_ok,
    coalesce(
      try_strptime(birth, '%Y-%m-%d'),
      try_strptime(birth, '%d/%m/%Y'),
      CASE WHEN regexp_matches(birth, '^(\\d{1,2})\\s+([A-Za-z]+)\\.?\\s+(\\d{4})$') THEN
        try_strptime(regexp_extract(birth, '^(\\d{1,2})', 1) || '/' ||
          CAST(${mapOf(Object.entries(MONTHS))}[lower(regexp_extract(birth, '^\\d{1,2}\\s+([A-Za-z]+)', 1))] AS VARCHAR) || '/' ||
          regexp_extract(birth, '(\\d{4})$', 1), '%d/%m/%Y') END
    ) AS birth_date
  FROM cleaned
), aged AS (
  SELECT *,
    CASE WHEN nik_ok THEN (CASE WHEN CAST(substr(nik, 7, 2) AS INT) > 40 THEN 'P' ELSE 'L' END) END AS nik_sex,
    CASE WHEN nik_ok THEN try_strptime(
      lpad(CAST(CAST(substr(nik, 7, 2) AS INT) % 40 AS VARCHAR), 2, '0') || '/' || substr(nik, 9, 2) || '/' ||
      CAST(CAST(substr(nik, 11, 2) AS INT) + CASE WHEN CAST(substr(nik, 11, 2) AS INT) > ${year % 100} THEN 1900 ELSE 2000 END AS VARCHAR),
      '%d/%m/%Y') END AS nik_birth,
    date_sub('year', birth_date, ${reference}) AS birth_age,
    date_sub('year', nik_birth, ${reference}) AS nik_age,
    TRY_CAST(NULLIF(age_text, '') AS INT) AS stated_age
  FROM dated
), people AS (
  SELECT activity, institution,
    coalesce(stated, nik_sex, 'unknown') AS sx,
    coalesce(stated_age, birth_age, nik_age) AS years,
    coalesce(${mapOf(Object.entries(ROLE_WORDS))}[role_text], 'unknown') AS role,
    coalesce(${mapOf(Object.entries(REGENCY_SPELLINGS))}[lower(regency_text)], regency_text) AS regency,
    CASE ${mapOf(Object.entries(DISABILITY_WORDS))}[disability_text] WHEN true THEN 'ya' WHEN false THEN 'tidak' ELSE 'unknown' END AS disability
  FROM aged
), grouped AS (
  SELECT *,
    CASE WHEN years IS NULL OR years < 0 OR years > 120 THEN 'unknown' WHEN years >= 75 THEN '75+'
      ELSE CAST(floor(years / 5) * 5 AS VARCHAR) END AS ageGroup,
    CASE WHEN years IS NULL OR years < 0 OR years > 120 THEN 'unknown' WHEN years < 18 THEN 'anak'
      WHEN years >= 60 THEN 'lansia' ELSE 'dewasa' END AS lifeStage
  FROM people
)
${count ? `SELECT count(*) AS table_rows FROM (${TABLE_CELLS})` : TABLE_CELLS}`;
}

/**
 * The duplicate check on the loaded columns: the keys repeated (GROUP BY … HAVING count > 1,
 * their first row and whether it had a NIK), joined back to the rows after the first. Its own
 * query, not a part of the tables' one: there DuckDB materialised every normalised row for the
 * second use (5 M rows: 2.3 GB, 26–29 s wall); window functions instead of GROUP BY took longer.
 * `count`: only the number of rows flagged.
 */
export function flagsSql(count: boolean): string {
  return `
WITH keyed AS (
  SELECT rowid AS rn, trim(coalesce("Kegiatan", '')) AS activity, ${nameKeySql('Nama')} AS name_key,
    ${nameKeySql('Instansi')} AS institution_key, ${NIK_DIGITS} AS nik
  FROM ${LOADED} WHERE ${PARTICIPANT}
), rows AS (
  SELECT *, ${NIK_OK} AS nik_ok FROM keyed
), nik_first AS (
  SELECT nik, min(rn) AS first FROM rows WHERE nik_ok GROUP BY nik HAVING count(*) > 1
), name_first AS (
  SELECT activity, name_key, institution_key, min(rn) AS first, arg_min(nik_ok, rn) AS first_had_nik
  FROM rows WHERE name_key <> '' GROUP BY activity, name_key, institution_key HAVING count(*) > 1
), flags AS (
  SELECT 'duplicateNik' AS code, d.activity, d.rn, f.first FROM rows d JOIN nik_first f USING (nik)
    WHERE d.nik_ok AND d.rn > f.first
  UNION ALL
  SELECT 'duplicateNameInstitution', d.activity, d.rn, f.first
    FROM rows d JOIN name_first f USING (activity, name_key, institution_key)
    WHERE d.rn > f.first AND (NOT f.first_had_nik OR NOT d.nik_ok)
)
${count ? 'SELECT count(*) AS flagged FROM flags' : 'SELECT code, activity, rn, first FROM flags ORDER BY rn'}`;
}

const toNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

type Rows = Record<string, unknown>[];

/** One in-memory DuckDB: `work` runs its queries. */
async function withDuckdb<T>(work: (run: (sql: string) => Promise<Rows>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowObjects());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The benchmark's run: the number of table rows (and of rows flagged as duplicates). */
export function duckdbTerpilah(
  path: string,
  referenceDate: string,
  duplicates: boolean,
): Promise<{ tableRows: number; flagged: number }> {
  return withDuckdb(async (run) => {
    const tableRows = toNumber((await run(tablesSql(path, referenceDate, true)))[0].table_rows);
    if (!duplicates) return { tableRows, flagged: 0 };
    await run(loadSql(path));
    return { tableRows, flagged: toNumber((await run(flagsSql(true)))[0].flagged) };
  });
}

/** A duplicate flagged: its type, activity, row (counted from the first data row, 1) and the row it repeats. */
export interface DuckdbFlag {
  code: string;
  activity: string;
  row: number;
  first: number;
}

/** The tables' cells and the duplicates flagged (the test compares them with the CLI's). */
export async function duckdbFigures(
  path: string,
  referenceDate: string,
): Promise<{ cells: TableCell[]; flags: DuckdbFlag[] }> {
  return withDuckdb(async (run) => {
    const cells = (await run(tablesSql(path, referenceDate, false))).map((o) => {
      const dimension = DIMENSIONS.find((d) => toNumber(o[`g_${d}`]) === 0) ?? 'activity';
      const perActivity = toNumber(o.g_activity) === 0;
      return {
        activity: dimension === 'activity' || !perActivity ? null : String(o.activity),
        dimension,
        category: String(dimension === 'activity' ? o.activity : o[dimension]),
        sex: String(o.sx),
        n: toNumber(o.n),
      };
    });
    await run(loadSql(path));
    const flags = (await run(flagsSql(false))).map((o) => ({
      code: String(o.code),
      activity: String(o.activity),
      // rowid counts from 0.
      row: toNumber(o.rn) + 1,
      first: toNumber(o.first) + 1,
    }));
    return { cells, flags };
  });
}
