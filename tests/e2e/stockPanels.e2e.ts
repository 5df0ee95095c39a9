import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { previewTestIds, previewText } from '@touchpoint/preview/src/host/previewText';
import type { DashboardPanel } from '@touchpoint/preview/src/host/dashboardModel';
import { readDashboardFiles } from '@touchpoint/preview/src/server/previewSources';
import { PANEL_ERROR } from './support/leadershipDashboard';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, seededWarehouse, useLiveDemo } from './support/liveDemo';
import { serviceRows } from './support/serviceQuery';

const TOKEN = 'e2e-stock-panels-token';
/** Data to today; the page's range is written into its URL as Grafana does, and the same range is asked of the service. */
const END = new Date().toISOString().slice(0, 10);
const TO = Date.parse(END);
const FROM = TO - 90 * 86_400_000;
const RANGE = { from: FROM, to: TO };

/** Grafana's own test ids on what its components draw. */
const BAR_GAUGE_VALUE = '[data-testid="data-testid Bar gauge value"]';
const PANEL_CONTENT = '[data-testid="data-testid panel content"]';
const LEGEND_SERIES = '[data-testid^="data-testid VizLegend series "]';
/** What Grafana's PanelDataErrorView and a failed panel say; none may show. */
const UNABLE = 'Unable to render';
const STAND_IN = previewText.notInPreview('').split('"')[0];

const dashboards = readDashboardFiles().map(({ dashboard }) => dashboard);
const STOCK_TYPES = new Set(['stat', 'bargauge', 'timeseries', 'table', 'text']);
const stockPanelsOf = (uid: string): DashboardPanel[] =>
  dashboards.find((dashboard) => dashboard.uid === uid)!.panels.filter((panel) => STOCK_TYPES.has(panel.type));
const panelTitled = (uid: string, title: string) => stockPanelsOf(uid).find((panel) => panel.title === title)!;

/** What shows that a stock panel drew its data, by type: the element Grafana's component draws with data. */
const drawnContent: Record<string, string> = {
  stat: `${PANEL_CONTENT} span`,
  bargauge: BAR_GAUGE_VALUE,
  timeseries: '.uplot canvas',
  table: '[role="grid"] [role="row"][aria-rowindex="2"]',
  text: '.markdown-html li',
};

/** How many pixels of a panel's uPlot canvas are drawn (not transparent): lines, bars, axes. A string, as the tests compile without the DOM's types. */
const drawnPixels = (page: Page, panelId: number) =>
  page.evaluate<number>(`(() => {
    const canvas = document.querySelector('[data-testid="${previewTestIds.panel(panelId)}"] .uplot canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) drawn += data[i] > 0 ? 1 : 0;
    return drawn;
  })()`);

