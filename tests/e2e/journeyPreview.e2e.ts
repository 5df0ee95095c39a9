import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { previewTestIds } from '@touchpoint/preview/src/host/previewText';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { PANEL_ERROR, scorecardPanelId } from './support/leadershipDashboard';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, seededWarehouse, useLiveDemo } from './support/liveDemo';
import { serviceRows } from './support/serviceQuery';

const TOKEN = 'e2e-journey-token';
// Data to today, so the dashboard's own range (the last 90 days) has data; the same range is asked of the service.
const END = new Date().toISOString().slice(0, 10);
const TO = Date.parse(END);
const FROM = TO - 90 * 86_400_000;

const journeyPanelId = scorecardPanelId('journey');

describe('the journey panel on the leadership dashboard, in Chromium on a live service', () => {
  const live = useLiveDemo('journey', TOKEN, seededWarehouse(END));

  const panel = (page: Page) => page.getByTestId(previewTestIds.panel(journeyPanelId));

  it('shows a row per touchpoint, most customers at risk first, and opens a touchpoint’s negative ratings', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${live.demo.previewUrl}/d/${HOME_DASHBOARD_UID}?from=${FROM}&to=${TO}&var-branch=$__all`);
    await panel(page).scrollIntoViewIfNeeded();
    const table = panel(page).getByTestId(testIds.journeyTable);
    await table.waitFor();
    await page.waitForLoadState('networkidle');

    // The company's journey, as the service answers it: every touchpoint a row, most at risk first.
    const rows = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'journey' }],
    });
    expect(rows.length).toBeGreaterThan(1);
    const shown = await Promise.all(
      (await table.locator('tbody tr').all()).map((tr) => tr.getAttribute('data-testid'))
    );
    const byRisk = [...rows].sort(
      (a, b) =>
        Number(b.customers_at_risk ?? -1) - Number(a.customers_at_risk ?? -1) ||
        Number(a.touchpoint_order) - Number(b.touchpoint_order)
    );
    expect(shown).toEqual(byRisk.map((row) => testIds.journeyRow(String(row.touchpoint))));
    await panel(page).screenshot({ path: join(ARTIFACTS, 'journey-panel.png') });

    const top = String(byRisk[0].touchpoint);
    await panel(page).getByTestId(testIds.journeyRow(top)).getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get(`touchpoint-drill-${journeyPanelId}`) === `touchpoint:${top}`);
    expect(await panel(page).getByTestId(testIds.breadcrumbs).locator('li').allInnerTexts()).toEqual([
      messages.scorecard,
      messages.steps.touchpoint(top),
    ]);
    const drill = panel(page).getByTestId(testIds.drillTable);
    await drill.getByRole('columnheader', { name: 'Follow-up', exact: true }).waitFor();
    expect(await drill.locator('tbody tr').count()).toBeGreaterThan(0);
    await panel(page).screenshot({ path: join(ARTIFACTS, 'journey-negative-ratings.png') });

    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
