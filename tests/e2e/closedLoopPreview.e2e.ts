import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { previewTestIds } from '@touchpoint/preview/src/host/previewText';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { PANEL_ERROR, scorecardPanelId } from './support/leadershipDashboard';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, branchNameOf, useLiveDemo } from './support/liveDemo';
import { serviceRows } from './support/serviceQuery';

const TOKEN = 'e2e-closed-loop-token';
// The small warehouse (three branches, follow-up cases on NPS detractors) runs to 24 April 2024.
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2024, 3, 25);

const closedLoopPanelId = scorecardPanelId('closedLoop');

describe('the closed loop on the leadership dashboard, in Chromium on a live service', () => {
  const live = useLiveDemo('closed-loop', TOKEN, writeSmallWarehouse);

  const panel = (page: Page) => page.getByTestId(previewTestIds.panel(closedLoopPanelId));
  const open = async (params: string, viewport = { width: 1600, height: 1000 }) => {
    const page = await live.browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(
      `${live.demo.previewUrl}/d/${HOME_DASHBOARD_UID}?from=${FROM}&to=${TO}&var-branch=$__all&${params}`
    );
    await panel(page).getByTestId(testIds.closedLoopTable).waitFor();
    await page.waitForLoadState('networkidle');
    return { page, errors };
  };
  const breadcrumbs = (page: Page) => panel(page).getByTestId(testIds.breadcrumbs).locator('li').allInnerTexts();
  const column = async (page: Page, name: string) => {
    const table = panel(page).getByTestId(testIds.drillTable);
    await table.getByRole('columnheader', { name, exact: true }).waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    return table.locator(`tbody tr td:nth-child(${headers.indexOf(name) + 1})`).allInnerTexts();
  };

  it('clicks the worst branch, sees its ratings awaiting follow-up oldest first, and lands on a customer with their cases', async () => {
    const { page, errors } = await open('');
    const worst = panel(page).getByTestId(testIds.closedLoopTable).locator('tbody tr').first();
    const branchId = (await worst.getAttribute('data-testid'))!.replace('touchpoint-closed-loop-', '');
    const branchName = await branchNameOf(live.demo, TOKEN, { from: FROM, to: TO }, branchId);
    expect(await worst.getByRole('button').innerText()).toContain(String(branchName));

    await worst.getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('var-branch') === branchId);
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, messages.steps.followups(String(branchName))]);
    const awaiting = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'drill', drill: 'branch_awaiting_followup', branchId }],
    });
    expect(awaiting.length).toBeGreaterThan(0);
    expect(await column(page, 'Customer')).toEqual(awaiting.map((row) => row.customer_id));

    await panel(page).getByTestId(testIds.drillTable).locator('tbody button').first().click();
    const customerId = String(awaiting[0].customer_id);
    expect(await breadcrumbs(page)).toEqual([
      messages.scorecard,
      messages.steps.followups(String(branchName)),
      messages.steps.customer(customerId),
    ]);
    // Each rating's case beside it: on the rating's row, or on its contact's for an after-service rating.
    const [{ rows }] = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [
        {
          refId: 'A',
          kind: 'sql',
          format: 'table',
          sql: `select count(distinct coalesce(r.interaction_id, r.response_id))::int as rows
                from fct_responses as r join stg_followups as f using (response_id) where r.customer_id = '${customerId}'`,
        },
      ],
    });
    const cases = (await column(page, 'Case')).filter((id) => id !== '–');
    expect(cases).toHaveLength(Number(rows));
    expect(cases.length).toBeGreaterThan(0);
    expect((await column(page, 'Case opened')).filter((time) => time !== '–')).toHaveLength(cases.length);

    await page.goBack();
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, messages.steps.followups(String(branchName))]);
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads on a wall screen at 1920x1080 in both themes, with nothing only on hover', async () => {
    for (const theme of ['dark', 'light']) {
      const { page, errors } = await open(`kiosk&theme=${theme}`, { width: 1920, height: 1080 });
      const board = panel(page).getByTestId(testIds.panel);
      expect(await board.locator('[title]').count()).toBe(0);
      const valueSize = await board
        .locator('tbody td span')
        .first()
        .evaluate((element) => parseFloat((element as { style: { fontSize: string } }).style.fontSize));
      expect(valueSize).toBeGreaterThanOrEqual(24);
      await panel(page).screenshot({ path: join(ARTIFACTS, `closed-loop-wall-${theme}.png`) });
      expect(await page.locator(PANEL_ERROR).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
