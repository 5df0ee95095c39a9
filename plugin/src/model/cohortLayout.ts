export interface CohortLayoutInput {
  /** Rows of cells: the cohorts, plus one for the average when shown. */
  rows: number;
  /** Months since start shown: maxK + 1. */
  columns: number;
  width: number;
  height: number;
  wall: boolean;
  showCurve: boolean;
  /** Characters in the widest line of any cell ('100%', '12,345'). */
  cellChars: number;
  /** Characters in the widest size line of a row label ('n 1,234 (low)'). */
  sizeChars: number;
}

export interface CohortLayout {
  /** Cell text; headers and labels derive from it. */
  fontSize: number;
  labelWidth: number;
  cellWidth: number;
  cellHeight: number;
  gap: number;
  /** The caption line and the line of month numbers above the cells. */
  headerHeight: number;
  curveHeight: number;
  /** 'Mar 2024' or, when narrow, 'Mar 24'. */
  monthFormat: 'long' | 'short';
  /** Month and size stacked in the row label, or on one line when rows are low. */
  labelLines: 1 | 2;
  /** Even the smallest readable cells do not fit: the view scrolls. */
  scrolls: boolean;
}

/** Em widths of a digit and of a line in the theme's sans-serif, with tabular figures. */
const CHAR = 0.62;
const LINE = 1.25;
const PAD_X = 0.8;
const PAD_Y = 0.35;
/** Header and curve labels are set a little smaller than the cells. */
export const SMALL = 0.85;
const GAP = 2;
export const CURVE_GAP = 8;
/** Room above the curve for the point labels and below it for the months, in the curve's (small) type. */
export const CURVE_TOP_EM = 1.6;
export const CURVE_BOTTOM_EM = 1.5;
/** The curve's plot keeps at least this many cell font sizes of height between them. */
const CURVE_PLOT_EM = 2;

const sizes = {
  normal: { minFont: 9, maxFont: 24, minCurve: 56, maxCurve: 280 },
  wall: { minFont: 14, maxFont: 72, minCurve: 120, maxCurve: 560 },
};

const MONTH_CHARS = { long: 'Mar 2024'.length, short: 'Mar 24'.length };
const AVERAGE_CHARS = 'Average'.length;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The cell size and type size that give the triangle the biggest readable
 * text in width x height: tries month labels long and short, stacked and on
 * one line, and keeps the fullest labels whose type is within 15% of the
 * largest possible. Cells then stretch to fill the panel. Wall cells
 * carry two lines, since nothing there may be left to hover. When even the
 * smallest type does not fit, cells keep that size and the view scrolls.
 */
