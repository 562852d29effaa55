/**
 * Data terpilah with DuckDB (dev dependency, benchmark only): the CSV read by DuckDB itself, the
 * same normalisation as the core's in SQL (sex spellings, NIK digits → sex and birth date, birth
 * dates typed three ways, stated ages, age groups, life stages, role, regency and disability
 * spellings), then the same tables: counts per category × sex for every dimension, over all
 * activities and per activity (GROUPING SETS). Returns the number of table rows.
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

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const mapOf = (entries: [string, string | number | boolean][]) =>
  `MAP {${entries.map(([k, v]) => `${quote(k)}: ${typeof v === 'string' ? quote(v) : String(v)}`).join(', ')}}`;

export function duckdbSql(path: string, referenceYear = 2024): string {
  const year = referenceYear;
  const groupings = [
    '(activity, sx)',
    ...DIMENSIONS.flatMap((d) => [`(${d}, sx)`, `(activity, ${d}, sx)`]),
  ].join(', ');
  return `
WITH raw AS (
  SELECT * FROM read_csv(${quote(path)}, delim = ';', header = true, all_varchar = true, null_padding = true,
    quote = '"', escape = '"', ignore_errors = true)
), cleaned AS (
  SELECT
    trim(coalesce("Kegiatan", '')) AS activity,
    ${mapOf(Object.entries(SEX_SPELLINGS))}[regexp_replace(regexp_replace(lower(trim(coalesce("Jenis Kelamin", ''))), '[.\\s]+$', ''), '\\s*-\\s*', '-', 'g')] AS stated,
    regexp_replace(coalesce("NIK", ''), '[\\s.\\-_/'']', '', 'g') AS nik,
    trim(coalesce("Tanggal Lahir", '')) AS birth,
    regexp_extract(lower(trim(coalesce("Umur", ''))), '^(\\d{1,3})\\s*(?:th|thn|tahun)?\\.?$', 1) AS age_text,
    lower(trim(coalesce("Peran", ''))) AS role_text,
    lower(trim(coalesce("Instansi", ''))) AS institution,
    trim(coalesce("Kabupaten/Kota", '')) AS regency_text,
    lower(trim(coalesce("Disabilitas", ''))) AS disability_text
  FROM raw
  WHERE trim(coalesce("Nama", '')) <> '' OR trim(coalesce("Jenis Kelamin", '')) <> ''
), dated AS (
  SELECT *,
    regexp_matches(nik, '^\\d{16}$') AS nik_ok,
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
    CASE WHEN nik_ok THEN ${year} - (CAST(substr(nik, 11, 2) AS INT) + CASE WHEN CAST(substr(nik, 11, 2) AS INT) > ${year % 100} THEN 1900 ELSE 2000 END)
      - CASE WHEN CAST(substr(nik, 9, 2) AS INT) > 6 THEN 1 ELSE 0 END END AS nik_age,
    CASE WHEN birth_date IS NOT NULL THEN date_diff('year', birth_date, DATE '${year}-06-01') END AS birth_age,
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
SELECT count(*) AS table_rows FROM (
  SELECT count(*) AS n FROM grouped GROUP BY GROUPING SETS (${groupings})
)`;
}

/** Runs the SQL on the CSV at `path`; the number of table rows. */
export async function duckdbTerpilah(path: string, referenceYear = 2024): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(duckdbSql(path, referenceYear));
    return Number(reader.getRows()[0][0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
