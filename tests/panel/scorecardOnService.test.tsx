import { locationService } from '@grafana/runtime';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SavedMetricQuery, SavedSqlQuery } from '@touchpoint/contract/src/savedQuery';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { startSeededService, type SeededService } from '../grafana/support/seededService';
import { registerTouchpoint } from './support/panelOnService';
import { renderPanel, resetUrl } from './support/renderPanel';
import { sqlRows, tableColumn } from './support/warehouseRows';

const sliByBranch: SavedMetricQuery = {
  refId: 'A',
  version: 1,
  kind: 'metric',
  metric: 'sli',
  groupBy: ['branch_id', 'region'],
  interval: 'none',
  filters: {},
  compare: 'previous_period',
};
const sliTrend: SavedMetricQuery = {
  refId: 'B',
  version: 1,
  kind: 'metric',
  metric: 'sli',
  groupBy: ['branch_id'],
  interval: 'week',
  filters: {},
};

const trendQuery = (refId: string, metric: string): SavedMetricQuery => ({
  refId,
  version: 1,
  kind: 'metric',
  metric,
  groupBy: [],
  interval: 'week',
  filters: {},
});
const cohortQuery: SavedSqlQuery = {
  refId: 'C',
  version: 1,
  kind: 'sql',
  format: 'table',
  sql: 'select cohort_month, months_since_start, cohort_size, active from rel_cohort_retention order by 1, 2',
};

/** A branch's name as the warehouse holds it. */
const branchName = async (db: string, branchId: string): Promise<string> => {
  const [row] = await sqlRows(db, `select branch_name from dim_branches where branch_id = '${branchId}'`);
  return String(row.branch_name);
};

/** The why step's way on to the branch's customers, once its comparison has come back. */
const findCustomersButton = (name: string) =>
  screen.findByRole('button', { name: messages.why.customers(name) }, { timeout: 10_000 });