export const cohortLayout = (input: CohortLayoutInput): CohortLayout => {
  const size = input.wall ? sizes.wall : sizes.normal;
  const rows = Math.max(1, input.rows);
  const columns = Math.max(1, input.columns);
  const cellLines = input.wall ? 2 : 1;
  // Never narrower than three digits: the curve writes '100%' (in smaller type) over each column.
  const cellChars = Math.max(3, input.cellChars);
  const curveHeight = input.showCurve ? Math.round(clamp(input.height * 0.28, size.minCurve, size.maxCurve)) : 0;
  const gridHeight = input.height - curveHeight - (input.showCurve ? CURVE_GAP : 0);

  const arrangements = (['long', 'short'] as const).flatMap((monthFormat) =>
    ([2, 1] as const).map((labelLines) => {
      const month = MONTH_CHARS[monthFormat];
      const labelChars =
        labelLines === 2
          ? Math.max(month, input.sizeChars, AVERAGE_CHARS)
          : Math.max(month + 1 + input.sizeChars, AVERAGE_CHARS);
      // Needs per pixel of font size, so the largest font is a division.
      const labelEm = labelChars * CHAR + PAD_X;
      const cellEm = cellChars * CHAR + PAD_X;
      const rowEm = Math.max(cellLines, labelLines) * LINE + PAD_Y;
      const headerEm = 2 * SMALL * LINE;
      // One pixel more per track than the gap, for the rounding up of sizes below.
      const byWidth = (input.width - (columns + 1) * (GAP + 1)) / (labelEm + columns * cellEm);
      const byHeight = (gridHeight - (rows + 2) * (GAP + 1)) / (headerEm + rows * rowEm);
      const byCurve = input.showCurve
        ? curveHeight / (SMALL * (CURVE_TOP_EM + CURVE_BOTTOM_EM) + CURVE_PLOT_EM)
        : Infinity;
      return { monthFormat, labelLines, labelEm, cellEm, rowEm, headerEm, fits: Math.min(byWidth, byHeight, byCurve) };
    })
  );
  const largest = Math.max(...arrangements.map((a) => Math.min(a.fits, size.maxFont)));
  const scrolls = largest < size.minFont;
  const areaAt = (a: (typeof arrangements)[number], font: number) =>
    (a.labelEm * font + columns * (a.cellEm * font + GAP)) * (a.headerEm * font + rows * (a.rowEm * font + GAP));
  // Stacked, long labels read best: keep them unless that costs more than a little type.
  // When nothing fits, the least to scroll through.
  const best = scrolls
    ? arrangements.reduce((a, b) => (areaAt(b, size.minFont) < areaAt(a, size.minFont) ? b : a))
    : arrangements.find((a) => Math.min(a.fits, size.maxFont) >= Math.max(largest * 0.85, size.minFont))!;
  const fontSize = Math.floor(clamp(best.fits, size.minFont, size.maxFont) * 10) / 10;

  const labelWidth = Math.ceil(best.labelEm * fontSize);
  const headerHeight = Math.ceil(best.headerEm * fontSize) + GAP;
  const minCell = Math.ceil(best.cellEm * fontSize);
  const minRow = Math.ceil(best.rowEm * fontSize);
  // Stretch to fill, but not into slabs: a lone cohort on a wall stays a row, not a wall.
  const cellWidth = clamp(
    Math.floor((input.width - labelWidth) / columns - GAP),
    minCell,
    Math.max(minCell, fontSize * 10)
  );
  const cellHeight = clamp(
    Math.floor((gridHeight - headerHeight) / rows - GAP),
    minRow,
    Math.max(minRow, fontSize * cellLines * 3)
  );
  return {
    fontSize,
    labelWidth,
    cellWidth,
    cellHeight,
    gap: GAP,
    headerHeight,
    curveHeight,
    monthFormat: best.monthFormat,
    labelLines: best.labelLines,
    scrolls,
  };
};

export interface CohortFitInput extends Omit<CohortLayoutInput, 'rows'> {
  /** Cohorts in the data, oldest first. */
  cohorts: number;
  /** The Average row under the cohorts. */
  averageRow: boolean;
}

export interface CohortFit {
  /** How many of the latest cohorts are shown; all of them unless a wall cannot hold them. */
  cohorts: number;
  showCurve: boolean;
  layout: CohortLayout;
}

/**
 * What of the triangle to show. Off the wall, everything, scrolling if it
 * must. A wall cannot be scrolled, so there the curve goes first (the
 * Average row writes its numbers), then the oldest cohorts, until the rest
 * fits at the smallest wall type; the view says it shows the latest N.
 */
export const fitCohorts = ({ cohorts, averageRow, ...input }: CohortFitInput): CohortFit => {
  const extra = averageRow ? 1 : 0;
  const at = (shown: number, showCurve: boolean): CohortFit => ({
    cohorts: shown,
    showCurve,
    layout: cohortLayout({ ...input, showCurve, rows: shown + extra }),
  });
  const all = at(cohorts, input.showCurve);
  if (!input.wall || !all.layout.scrolls) {
    return all;
  }
  for (let shown = cohorts; shown > 1; shown--) {
    const fit = at(shown, false);
    if (!fit.layout.scrolls) {
      return fit;
    }
  }
  return at(Math.min(1, cohorts), false);
};
