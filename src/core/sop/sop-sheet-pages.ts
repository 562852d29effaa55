/**
 * A long SOP on paper: the flowchart is split into printed pages of whole steps, the table header
 * repeats on each page (print titles), and where the flow line crosses a page break it ends in a
 * numbered off-page connector ("⬠ A") at the foot of one page and resumes from the same letter at
 * the head of the next, as the Permenpan RB 35/2012 guide draws it.
 */

/** Indonesian government paper: A4, or F4 (folio, 215 × 330 mm). Both printed landscape. */
export type Paper = 'A4' | 'F4';

export interface PageOptions {
  paper?: Paper;
  /** Steps on one printed page; default: as many as fit the paper (estimated row heights). */
  stepsPerPage?: number;
}

/** Paper sides in mm. */
const PAPER_MM: Record<Paper, { short: number; long: number }> = {
  A4: { short: 210, long: 297 },
  F4: { short: 215, long: 330 },
};
/** The .xlsx export's margins in inches (left + right, top + bottom with header/footer room). */
const MARGIN_IN = { width: 0.8, height: 1.2 };
/** The table header, and the rows around the steps on a page (terminator or off-page connector + its line). */
const HEADER_PX = 60;
const FRAME_PX = 2 * 2 * 21;
/** Rows are estimated, never measured: keep a tenth of the page spare. */
const SAFETY = 0.9;

/** Height in sheet pixels of one landscape page when the table is printed one page wide. */
export function pageHeightPx(paper: Paper, tableWidthPx: number): number {
  const { short, long } = PAPER_MM[paper];
  const printableWidth = (long / 25.4 - MARGIN_IN.width) * 96;
  const printableHeight = (short / 25.4 - MARGIN_IN.height) * 96;
  const scale = Math.min(1, printableWidth / tableWidthPx);
  return printableHeight / scale;
}

/**
 * The steps (0-based indices) of each page: `stepsPerPage` at a time when given, else as many as
 * fit the paper's height (each step's estimated height, a page's header and connector rows).
 */
export function splitIntoPages(
  stepHeights: number[],
  tableWidthPx: number,
  options: PageOptions = {},
): number[][] {
  const fixed = options.stepsPerPage && options.stepsPerPage > 0 ? Math.floor(options.stepsPerPage) : 0;
  const budget = pageHeightPx(options.paper ?? 'A4', tableWidthPx) * SAFETY - HEADER_PX - FRAME_PX;
  const greedy = fill(stepHeights, (page, used, height) =>
    fixed ? page.length >= fixed : page.length > 0 && used + height > budget,
  );
  if (fixed || greedy.length < 2) return greedy;
  // As many pages as the greedy fill needs, but evenly filled (no last page with one step), when
  // every page still fits.
  const perPage = Math.ceil(stepHeights.length / greedy.length);
  const even = fill(stepHeights, (page) => page.length >= perPage);
  const fits = even.every((page) => page.reduce((sum, i) => sum + stepHeights[i], 0) <= budget);
  return fits && even.length === greedy.length ? even : greedy;
}

/** Steps into pages in order, a new page whenever `full` says so. */
function fill(
  stepHeights: number[],
  full: (page: number[], used: number, height: number) => boolean,
): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  stepHeights.forEach((height, i) => {
    if (full(page, used, height)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(i);
    used += height;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The off-page connector's letter: A … Z, then AA, AB, … */
export function connectorLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}