describe('scorecard panel on the real service', () => {
  let seeded: SeededService;
  let touchpoint: ReturnType<typeof registerTouchpoint>;
  beforeAll(async () => {
    seeded = await startSeededService();
    touchpoint = registerTouchpoint(seeded.service.url);
  });
  afterAll(() => seeded?.stop());
  beforeEach(() => resetUrl('?var-branch=$__all'));

  it('shows on each branch’s gauge the SLI the service computes for it, with its trend', async () => {
    const { series, request } = await touchpoint.panelData([sliByBranch, sliTrend]);
    renderPanel({ series, request });
    const expected = await sqlRows(
      seeded.db,
      `select branch_id, round(100.0 * sum(sli_weighted_points) / (10.0 * sum(sli_weight)), 1) as sli, sum(sli_n)::int as n
       from fct_responses where responded_at >= '2024-04-01' and responded_at < '2024-06-30' group by 1 order by 1`
    );
    expect(expected.length).toBeGreaterThan(1);
    for (const row of expected) {
      const gauge = within(screen.getByTestId(testIds.gauge(String(row.branch_id))));
      expect(gauge.getByTestId(testIds.gaugeValue)).toHaveTextContent(Number(row.sli).toFixed(1));
      expect(gauge.getByText(`n = ${Number(row.n).toLocaleString('en-US')}`)).toBeInTheDocument();
      expect(gauge.getByText(/vs previous period|no previous value/)).toBeInTheDocument();
      expect(
        screen.getByTestId(testIds.gauge(String(row.branch_id))).querySelectorAll('polyline').length
      ).toBeGreaterThan(0);
    }
  });

  it('drills branch -> customers -> one customer’s contacts in time order, and back up', async () => {
    const { series, request } = await touchpoint.panelData([sliByBranch]);
    renderPanel({ series, request });
    const worst = screen
      .getAllByTestId(/^touchpoint-gauge-BR/)[0]
      .getAttribute('data-testid')!
      .replace('touchpoint-gauge-', '');
    await userEvent.click(screen.getByTestId(testIds.gauge(worst)));
    expect(locationService.getSearchObject()['var-branch']).toBe(worst);
    const worstName = await branchName(seeded.db, worst);
    await userEvent.click(await findCustomersButton(worstName));

    await screen.findByTestId(testIds.drillTable, {}, { timeout: 10_000 });
    const customers = tableColumn('Customer');
    const [{ n }] = await sqlRows(
      seeded.db,
      `select count(*)::int as n from dim_customers where branch_id = '${worst}' and started_at < '2024-06-30' and (ended_at is null or ended_at >= '2024-04-01')`
    );
    expect(customers).toHaveLength(Math.min(Number(n), 500));

    const firstCustomer = screen.getByTestId(testIds.drillTable).querySelector('tbody button')!;
    expect(firstCustomer).toHaveTextContent(customers[0]!);
    await userEvent.click(firstCustomer);
    expect(
      within(screen.getByTestId(testIds.breadcrumbs))
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([
      'Scorecard',
      messages.steps.why(worstName),
      messages.steps.branch(worstName),
      `Customer ${customers[0]}`,
    ]);
    await waitForTable('Event');
    const times = tableColumn('Time');
    expect(times.length).toBeGreaterThan(0);
    expect([...times].sort()).toEqual(times);
    const [{ contacts }] = await sqlRows(
      seeded.db,
      `select count(*)::int as contacts from fct_interactions where customer_id = '${customers[0]}'`
    );
    expect(tableColumn('Event').filter((event) => event === 'contact')).toHaveLength(Number(contacts));

    act(() => locationService.getHistory().goBack());
    await waitForTable('Customer');
    await userEvent.click(within(screen.getByTestId(testIds.breadcrumbs)).getByRole('button', { name: 'Scorecard' }));
    expect(screen.getByTestId(testIds.gauge(worst))).toBeInTheDocument();
    expect(locationService.getSearchObject()['var-branch']).toBe('$__all');
  });

  it('opens a cohort’s customers and a day’s contacts from the path in the URL', async () => {
    const { series, request } = await touchpoint.panelData([sliByBranch]);
    resetUrl('?touchpoint-drill-7=cohort:2024-02-01');
    const { unmount } = renderPanel({ series, request });
    await waitForTable('Customer');
    const [{ n }] = await sqlRows(
      seeded.db,
      `select count(*)::int as n from dim_customers where cohort_month = '2024-02-01'`
    );
    expect(tableColumn('Customer')).toHaveLength(Math.min(Number(n), 500));
    unmount();

    resetUrl('?touchpoint-drill-7=day:2024-05-15&var-branch=BR002');
    renderPanel({ series, request });
    await waitForTable('Channel');
    const [{ contacts }] = await sqlRows(
      seeded.db,
      `select count(*)::int as contacts from fct_interactions where opened_date = '2024-05-15' and branch_id = 'BR002'`
    );
    const millName = await branchName(seeded.db, 'BR002');
    expect(tableColumn('Branch').every((branch) => branch === millName)).toBe(true);
    expect(tableColumn('Time')).toHaveLength(Number(contacts));
  });

  it('names every branch on gauges, breadcrumbs and drill tables, its id on hover', async () => {
    const { series, request } = await touchpoint.panelData([sliByBranch, sliTrend]);
    renderPanel({ series, request });
    const branches = await sqlRows(seeded.db, 'select branch_id, branch_name, region from dim_branches order by 1');
    expect(branches.length).toBeGreaterThan(1);
    for (const { branch_id: id, branch_name: name, region } of branches) {
      const gauge = screen.getByTestId(testIds.gauge(String(id)));
      expect(within(gauge).getByText(String(name))).toBeInTheDocument();
      expect(within(gauge).queryByText(String(id))).toBeNull();
      expect(gauge.getAttribute('title')).toMatch(new RegExp(`^${name} \\(${id}\\), ${region}, SLI `));
    }
    const [{ branch_id: id, branch_name: name }] = branches;
    await userEvent.click(screen.getByTestId(testIds.gauge(String(id))));
    await userEvent.click(await findCustomersButton(String(name)));
    await waitForTable('Customer');
    const crumb = within(screen.getByTestId(testIds.breadcrumbs)).getByText(`Branch ${name}`);
    expect(crumb).toHaveAttribute('title', `${name} (${id})`);
    expect(screen.getByText(new RegExp(`^${name} \\(${id}\\) · `))).toBeInTheDocument();

    const firstCustomer = screen.getByTestId(testIds.drillTable).querySelector('tbody button')!;
    await userEvent.click(firstCustomer);
    await waitForTable('Event');
    const table = screen.getByTestId(testIds.drillTable);
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers.filter((header) => header === 'Branch')).toHaveLength(1);
    const cells = [...table.querySelectorAll('tbody tr')].map(
      (row) => row.querySelectorAll('td')[headers.indexOf('Branch')]
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const named = branches.find((branch) => branch.branch_id === cell.getAttribute('title'));
      expect(cell).toHaveTextContent(String(named?.branch_name));
    }
  });

  it('draws the CSAT and CES trend from the service with the SLI on a second axis, and opens a day’s contacts from a point', async () => {
    const { series, request } = await touchpoint.panelData([
      trendQuery('A', 'csat'),
      trendQuery('B', 'ces_mean'),
      trendQuery('C', 'sli'),
    ]);
    renderPanel({ series, request, options: { view: 'trend' } });
    const csat = screen.getByTestId(testIds.trendChart('csat'));
    expect(screen.getByTestId(testIds.trendChart('ces_mean'))).toBeInTheDocument();
    expect(within(csat).getAllByText('SLI (relationship) →').length).toBeGreaterThan(0);
    const [point] = within(csat).getAllByRole('button');
    const day = /on (\d{4}-\d{2}-\d{2})/.exec(point.getAttribute('aria-label') ?? '')![1];
    await userEvent.click(point);
    expect(locationService.getSearchObject()['touchpoint-drill-7']).toBe(`day:${day}`);
    await waitForTable('Channel');
    const [{ contacts }] = await sqlRows(
      seeded.db,
      `select count(*)::int as contacts from fct_interactions where opened_date = '${day}'`
    );
    expect(tableColumn('Time')).toHaveLength(Math.min(Number(contacts), 500));
  });

  it('draws the retention triangle from the service’s SQL and opens a cohort’s customers from a cell', async () => {
    const { series, request } = await touchpoint.panelData([cohortQuery]);
    renderPanel({ series, request, options: { view: 'cohorts' } });
    const cells = await sqlRows(
      seeded.db,
      `select strftime(cohort_month, '%Y-%m-%d') as month, months_since_start as k, active, cohort_size from rel_cohort_retention order by 1, 2`
    );
    expect(cells.length).toBeGreaterThan(3);
    // A SQL frame is stamped like a metric one, so the wall's cohort triangle says how fresh it is too.
    expect(screen.getByTestId(testIds.asOf)).toHaveTextContent(/^Data as of 29 Jun 2024 \d\d:\d\d/);
    for (const cell of cells) {
      expect(screen.getByTestId(testIds.cohortCell(String(cell.month), Number(cell.k)))).toHaveTextContent(
        `${Math.round((100 * Number(cell.active)) / Number(cell.cohort_size))}%`
      );
    }
    await userEvent.click(screen.getByTestId(testIds.cohortCell(String(cells[0].month), 0)));
    expect(locationService.getSearchObject()['touchpoint-drill-7']).toBe(`cohort:${cells[0].month}`);
    await waitForTable('Customer');
    expect(tableColumn('Customer')).toHaveLength(Math.min(Number(cells[0].cohort_size), 500));
  });
});

/** Waits until the drill table showing `column` is on screen. */
const waitForTable = async (column: string) => {
  await screen.findByRole('columnheader', { name: column }, { timeout: 10_000 });
};
