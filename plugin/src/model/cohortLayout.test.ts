import {
  cohortLayout,
  fitCohorts,
  CURVE_BOTTOM_EM,
  CURVE_GAP,
  CURVE_TOP_EM,
  SMALL,
  type CohortLayout,
  type CohortLayoutInput,
} from './cohortLayout';

const year: CohortLayoutInput = {
  rows: 13,
  columns: 12,
  width: 800,
  height: 500,
  wall: false,
  showCurve: true,
  cellChars: 3,
  sizeChars: 8,
};

const usedWidth = (layout: CohortLayout, input: CohortLayoutInput) =>
  layout.labelWidth + input.columns * (layout.cellWidth + layout.gap);
const usedHeight = (layout: CohortLayout, input: CohortLayoutInput) =>
  layout.headerHeight +
  input.rows * (layout.cellHeight + layout.gap) +
  (input.showCurve ? layout.curveHeight + CURVE_GAP : 0);

describe('cohortLayout', () => {
  it('fits a year of cohorts into an ordinary panel without scrolling', () => {
    const layout = cohortLayout(year);
    expect(layout.scrolls).toBe(false);
    expect(layout.fontSize).toBeGreaterThanOrEqual(12);
    expect(usedWidth(layout, year)).toBeLessThanOrEqual(800);
    expect(usedHeight(layout, year)).toBeLessThanOrEqual(500);
  });

  it('scrolls at the smallest readable type when a year cannot fit 300x200, with short one-line labels', () => {
    const layout = cohortLayout({ ...year, width: 300, height: 200 });
    expect(layout).toMatchObject({ scrolls: true, fontSize: 9, monthFormat: 'short', labelLines: 1 });
  });

  it('fits a few cohorts into 300x200 without scrolling', () => {
    const input = { ...year, rows: 4, columns: 3, width: 300, height: 200 };
    const layout = cohortLayout(input);
    expect(layout.scrolls).toBe(false);
    expect(usedWidth(layout, input)).toBeLessThanOrEqual(300);
    expect(usedHeight(layout, input)).toBeLessThanOrEqual(200);
  });

  it('gives a 4K wall big cells and big type, two lines per cell', () => {
    const input = { ...year, width: 3840, height: 2160, wall: true, cellChars: 7 };
    const layout = cohortLayout(input);
    expect(layout.scrolls).toBe(false);
    expect(layout.fontSize).toBeGreaterThanOrEqual(36);
    expect(layout.cellHeight).toBeGreaterThanOrEqual(2 * 1.25 * layout.fontSize);
  });

  it('keeps long, stacked month labels when there is room', () => {
    expect(cohortLayout({ ...year, rows: 4, columns: 3 })).toMatchObject({ monthFormat: 'long', labelLines: 2 });
  });

  it('keeps every column wide enough for the curve to write 100% over it', () => {
    const layout = cohortLayout({ ...year, columns: 36, width: 600, cellChars: 2 });
    expect(layout.cellWidth + layout.gap).toBeGreaterThanOrEqual('100%'.length * 0.62 * SMALL * layout.fontSize + 2);
  });

  it('leaves the curve’s room to the cells when the curve is off', () => {
    const withCurve = cohortLayout(year);
    const without = cohortLayout({ ...year, showCurve: false, rows: 12 });
    expect(without.curveHeight).toBe(0);
    expect(without.cellHeight).toBeGreaterThan(withCurve.cellHeight);
  });

  it('keeps room for the curve’s labels and a plot between them when the type grows', () => {
    const input = { ...year, rows: 2, columns: 3, width: 1200, height: 260 };
    const layout = cohortLayout(input);
    const labels = SMALL * (CURVE_TOP_EM + CURVE_BOTTOM_EM) * layout.fontSize;
    expect(layout.curveHeight - labels).toBeGreaterThanOrEqual(2 * layout.fontSize);
  });

  it('never overflows a panel it says it fits, and never goes below the smallest type', () => {
    const overflows: unknown[] = [];
    for (const wall of [false, true]) {
      for (const showCurve of [false, true]) {
        for (const [width, height] of [
          [300, 200],
          [420, 260],
          [640, 360],
          [1280, 720],
          [1920, 1080],
          [3840, 2160],
        ]) {
          for (const [rows, columns] of [
            [1, 1],
            [4, 3],
            [13, 12],
            [25, 24],
          ]) {
            const input = { rows, columns, width, height, wall, showCurve, cellChars: 5, sizeChars: 10 };
            const layout = cohortLayout(input);
            expect(layout.fontSize).toBeGreaterThanOrEqual(wall ? 14 : 9);
            expect(layout.cellWidth).toBeGreaterThanOrEqual(5 * 0.62 * layout.fontSize);
            expect(layout.cellHeight).toBeGreaterThanOrEqual((wall ? 2 : 1) * 1.25 * layout.fontSize);
            if (!layout.scrolls && (usedWidth(layout, input) > width || usedHeight(layout, input) > height)) {
              overflows.push({ input, width: usedWidth(layout, input), height: usedHeight(layout, input) });
            }
          }
        }
      }
    }
    expect(overflows).toEqual([]);
  });
});

describe('fitCohorts', () => {
  const { rows: _rows, ...rest } = year;
  const yearOf = { ...rest, cohorts: 12, averageRow: true };
  // The leadership wall's cohort panel at 1920x1080: 18 of 24 columns, 12 grid rows, less Grafana's header and the stamp.
  const wallPanel = { ...yearOf, width: 1420, height: 360, wall: true, cellChars: 4, sizeChars: 9 };

  it('shows every cohort and the curve off the wall, scrolling when it must', () => {
    expect(fitCohorts(yearOf)).toMatchObject({ cohorts: 12, showCurve: true });
    const small = fitCohorts({ ...yearOf, width: 300, height: 200 });
    expect(small).toMatchObject({ cohorts: 12, showCurve: true });
    expect(small.layout.scrolls).toBe(true);
  });

  it('keeps everything on a wall that has room for it', () => {
    const fit = fitCohorts({ ...wallPanel, height: 2000, width: 3000 });
    expect(fit).toMatchObject({ cohorts: 12, showCurve: true });
    expect(fit.layout.scrolls).toBe(false);
  });

  it('on a wall drops the curve, then the oldest cohorts, until the rest fits without scrolling', () => {
    const fit = fitCohorts(wallPanel);
    expect(fit.showCurve).toBe(false);
    expect(fit.cohorts).toBeGreaterThan(1);
    expect(fit.cohorts).toBeLessThan(12);
    expect(fit.layout.scrolls).toBe(false);
    const input = { ...wallPanel, rows: fit.cohorts + 1, showCurve: false };
    expect(usedHeight(fit.layout, input)).toBeLessThanOrEqual(wallPanel.height);
    // One cohort more would not fit.
    expect(cohortLayout({ ...input, rows: fit.cohorts + 2 }).scrolls).toBe(true);
  });

  it('drops only the curve on a wall when that is enough', () => {
    const withCurve = cohortLayout({ ...wallPanel, rows: 5, showCurve: true });
    const without = cohortLayout({ ...wallPanel, rows: 5, showCurve: false });
    expect([withCurve.scrolls, without.scrolls]).toEqual([true, false]);
    expect(fitCohorts({ ...wallPanel, cohorts: 4 })).toMatchObject({ cohorts: 4, showCurve: false });
  });
});
