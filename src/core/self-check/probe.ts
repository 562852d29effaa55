/**
 * The probe sheet's text: strings Sheets would reinterpret if they were typed (formulas, numbers,
 * dates, times, currency, percentages, booleans, a leading apostrophe, a 16-digit NIK that a
 * number would round) plus emoji. Each is written twice through the add-in's own plan writer —
 * once in a plain cell (where the writer adds the apostrophe asLiteralText decides on) and once
 * in a "@" cell (written verbatim) — then read back and compared exactly.
 */
import type { SheetPlan } from '../plan/plan';
import type { ReadBackChange } from './checks';

export const PROBE_TEXTS: readonly string[] = [
  '=1+1',
  '+62812',
  '-5',
  '007',
  '1e3',
  '2024-04-15',
  '15/04/2024',
  'April 2024',
  '9:30 PM',
  'Rp 100',
  '1.234,5',
  '50 %',
  '(100)',
  '1/2',
  'TRUE',
  "'kutip",
  '3201234567890123',
  'Perempuan 👩🏽‍💻 🇮🇩',
];

/** Column A plain ("General"), column B plain text ("@"); one row per probe text. */
export function probePlan(sheetName: string, texts: readonly string[] = PROBE_TEXTS): SheetPlan {
  return {
    sheetName,
    values: texts.map((text) => [text, text]),
    styles: texts.map(() => [null, { numberFormat: '@' }]),
    merges: [],
    borders: [],
    validations: [],
    columnWidths: {},
    frozenRows: 0,
    // A temporary sheet, deleted at once: never printed.
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

/** Every cell whose value read back is not exactly the string written. */
export function compareReadBack(texts: readonly string[], values: readonly unknown[][]): ReadBackChange[] {
  const changes: ReadBackChange[] = [];
  texts.forEach((written, row) => {
    (['plain', 'text'] as const).forEach((column, c) => {
      const value = values[row]?.[c];
      if (value !== written) changes.push({ written, readBack: describeValue(value), column });
    });
  });
  return changes;
}

/** `"text"` for strings (so "7" and 7 differ), numbers and booleans as Sheets shows them. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = (value as Date).getTime();
    return Number.isNaN(time) ? 'Date(?)' : `Date(${new Date(time).toISOString()})`;
  }
  return value === undefined ? '(none)' : String(value);
}
