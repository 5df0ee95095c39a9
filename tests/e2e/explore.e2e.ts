import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { labels, testIds } from '@touchpoint/duckdb-datasource/src/messages';
import { exploreTestIds, exploreText } from '@touchpoint/preview/src/host/explore/exploreText';
import { watchErrors } from './support/chromium';
import { ARTIFACTS, seededWarehouse, useLiveDemo } from './support/liveDemo';
import { serviceRows } from './support/serviceQuery';

const TOKEN = 'e2e-explore-token';
const END = new Date().toISOString().slice(0, 10);
const TO = Date.parse(END);
const FROM = TO - 90 * 86_400_000;

/** How long a page may take to boot (the host bundle and both plugins) on a machine busy with builds. */
const PAGE_TIMEOUT_MS = 90_000;

/** What the person ends up with after accepting the two completions below. */
const COMPLETED_SQL = 'select * from dim_branches order by branch_name';

describe('Explore in the preview (npm start) in Chromium, on a live service', () => {
  const live = useLiveDemo('explore', TOKEN, seededWarehouse(END));

  const open = async (params = '') => {
    const page = await live.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    // The host bundle is large and these machines are busy: wait for the page itself rather than every asset's load event.
    await page.goto(`${live.demo.previewUrl}/explore?from=${FROM}&to=${TO}${params}`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByTestId(exploreTestIds.page).waitFor({ timeout: PAGE_TIMEOUT_MS });
    return { page, errors };
  };
  /** The SQL editor's lines: the editor itself (`role=code`), not Monaco's widgets, which are editors too. */
  const editorLines = (page: Page) =>
    page.getByTestId(testIds.sqlEditor).locator('.monaco-editor[role="code"] .view-lines');
  /** The SQL editor's text as Monaco draws it (it draws spaces as no-break spaces). */
  const editorText = async (page: Page) => (await editorLines(page).innerText()).replace(/\u00a0/g, ' ').trim();
  const sqlMode = async (page: Page) => {
    await page.getByRole('radio', { name: labels.modes.sql }).click();
    await editorLines(page).waitFor();
  };
  /**
   * Asks Monaco for completions (Ctrl+Space) and accepts `expected`, then waits for the editor to hold `after`.
   * The list refreshes while the catalog answers: the focused row is waited for by its label, not read once, and
   * the editor's text is waited for, since Monaco applies an accepted completion after the key press returns.
   */
  const complete = async (page: Page, expected: string, after: string) => {
    await page.keyboard.press('Control+Space');
    const focused = page.locator(`.suggest-widget .monaco-list-row.focused[aria-label*="${expected}"]`);
    await focused.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget .monaco-list-row.focused').waitFor({ state: 'hidden' });
    for (let tries = 0; tries < 50 && (await editorText(page)) !== after; tries++) {
      await page.waitForTimeout(100);
    }
    expect(await editorText(page)).toBe(after);
  };
  /** Each row of the result table as cell texts, under its column headers. */
  const resultTable = async (page: Page) => {
    const table = page.getByTestId(exploreTestIds.table);
    await table.locator('[role="cell"]').first().waitFor();
    const headers = await table.locator('[role="columnheader"]').allInnerTexts();
    const cells = await table.locator('[role="cell"]').allInnerTexts();
    const rows = Array.from({ length: cells.length / headers.length }, (_, row) =>
      cells.slice(row * headers.length, (row + 1) * headers.length)
    );
    return { headers: headers.map((header) => header.trim()), rows };
  };

  it('completes a table and then its column in the SQL editor, runs with Ctrl+Enter and shows what the service returns', async () => {
    const { page, errors } = await open();
    await sqlMode(page);
    await editorLines(page).click();
    await page.keyboard.type('select * from dim_br');
    await complete(page, 'dim_branches', 'select * from dim_branches');
    await page.keyboard.type(' order by branch_n');
    await complete(page, 'branch_name', COMPLETED_SQL);

    await page.keyboard.press('Control+Enter');
    const { headers, rows } = await resultTable(page);
    const expected = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'sql', format: 'table', sql: COMPLETED_SQL }],
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(headers).toEqual(Object.keys(expected[0]));
    expect(rows).toEqual(expected.map((row) => headers.map((header) => String(row[header]))));
    // The URL keeps the query that ran: a link to it shows the same.
    expect(JSON.parse(new URL(page.url()).searchParams.get('query')!)).toMatchObject({
      kind: 'sql',
      sql: COMPLETED_SQL,
    });

    await page.screenshot({ path: join(ARTIFACTS, 'explore-dark.png'), fullPage: true });
    expect(await page.getByTestId(exploreTestIds.error).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a metric from the metric builder as a time series, and a reload restores the query and its graph', async () => {
    const { page, errors } = await open();
    await page.getByRole('radio', { name: labels.modes.metric }).click();
    await page.locator(`#${testIds.metricPicker}`).click();
    await page.keyboard.type('CSAT');
    await page.keyboard.press('Enter');
    const graph = page.getByTestId(exploreTestIds.timeSeries);
    await graph.locator('canvas').first().waitFor();
    expect(await graph.innerText()).toContain('CSAT');
    expect(JSON.parse(new URL(page.url()).searchParams.get('query')!)).toMatchObject({
      kind: 'metric',
      metric: 'csat',
    });
    await page.screenshot({ path: join(ARTIFACTS, 'explore-time-series-dark.png'), fullPage: true });

    // The same result as a table, on the toggle.
    await page.getByTestId(exploreTestIds.viewPicker).getByRole('radio', { name: exploreText.views.table }).click();
    const { headers } = await resultTable(page);
    expect(headers[0]).toBe('time');

    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId(exploreTestIds.page).waitFor({ timeout: PAGE_TIMEOUT_MS });
    // The table was the last view chosen, and the URL kept that too.
    await page.getByTestId(exploreTestIds.table).locator('[role="cell"]').first().waitFor();
    await page
      .getByTestId(exploreTestIds.viewPicker)
      .getByRole('radio', { name: exploreText.views.time_series })
      .click();
    await page.getByTestId(exploreTestIds.timeSeries).locator('canvas').first().waitFor();
    expect(await page.getByRole('radio', { name: labels.modes.metric }).isChecked()).toBe(true);
    expect(await page.getByTestId(testIds.metricSql).innerText()).toContain('$__metric(csat)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the service’s error, naming the problem, for bad SQL; the light theme draws the result too', async () => {
    const { page, errors } = await open();
    await sqlMode(page);
    await editorLines(page).click();
    await page.keyboard.type('select nope from dim_branches');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    const alert = page.getByTestId(exploreTestIds.error);
    await alert.waitFor();
    const serviceError = await serviceRows(live.demo.serviceUrl, TOKEN, {
      from: FROM,
      to: TO,
      queries: [{ refId: 'A', kind: 'sql', format: 'table', sql: 'select nope from dim_branches' }],
    }).then(
      () => undefined,
      (error: Error) => error.message
    );
    expect(serviceError).toContain('nope');
    expect(await alert.innerText()).toContain(exploreText.queryError);
    expect(await alert.innerText()).toContain(serviceError);
    expect(errors).toEqual([]);
    await page.close();

    const query = JSON.stringify({ kind: 'sql', sql: COMPLETED_SQL, format: 'table' });
    const light = await open(`&theme=light&query=${encodeURIComponent(query)}`);
    await resultTable(light.page);
    await editorLines(light.page).waitFor();
    expect(await editorText(light.page)).toBe(COMPLETED_SQL);
    await light.page.screenshot({ path: join(ARTIFACTS, 'explore-light.png'), fullPage: true });
    expect(light.errors).toEqual([]);
    await light.page.close();
  });
});