describe('Grafana’s stock panels in the preview (npm start) in Chromium, on a live service', () => {
  const live = useLiveDemo('stock-panels', TOKEN, seededWarehouse(END));

  const panel = (page: Page, id: number) => page.getByTestId(previewTestIds.panel(id));

  /** A dashboard at a size, its errors watched, once every stock panel has drawn its data and the queries settled. */
  const open = async (uid: string, params: string, viewport: { width: number; height: number }) => {
    const page = await live.browser.newPage({ viewport });
    // The host bundle is large and these machines are shared: a first paint may take longer than Playwright's default.
    page.setDefaultTimeout(120_000);
    const errors = watchErrors(page);
    await page.goto(`${live.demo.previewUrl}/d/${uid}?from=${FROM}&to=${TO}&var-branch=$__all&${params}`);
    await page.getByTestId(previewTestIds.app).waitFor();
    for (const stock of stockPanelsOf(uid)) {
      await panel(page, stock.id).locator(drawnContent[stock.type]).first().waitFor({ state: 'attached' });
    }
    await page.waitForLoadState('networkidle');
    return { page, errors };
  };

  /** The whole dashboard in one screenshot: a viewport as tall as the page, so every panel is on screen and painted. */
  const screenshotWhole = async (page: Page, name: string) => {
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.setViewportSize({ width: page.viewportSize()!.width, height });
    await page.screenshot({ path: join(ARTIFACTS, name) });
  };

  const expectNothingBroken = async (page: Page, errors: string[]) => {
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(UNABLE);
    expect(text).not.toContain(STAND_IN);
    expect(await page.locator(PANEL_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
  };

  it.each(dashboards.flatMap(({ uid }) => ['dark', 'light'].map((theme) => ({ uid, theme }))))(
    'draws every stock panel of $uid with Grafana’s components ($theme), also on a wall at 1920x1080 and 3840x2160',
    async ({ uid, theme }) => {
      const { page, errors } = await open(uid, `theme=${theme}`, { width: 1600, height: 1000 });
      // A dashboard whose stock panels all went missing would otherwise pass with nothing checked.
      expect(stockPanelsOf(uid).length).toBeGreaterThan(0);
      for (const stock of stockPanelsOf(uid)) {
        const content = panel(page, stock.id);
        if (stock.type === 'timeseries') {
          expect(await drawnPixels(page, stock.id)).toBeGreaterThan(1000);
          // A legend entry per series the query returned.
          expect(await content.locator(LEGEND_SERIES).count()).toBeGreaterThan(0);
        } else if (stock.type === 'table') {
          expect(Number(await content.locator('[role="grid"]').getAttribute('aria-rowcount'))).toBeGreaterThan(1);
        } else if (stock.type === 'bargauge') {
          expect(await content.locator(BAR_GAUGE_VALUE).count()).toBeGreaterThan(1);
        } else if (stock.type === 'stat') {
          expect(await content.locator(PANEL_CONTENT).innerText()).toMatch(/\d/);
        }
      }
      await expectNothingBroken(page, errors);
      await screenshotWhole(page, `stock-${uid}-${theme}.png`);
      await page.close();

      for (const wall of [
        { width: 1920, height: 1080 },
        { width: 3840, height: 2160 },
      ]) {
        const onWall = await open(uid, `theme=${theme}&kiosk`, wall);
        await expectNothingBroken(onWall.page, onWall.errors);
        await onWall.page.screenshot({
          path: join(ARTIFACTS, `stock-${uid}-wall-${wall.width}x${wall.height}-${theme}.png`),
        });
        await onWall.page.close();
      }
    }
  );

  it('shows on each bar gauge and stat the numbers the service returns for that panel’s query', async () => {
    const uid = 'touchpoint-service';
    const { page, errors } = await open(uid, 'theme=dark', { width: 1600, height: 1000 });
    const percent = (value: unknown) => `${Number(value).toFixed(1)}%`;

    for (const [title, metric, by, name] of [
      ['CSAT by channel', 'csat', 'channel', 'channel'],
      ['First-contact resolution by channel', 'fcr', 'channel', 'channel'],
      ['CSAT by branch', 'csat', 'branch_id', 'branch_name'],
    ] as const) {
      const rows = await serviceRows(live.demo.serviceUrl, TOKEN, {
        ...RANGE,
        queries: [{ refId: 'A', kind: 'metric', metric, groupBy: [by] }],
      });
      expect(rows.length).toBeGreaterThan(1);
      const gauge = panel(page, panelTitled(uid, title).id);
      const values = (await gauge.locator(BAR_GAUGE_VALUE).allInnerTexts()).map((text) => text.replace(/\s/g, ''));
      expect(values).toEqual(rows.map((row) => percent(row[metric])));
      // Each bar is named by its row (the dashboard's ${__data.fields.x} display name), not by the metric.
      const text = await gauge.locator(PANEL_CONTENT).innerText();
      for (const row of rows) {
        expect(text).toContain(String(row[name]));
      }
    }

    // The stacked contacts: one series per channel, each named by its label through the panel's displayName override.
    const channels = (
      await serviceRows(live.demo.serviceUrl, TOKEN, {
        ...RANGE,
        queries: [{ refId: 'A', kind: 'metric', metric: 'volume', groupBy: ['channel'] }],
      })
    ).map((row) => String(row.channel));
    const legend = panel(page, panelTitled(uid, 'Contacts by channel').id).locator(LEGEND_SERIES);
    expect((await legend.allInnerTexts()).map((name) => name.trim()).sort()).toEqual([...channels].sort());

    for (const [title, metric] of [
      ['CSAT', 'csat'],
      ['First-contact resolution', 'fcr'],
    ] as const) {
      const [row] = await serviceRows(live.demo.serviceUrl, TOKEN, {
        ...RANGE,
        queries: [{ refId: 'A', kind: 'metric', metric, groupBy: [], compare: 'previous_period' }],
      });
      const stat = (await panel(page, panelTitled(uid, title).id).locator(PANEL_CONTENT).innerText()).replace(
        /\s/g,
        ''
      );
      expect(stat).toContain(percent(row[metric]));
      expect(stat).toContain(percent(row.change));
    }
    await expectNothingBroken(page, errors);
    await page.close();
  });

  it('lists every agent the service has in the Agents table, under the metrics’ display names, and renders the analyst’s markdown', async () => {
    const { page, errors } = await open('touchpoint-service', 'theme=dark', { width: 1600, height: 1000 });
    const agents = await serviceRows(live.demo.serviceUrl, TOKEN, {
      ...RANGE,
      queries: [{ refId: 'A', kind: 'metric', metric: 'volume', groupBy: ['agent_id'] }],
    });
    const agentsId = panelTitled('touchpoint-service', 'Agents').id;
    const table = panel(page, agentsId).locator('[role="grid"]');
    const named = agents.filter((row) => row.agent_id !== null).map((row) => String(row.agent_id));
    // The panel joins six metric frames by agent (outerTabular): contacts without an agent stay a row per frame.
    expect(Number(await table.getAttribute('aria-rowcount')) - 1).toBeGreaterThanOrEqual(named.length);
    await table.scrollIntoViewIfNeeded();
    // Sorted by CSAT as the panel asks, the rows without an agent (no CSAT) come first: the agents are further down.
    await page.evaluate(
      `(() => { const grid = document.querySelector('[data-testid="${previewTestIds.panel(agentsId)}"] [role="grid"]'); grid.scrollTop = grid.scrollHeight; })()`
    );
    await table.locator('[role="gridcell"][aria-colindex="1"]').filter({ hasText: /\S/ }).first().waitFor();
    const shown = (await table.locator('[role="row"] [role="gridcell"][aria-colindex="1"]').allTextContents())
      .map((id) => id.trim())
      .filter(Boolean);
    expect(shown.length).toBeGreaterThan(0);
    expect(named).toEqual(expect.arrayContaining(shown));
    // textContent, not innerText: a sticky header scrolled with the grid may have no laid-out text at that moment.
    await table.locator('[role="columnheader"]').filter({ hasText: 'CSAT' }).first().waitFor({ state: 'attached' });
    const headers = await table.locator('[role="columnheader"]').allTextContents();
    expect(headers.map((header) => header.trim())).toEqual(
      expect.arrayContaining([expect.stringContaining('CSAT'), expect.stringContaining('Contacts')])
    );
    await expectNothingBroken(page, errors);
    await page.close();

    const analyst = await open('touchpoint-analyst', 'theme=light', { width: 1600, height: 1000 });
    const text = analyst.page.getByTestId(
      previewTestIds.panel(panelTitled('touchpoint-analyst', 'Writing queries').id)
    );
    expect(await text.locator('.markdown-html li').count()).toBe(3);
    expect(await text.locator('.markdown-html code').first().innerText()).toBe('$__timeFilter(col)');
    await expectNothingBroken(analyst.page, analyst.errors);
    await analyst.page.close();
  });
});
