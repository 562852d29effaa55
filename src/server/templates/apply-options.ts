import type { ApplyOptions } from '../sheets/apply-plan';

/**
 * How the SOP and template sheets' plans are written (sheets/apply-plan.ts): the same sheet in
 * fewer round trips. Weight, colour and size in one setTextStyles; the widths in the fewest
 * setColumnWidths calls (core/plan/size-strokes.ts); a run of borders of one style in the fewest
 * RangeLists — the SOP's solid table outline, grids and flowchart lines in two where they took
 * three (core/plan/border-runs.ts). test/server/sop-sheet-state.test.ts: cell for cell the same.
 */
export const TEMPLATES_APPLY_OPTIONS: ApplyOptions = {
  textStyles: true,
  sizeStrokes: true,
  borderRuns: true,
};
