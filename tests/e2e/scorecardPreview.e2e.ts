import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { previewTestIds } from '@touchpoint/preview/src/host/previewText';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { PANEL_ERROR, scorecardPanelId } from './support/leadershipDashboard';
import { runTouchpoint } from '../support/runTouchpoint';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, branchNameOf, seededWarehouse, useLiveDemo } from './support/liveDemo';
import { serviceRows } from './support/serviceQuery';

const TOKEN = 'e2e-preview-token';
/**
 * Data to today, so panels with their own relative range (the cohorts' last
 * 12 months) have data too; the page's range is written into its URL as
 * Grafana does, and the same range is asked of the service.
 */
const END = new Date().toISOString().slice(0, 10);
const TO = Date.parse(END);
const FROM = TO - 90 * 86_400_000;

const sliPanelId = scorecardPanelId('sli');
/** How long the slow-service test holds back each answer: far longer than a first paint takes. */
const SLOW_ANSWER_MS = 1500;

describe('the preview (npm start) in Chromium, on a live service', () => {
  const live = useLiveDemo('preview', TOKEN, seededWarehouse(END));

  /** The leadership dashboard at a size, with its errors watched, once its queries have settled. */
  const open = async (params: string, viewport = { width: 1600, height: 1000 }) => {
    const page = await live.browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(`${live.demo.previewUrl}/d/${HOME_DASHBOARD_UID}?from=${FROM}&to=${TO}&${params}`);
    await page
      .getByTestId(previewTestIds.panel(sliPanelId))
      .locator('[data-testid^="touchpoint-gauge-BR"]')
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    return { page, errors };
  };
  const sliPanel = (page: Page) => page.getByTestId(previewTestIds.panel(sliPanelId));
  const breadcrumbs = (page: Page) => sliPanel(page).getByTestId(testIds.breadcrumbs).locator('li').allInnerTexts();
  const column = async (page: Page, name: string) => {
    const table = sliPanel(page).getByTestId(testIds.drillTable);
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    const index = headers.indexOf(name);
    if (index < 0) {
      throw new Error(`no column ${name} in ${headers.join(', ')}`);
    }
    return table.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
  };

  it('shows on each branch’s gauge the SLI the service returns for it, and never the token', async () => {
    const { page, errors } = await open('var-branch=$__all');
    const expected = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }],
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(await sliPanel(page).locator('[data-testid^="touchpoint-gauge-BR"]').count()).toBe(expected.length);
    for (const row of expected) {
      const gauge = sliPanel(page).getByTestId(testIds.gauge(String(row.branch_id)));
      // The value is SVG text: textContent, not innerText.
      expect(await gauge.getByTestId(testIds.gaugeValue).textContent()).toBe(Number(row.sli).toFixed(1));
      expect(await gauge.innerText()).toContain(messages.n(Number(row.n)));
      // Named as the branch picker names it; the id on hover.
      expect(await gauge.innerText()).toContain(String(row.branch_name));
      expect(await gauge.innerText()).not.toContain(String(row.branch_id));
      expect(await gauge.getAttribute('title')).toContain(`${row.branch_name} (${row.branch_id})`);
    }
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(await page.content()).not.toContain(TOKEN);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills branch -> why -> customers -> contacts and back, setting the branch variable and the breadcrumbs by name', async () => {
    const { page, errors } = await open('var-branch=$__all');
    const first = sliPanel(page).locator('[data-testid^="touchpoint-gauge-BR"]').first();
    const branchId = (await first.getAttribute('data-testid'))!.replace('touchpoint-gauge-', '');
    const branchName = await branchNameOf(live.demo, TOKEN, { from: FROM, to: TO }, branchId);

    await first.click();
    await page.waitForURL((url) => url.searchParams.get('var-branch') === branchId);
    expect(await page.getByTestId(previewTestIds.variable('branch')).innerText()).toContain(String(branchName));
    // A branch opens on why it scores what it scores, named, its id on hover; its customers are one step on.
    const why = messages.steps.why(branchName);
    const branchStep = messages.steps.branch(branchName);
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, why]);
    expect(await sliPanel(page).getByTestId(testIds.breadcrumbs).getByText(why).getAttribute('title')).toBe(
      `${branchName} (${branchId})`
    );
    await sliPanel(page)
      .getByRole('button', { name: messages.why.customers(branchName) })
      .click();
    await sliPanel(page).getByTestId(testIds.breadcrumbs).getByText(branchStep).waitFor();
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, why, branchStep]);
    const customers = await column(page, 'Customer');
    expect(customers.length).toBeGreaterThan(0);

    await sliPanel(page).getByTestId(testIds.drillTable).locator('tbody button').first().click();
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, why, branchStep, `Customer ${customers[0]}`]);
    const events = await column(page, 'Event');
    const [{ contacts }] = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [
        {
          refId: 'A',
          kind: 'sql',
          format: 'table',
          sql: `select count(*)::int as contacts from fct_interactions where customer_id = '${customers[0]}'`,
        },
      ],
    });
    expect(events.filter((event) => event === 'contact')).toHaveLength(Number(contacts));

    await page.goBack();
    expect(await breadcrumbs(page)).toEqual([messages.scorecard, why, branchStep]);
    expect(await column(page, 'Customer')).toEqual(customers);

    await sliPanel(page).getByTestId(testIds.breadcrumbs).getByRole('button', { name: messages.scorecard }).click();
    await page.waitForURL((url) => url.searchParams.get('var-branch') === '$__all');
    await sliPanel(page).getByTestId(testIds.gauge(branchId)).waitFor();
    expect(await page.getByTestId(previewTestIds.variable('branch')).innerText()).toContain('All');
    await page.waitForLoadState('networkidle');
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves screenshots in the dark and light themes and at wall size in kiosk mode, and settles without re-querying', async () => {
    const dark = await open('var-branch=$__all');
    await dark.page.screenshot({ path: join(ARTIFACTS, 'leadership-dark.png'), fullPage: true });
    // Settled means settled: no panel keeps asking the service.
    let queries = 0;
    dark.page.on('request', (request) => {
      if (request.url().includes('/api/query')) {
        queries += 1;
      }
    });
    await dark.page.waitForTimeout(2000);
    expect(queries).toBe(0);
    expect(dark.errors).toEqual([]);
    await dark.page.close();

    const light = await open('var-branch=$__all&theme=light');
    const background = await light.page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const [red, green, blue] = background.match(/\d+/g)!.map(Number);
    expect(red + green + blue).toBeGreaterThan(600);
    await light.page.screenshot({ path: join(ARTIFACTS, 'leadership-light.png'), fullPage: true });
    expect(light.errors).toEqual([]);
    await light.page.close();

    const wall = await open('var-branch=$__all&kiosk', { width: 1920, height: 1080 });
    expect(await wall.page.getByTestId(previewTestIds.variable('branch')).count()).toBe(0);
    expect(await sliPanel(wall.page).getByTestId(testIds.asOf).innerText()).toMatch(
      /^Data as of \d{1,2} \w{3} \d{4} \d\d:\d\d \((\d+ h|\d+ days?) old\)$/
    );
    // Nothing only on hover in the scorecard itself (Grafana's panel header has its own title).
    expect(await sliPanel(wall.page).getByTestId(testIds.panel).locator('[title]').count()).toBe(0);
    await wall.page.screenshot({ path: join(ARTIFACTS, 'leadership-wall.png') });
    expect(await wall.page.locator(PANEL_ERROR).count()).toBe(0);
    expect(wall.errors).toEqual([]);
    await wall.page.close();
  });

  it('shows the new data and its "data as of" on the next refresh after a load, without a restart', async () => {
    const gaugeValues = async (page: Page) => {
      const gauges = sliPanel(page).locator('[data-testid^="touchpoint-gauge-BR"]');
      const values: Record<string, string | null> = {};
      for (const gauge of await gauges.all()) {
        values[(await gauge.getAttribute('data-testid'))!] = await gauge.getByTestId(testIds.gaugeValue).textContent();
      }
      return values;
    };
    const before = await open('var-branch=$__all&kiosk', { width: 1920, height: 1080 });
    const asOfBefore = await sliPanel(before.page).getByTestId(testIds.asOf).innerText();
    const valuesBefore = await gaugeValues(before.page);
    const health = async () =>
      (await (await fetch(`${live.demo.serviceUrl}/api/health`)).json()) as { dataVersion: string };
    const versionBefore = (await health()).dataVersion;

    // Another seed onto the file the demo serves: other data, ending three days earlier.
    const earlier = new Date(TO - 3 * 86_400_000).toISOString().slice(0, 10);
    const reseeded = await runTouchpoint('seed', '--db', live.db, '--scale', '0.05', '--seed', '12', '--end', earlier);
    expect(reseeded.stderr).toBe('');
    const deadline = Date.now() + 10_000;
    while ((await health()).dataVersion === versionBefore && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await health()).dataVersion).not.toBe(versionBefore);

    await before.page.reload();
    await sliPanel(before.page).locator('[data-testid^="touchpoint-gauge-BR"]').first().waitFor();
    await before.page.waitForLoadState('networkidle');
    const asOfAfter = await sliPanel(before.page).getByTestId(testIds.asOf).innerText();
    expect(asOfAfter).not.toBe(asOfBefore);
    const expected = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }],
    });
    const valuesAfter = await gaugeValues(before.page);
    expect(valuesAfter).toEqual(
      Object.fromEntries(expected.map((row) => [testIds.gauge(String(row.branch_id)), Number(row.sli).toFixed(1)]))
    );
    expect(valuesAfter).not.toEqual(valuesBefore);
    expect(before.errors).toEqual([]);
    await before.page.close();
  });

  it('paints a slow first load as waiting, never as an error or as no data, until the queries settle', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors = watchErrors(page);
    // Every answer from the service held back, as on a busy machine: the panels paint long before their data.
    let held = 0;
    await page.route('**/api/datasources/proxy/**', async (route) => {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, SLOW_ANSWER_MS));
      await route.continue();
    });
    // From the page's first byte: whatever any panel showed, each time the DOM changed (in the page, so as text).
    await page.addInitScript(`(() => {
      const seen = { problems: [], loading: false };
      window.touchpointFirstPaint = seen;
      new MutationObserver(() => {
        const text = document.body ? document.body.innerText : '';
        const errorView = document.querySelector('[data-testid="data-testid Panel data error message"]');
        const problem = text.includes('Unable to render data') ? 'Unable to render data' : errorView && errorView.textContent;
        if (problem) {
          seen.problems.push(problem);
        }
        seen.loading = seen.loading || document.querySelector('[data-testid="${testIds.panelLoading}"]') !== null;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    })()`);
    await page.goto(`${live.demo.previewUrl}/d/${HOME_DASHBOARD_UID}?from=${FROM}&to=${TO}&var-branch=$__all`);
    await sliPanel(page).locator('[data-testid^="touchpoint-gauge-BR"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const seen = await page.evaluate<{ problems: string[]; loading: boolean }>('window.touchpointFirstPaint');
    expect(held).toBeGreaterThan(0);
    expect(seen.loading).toBe(true);
    expect(seen.problems).toEqual([]);
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops the preview and the service cleanly on Ctrl+C', async () => {
    expect(await live.demo.stop()).toBe(0);
    await expect(fetch(live.demo.previewUrl)).rejects.toThrow();
    await expect(fetch(`${live.demo.serviceUrl}/api/health`)).rejects.toThrow();
  });
});
