/**
 * The `Instansi` sheet as rows: Nama baku | Alias | Status, one row per spelling (a row with no
 * alias just names the institution). The office may edit it by hand, reorder its columns, or
 * put several aliases in one cell separated by ";": the sheet is read back by its headers.
 */
import { INSTANSI_STATUSES, STATUS_SEED, type InstitutionRow } from './instansi-directory';
import { SEED_INSTITUTIONS } from './instansi-seed';

export const INSTANSI_SHEET = 'Instansi';
export const INSTANSI_HEADERS = ['Nama baku', 'Alias', 'Status'] as const;
export { INSTANSI_STATUSES };

const HEADER_NAMES: Record<keyof InstitutionRow, string[]> = {
  canonical: ['nama baku', 'nama resmi', 'nama instansi', 'instansi', 'canonical', 'canonical name'],
  alias: ['alias', 'aliases', 'ejaan', 'ejaan lain', 'alias ejaan lain', 'nama lain'],
  status: ['status'],
};

const headerKey = (value: unknown) =>
  String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type InstansiSheetReading =
  { ok: true; rows: InstitutionRow[] } | { ok: false; problem: 'noCanonicalColumn'; found: string };

/** 0-based column of each field in a header row (-1 = absent). */
export function instansiColumns(header: readonly unknown[]): Record<keyof InstitutionRow, number> {
  const row = Array.isArray(header) ? header : [];
  const column = (field: keyof InstitutionRow) =>
    row.findIndex((cell) => HEADER_NAMES[field].includes(headerKey(cell)));
  return { canonical: column('canonical'), alias: column('alias'), status: column('status') };
}

/** All values of the sheet, header row first. */
export function readInstansiValues(values: unknown[][]): InstansiSheetReading {
  const list = Array.isArray(values) ? values : [];
  const header: unknown[] = Array.isArray(list[0]) ? list[0] : [];
  const { canonical, alias, status } = instansiColumns(header);
  if (canonical < 0)
    return {
      ok: false,
      problem: 'noCanonicalColumn',
      found: header
        .map((cell) => String(cell ?? '').trim())
        .filter(Boolean)
        .slice(0, 8)
        .join(', '),
    };
  const rows: InstitutionRow[] = [];
  for (const raw of list.slice(1)) {
    const cells = Array.isArray(raw) ? raw : [];
    const name = text(cells[canonical]);
    if (name === '') continue;
    const state = status < 0 ? '' : text(cells[status]);
    const aliases =
      alias < 0
        ? []
        : text(cells[alias])
            .split(/[;\n]/)
            .map((a) => a.trim())
            .filter(Boolean);
    if (aliases.length === 0) rows.push({ canonical: name, alias: '', status: state });
    for (const a of aliases) rows.push({ canonical: name, alias: a, status: state });
  }
  return { ok: true, rows };
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The seed as sheet rows: each institution's own row, then one per alias. */
export function seedRows(): InstitutionRow[] {
  const rows: InstitutionRow[] = [];
  for (const seed of SEED_INSTITUTIONS) {
    rows.push({ canonical: seed.canonical, alias: '', status: STATUS_SEED });
    for (const alias of seed.aliases) rows.push({ canonical: seed.canonical, alias, status: STATUS_SEED });
  }
  return rows;
}

/** Rows as sheet values, in INSTANSI_HEADERS order. */
export function rowValues(rows: readonly InstitutionRow[]): string[][] {
  return rows.map((r) => [r.canonical, r.alias, r.status]);
}
