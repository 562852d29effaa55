/**
 * For the server tests and scripts/terpilah-budget.ts: appends ../seed/participants.ts's rows to a
 * `Peserta` sheet they already hold (the benchmarks build the whole sheet with that module).
 */
import type { SheetState } from '../../src/workbench/model';
import { participantRow } from '../seed/participants';

/** Adds `count - 1` typed-looking rows over four activities to a `Peserta` sheet (after its first row). */
export function seedParticipantRows(sheet: SheetState, count: number): void {
  for (let i = 1; i < count; i++) sheet.rows.push(participantRow(i).map((value) => ({ value })));
  sheet.maxRows = Math.max(sheet.maxRows, count + 1);
}
