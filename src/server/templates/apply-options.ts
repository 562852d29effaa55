import type { ApplyOptions } from '../sheets/apply-plan';

/**
 * How the SOP and template sheets' plans are written (sheets/apply-plan.ts): weight, colour and
 * size in one setTextStyles (their builders free), one round trip where three setters would be.
 * test/server/sop-sheet-state.test.ts: cell for cell the same sheet.
 */
export const TEMPLATES_APPLY_OPTIONS: ApplyOptions = { textStyles: true };
