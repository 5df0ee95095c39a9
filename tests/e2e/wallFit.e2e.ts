import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { testIds } from '@touchpoint/scorecard-panel/src/messages';
import { previewTestIds } from '@touchpoint/preview/src/host/previewText';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { PANEL_ERROR, scorecardPanelId } from './support/leadershipDashboard';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, seededWarehouse, useLiveDemo } from './support/liveDemo';

const TOKEN = 'e2e-wall-token';
/** Data to today, so the cohorts' own range (the last 12 months) holds a full year of cohorts. */
const END = new Date().toISOString().slice(0, 10);
const TO = Date.parse(END);
const FROM = TO - 90 * 86_400_000;

const sliPanelId = scorecardPanelId('sli');
const cohortPanelId = scorecardPanelId('cohorts');
const GAUGES = `[data-testid^="${testIds.gauge('')}"]:not([data-testid="${testIds.gaugeValue}"])`;
/** Each cohort row: its label, and each of its cells (the grid's rows have no box of their own). */
const COHORT_ROW_PARTS = '[role="rowheader"], [role="cell"] > *';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The elements matching `selector` in a panel whose box leaves the panel's box. */
const outsideOf = async (panel: Locator, selector: string) => {
  const panelBox = (await panel.boundingBox())!;
  const elements = await panel.locator(selector).all();
  const outside: string[] = [];
  for (const element of elements) {
    const box = await element.boundingBox();
    if (!box || !inside(box, panelBox)) {
      outside.push((await element.getAttribute('data-testid')) ?? (await element.innerText()));
    }
  }
  return { count: elements.length, outside };
};

/**
 * Elements in a panel that clip or scroll more content than they show, so
 * something in them cannot be seen on a wall (a pixel of rounding allowed).
 * A string, as the tests compile without the DOM's types.
 */
const hiddenOverflow = (page: Page, panelTestId: string) =>
  page.evaluate<string[]>(`(() => {
    const root = document.querySelector('[data-testid="${panelTestId}"]');
    return [root, ...root.querySelectorAll('*')]
      .filter((element) => getComputedStyle(element).overflow !== 'visible')
      .filter((element) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.tagName + '.' + (element.getAttribute('data-testid') ?? element.className) + ' ' +
        element.scrollWidth + 'x' + element.scrollHeight + ' in ' + element.clientWidth + 'x' + element.clientHeight);
  })()`);

describe('the leadership dashboard on a wall (kiosk) in Chromium', () => {
  const live = useLiveDemo('wall', TOKEN, seededWarehouse(END));

  const open = async (params: string, viewport: { width: number; height: number }) => {
    const page = await live.browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(
      `${live.demo.previewUrl}/d/${HOME_DASHBOARD_UID}?from=${FROM}&to=${TO}&var-branch=$__all&${params}`
    );
    await panel(page, sliPanelId).locator(GAUGES).first().waitFor();
    await panel(page, cohortPanelId).getByRole('rowheader').first().waitFor();
    await page.waitForLoadState('networkidle');
    return { page, errors };
  };
  const panel = (page: Page, id: number) => page.getByTestId(previewTestIds.panel(id));

  it.each([
    { width: 1920, height: 1080, theme: 'dark' },
    { width: 3840, height: 2160, theme: 'dark' },
    { width: 1920, height: 1080, theme: 'light' },
  ])('shows every cohort row and every gauge inside its panel at $width x $height ($theme)', async (size) => {
    const { page, errors } = await open(`kiosk&theme=${size.theme}`, { width: size.width, height: size.height });
    const cohorts = panel(page, cohortPanelId);
    const sli = panel(page, sliPanelId);
    await page.screenshot({ path: join(ARTIFACTS, `leadership-wall-${size.width}x${size.height}-${size.theme}.png`) });

    const rows = await outsideOf(cohorts, COHORT_ROW_PARTS);
    expect(rows.count).toBeGreaterThan(4);
    expect(rows.outside).toEqual([]);
    const gauges = await outsideOf(sli, GAUGES);
    expect(gauges.count).toBeGreaterThan(1);
    expect(gauges.outside).toEqual([]);
    expect(await hiddenOverflow(page, previewTestIds.panel(cohortPanelId))).toEqual([]);
    expect(await hiddenOverflow(page, previewTestIds.panel(sliPanelId))).toEqual([]);

    // The colours are explained by their written ends.
    expect(await cohorts.getByTestId(testIds.cohortLegend).innerText()).toMatch(/^Retention\s+(\d+%\s+)?\d+%$/);
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['dark', 'light'])('saves the cohort triangle with its colour legend in the %s theme', async (theme) => {
    const { page, errors } = await open(`theme=${theme}`, { width: 1600, height: 1000 });
    const cohorts = panel(page, cohortPanelId);
    await cohorts.screenshot({ path: join(ARTIFACTS, `cohorts-${theme}.png`) });
    const legend = await cohorts.getByTestId(testIds.cohortLegend).innerText();
    const [low, high] = legend.match(/\d+%/g)!.map((value) => parseInt(value, 10));
    expect(low).toBeLessThan(high);
    // Off the wall every cohort is shown, without a "latest" note.
    expect(await cohorts.getByTestId(testIds.cohortLatest).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
